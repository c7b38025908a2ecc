using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Chikaya.Web.Infrastructure;

/// <summary>
/// <c>/health/live</c>: the process answers (a load balancer restarts it otherwise).
/// <c>/health/ready</c> and <c>/health</c>: the database answers too (send it traffic).
/// </summary>
public static class HealthEndpoints
{
    public static WebApplication MapChikayaHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready");
        app.MapHealthChecks("/health");
        return app;
    }
}
