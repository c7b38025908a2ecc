using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Chikaya.Web.Infrastructure.Telemetry;

public static class TelemetrySetup
{
    /// <summary>The standard variable of OpenTelemetry: where the collector listens (OTLP).</summary>
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Our meter always counts (anyone may listen); traces and metrics are exported over OTLP only when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, so an instance without a collector pays nothing for them.
    /// </summary>
    public static IServiceCollection AddChikayaTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ComplaintMetrics>();
        if (string.IsNullOrWhiteSpace(configuration[EndpointKey])) return services;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("chikaya", serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(ComplaintMetrics.MeterName)
                .AddOtlpExporter());
        return services;
    }
}
