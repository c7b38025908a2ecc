using Chikaya.Web.Features.Deadlines;
using Chikaya.Web.Features.Jobs;
using Chikaya.Web.Features.Notifications;
using Chikaya.Web.Features.Api;
using Chikaya.Web.Features.BackOffice;
using Chikaya.Web.Features.Portal.SubmitComplaint;
using Chikaya.Web.Features.Portal.TrackComplaint;
using Chikaya.Web.Infrastructure;
using Chikaya.Web.Infrastructure.Files;

namespace Chikaya.Web.Features;

public static class FeatureSetup
{
    public static IServiceCollection AddChikayaFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.Section)
            .Validate(o => o.IsValid(), "Chikaya:Deadlines: spans such as 15d, 10wd or 48h; decision before answer; overrides name a theme or an administration.")
            .ValidateOnStart();
        services.AddSingleton<DeadlineRulesProvider>();
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section)
            .Validate(o => o.MaxFiles is >= 1 and <= 50 && o.MaxFileBytes >= 1024, "Attachments: 1-50 files of at least 1 KB.")
            .ValidateOnStart();
        services.AddChikayaFileStore(configuration);
        services.AddScoped<AttachmentIntake>();
        services.AddOptions<AntivirusOptions>().BindConfiguration(AntivirusOptions.Section);
        services.AddSingleton<VirusScanner>();
        services.AddScoped<ComplaintRouter>();
        services.AddScoped<FormChoices>();
        services.AddScoped<SubmitComplaintHandler>();
        services.AddSingleton<FilingGate>();
        services.AddSingleton<FilingWriter>();
        services.AddScoped<Citizens.CitizenDirectory>();
        services.AddScoped<Citizens.MergeCitizensHandler>();
        services.AddScoped<CitizenAccess>();
        services.AddScoped<HandleComplaintHandler>();
        services.AddSingleton<Partners.PartnerRateLimiter>();
        services.AddScoped<LegacyImport.ComplaintImporter>();
        services.AddOptions<Chat.ChatOptions>().BindConfiguration(Chat.ChatOptions.Section);
        services.AddScoped<Chat.ChatEngine>();
        services.AddHttpClient(Chat.MetaWebhooks.Client, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddMemoryCache(options => options.SizeLimit = 10_000);
        services.AddSingleton<Chikaya.Web.Features.Dashboard.DashboardCache>();
        services.AddSingleton<Chikaya.Web.Features.Dashboard.DashboardStore>();
        services.AddHostedService<Chikaya.Web.Features.Dashboard.DashboardStoreLoader>();
        services.AddScoped<Chikaya.Web.Features.Dashboard.DashboardReader>();

        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.AddSingleton<NotificationComposer>();
        services.AddSingleton<OutboxInterceptor>();
        services.AddScoped<IMessageSender, SmtpSender>();
        // as the SMTP sender's: a provider that hangs must not hold the outbox's run past its lease
        services.AddHttpClient<HttpSmsSender>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddScoped<IMessageSender>(sp => sp.GetRequiredService<HttpSmsSender>());
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section);
        // in this order: the outbox goes last and sends what the others wrote in the same tick
        services.AddScoped<IScheduledJob, DeadlineSweepJob>();
        services.AddScoped<IScheduledJob, DailyDigestJob>();
        services.AddOptions<Privacy.PrivacyOptions>().BindConfiguration(Privacy.PrivacyOptions.Section);
        services.AddScoped<IScheduledJob, Privacy.RetentionJob>();
        services.AddScoped<IScheduledJob, Audit.AuditSealJob>();
        services.AddScoped<IScheduledJob, OrphanFileSweepJob>();
        services.AddScoped<IScheduledJob, OutboxDispatchJob>();
        services.AddHttpClient(Partners.WebhookDispatchJob.Client, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddScoped<IScheduledJob, Partners.WebhookDispatchJob>();
        services.AddSingleton<Partners.WebhookInterceptor>();
        services.AddOptions<EmailIntake.EmailIntakeOptions>().BindConfiguration(EmailIntake.EmailIntakeOptions.Section);
        services.AddScoped<EmailIntake.EmailIntakeHandler>();
        services.AddSingleton<EmailIntake.SmtpIntakeListener>();
        services.AddHostedService(sp => sp.GetRequiredService<EmailIntake.SmtpIntakeListener>());
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        return services;
    }

    public static WebApplication MapChikayaApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Chikaya API");
        api.MapReferenceData();
        api.MapSubmitComplaint();
        api.MapGetComplaint();
        api.MapCitizenActions();
        return app;
    }
}
