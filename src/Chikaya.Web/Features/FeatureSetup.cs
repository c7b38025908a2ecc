using Chikaya.Domain.Deadlines;
using Chikaya.Web.Features.Api;
using Chikaya.Web.Features.BackOffice;
using Chikaya.Web.Features.Portal.SubmitComplaint;
using Chikaya.Web.Features.Portal.TrackComplaint;
using Chikaya.Web.Infrastructure;
using Chikaya.Web.Infrastructure.Files;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Features;

public sealed class DeadlineOptions
{
    public const string Section = "Chikaya:Deadlines";

    public int DecisionDays { get; set; } = LegalDeadlines.DecreeDecisionDays;
    public int AnswerDays { get; set; } = LegalDeadlines.DecreeAnswerDays;
}

public static class FeatureSetup
{
    public static IServiceCollection AddChikayaFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.Section)
            .Validate(o => o.DecisionDays >= 1 && o.AnswerDays >= o.DecisionDays, "Deadlines: 1 <= DecisionDays <= AnswerDays.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DeadlineOptions>>().Value is var o
            ? LegalDeadlines.Create(o.DecisionDays, o.AnswerDays) : LegalDeadlines.Decree);
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section)
            .Validate(o => o.MaxFiles is >= 1 and <= 50 && o.MaxFileBytes >= 1024, "Attachments: 1-50 files of at least 1 KB.")
            .ValidateOnStart();
        var root = Path.Combine(DataDirectory.Resolve(configuration), "attachments");
        services.AddSingleton<IFileStore>(new LocalFileStore(root));
        services.AddScoped<AttachmentIntake>();
        services.AddScoped<ComplaintRouter>();
        services.AddScoped<FormChoices>();
        services.AddScoped<SubmitComplaintHandler>();
        services.AddScoped<CitizenAccess>();
        services.AddScoped<HandleComplaintHandler>();
        return services;
    }

    public static WebApplication MapChikayaApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Chikaya API");
        api.MapReferenceData();
        api.MapSubmitComplaint();
        api.MapGetComplaint();
        return app;
    }
}
