using System.Text.Json;
using System.Text.Json.Serialization;
using Chikaya.Web.Infrastructure.Errors;
using Chikaya.Web.Infrastructure.Localization;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Infrastructure;

public static class WebSetup
{
    public static IServiceCollection AddChikayaWeb(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
            {
                options.RootDirectory = "/Features";
                // one convention per area, so that no page is left open by mistake
                options.Conventions.AuthorizeFolder("/BackOffice", Policies.Staff);
                options.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
                options.Conventions.AuthorizeFolder("/CallCentre", Policies.CallCentre);
                options.Conventions.AuthorizeFolder("/BackOffice/Citizens", Policies.Supervisor);
                options.Conventions.AddFolderApplicationModelConvention("/CallCentre", page => page.Filters.Add(new ServiceFilterAttribute(typeof(RequireTwoFactorFilter))));
                options.Conventions.AuthorizeFolder("/Portal/Account/Mine");
                options.Conventions.AddFolderApplicationModelConvention("/BackOffice", page => page.Filters.Add(new ServiceFilterAttribute(typeof(RequireTwoFactorFilter))));
                options.Conventions.AddFolderApplicationModelConvention("/Admin", page => page.Filters.Add(new ServiceFilterAttribute(typeof(RequireTwoFactorFilter))));
                options.Conventions.AddPageApplicationModelConvention("/Portal/SubmitComplaint/SubmitComplaint",
                    page => page.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(RateLimits.Filing)));
                options.Conventions.AddPageApplicationModelConvention("/Portal/TrackComplaint/TrackComplaint",
                    page => page.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(RateLimits.Tracking)));
                options.Conventions.AddPageApplicationModelConvention("/Portal/Account/SignIn",
                    page => page.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(RateLimits.SignIn)));
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization()
            .AddMvcOptions(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add(new RequireHandlerFilter());
            });
        services.AddOptions<MvcOptions>().Configure<IStringLocalizer>((mvc, t) =>
            LocalizationSetup.LocalizeBindingMessages(mvc.ModelBindingMessageProvider, t));
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem.Extensions.ContainsKey("code") || problem is HttpValidationProblemDetails) return;
            var t = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer>();
            problem.Extensions["code"] = $"http.{problem.Status}";
            problem.Title = t[$"http.{problem.Status}"];
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddHttpContextAccessor();
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section);
        services.AddScoped<RequireTwoFactorFilter>();
        services.AddOptions<SpamOptions>().BindConfiguration(SpamOptions.Section);
        services.AddSingleton<SpamGuard>();
        services.AddOpenApi();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    public static WebApplication UseChikayaErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = exception => ProblemExceptionHandler.StatusOf(exception),
        });
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Features.Open311.Open311Endpoints.Prefix),
            open311 => open311.UseStatusCodePages(context => Features.Open311.Open311Endpoints.WriteStatusAsync(context.HttpContext)));
        app.UseWhen(context => ProblemExceptionHandler.IsApi(context.Request.Path) && !context.Request.Path.StartsWithSegments(Features.Open311.Open311Endpoints.Prefix),
            api => api.UseStatusCodePages());
        app.UseWhen(context => !ProblemExceptionHandler.IsApi(context.Request.Path),
            pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseSecurityHeaders();
        return app;
    }
}
