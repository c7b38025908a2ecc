using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Chikaya.Web.Infrastructure.Security;

/// <summary>
/// <c>Chikaya:RateLimits</c>: how many anonymous filings, tracking look-ups (against guessing numbers
/// and codes) and sign-in attempts one address may make in a window. Reading pages is never limited.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Chikaya:RateLimits";

    public Limit Filing { get; set; } = new() { PermitLimit = 30, WindowSeconds = 600 };
    public Limit Tracking { get; set; } = new() { PermitLimit = 30, WindowSeconds = 300 };
    public Limit SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 300 };

    public sealed class Limit
    {
        public int PermitLimit { get; set; }
        public int WindowSeconds { get; set; }
    }
}

public static class RateLimits
{
    public const string Filing = "filing";
    public const string Tracking = "tracking";
    public const string SignIn = "sign-in";

    public static IServiceCollection AddChikayaRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)retry.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            Add(limiter, Filing, options.Filing, readsToo: false);
            Add(limiter, Tracking, options.Tracking, readsToo: true);
            Add(limiter, SignIn, options.SignIn, readsToo: false);
        });
        return services;
    }

    private static void Add(RateLimiterOptions limiter, string name, RateLimitOptions.Limit limit, bool readsToo) =>
        limiter.AddPolicy(name, context =>
        {
            // a page that shows a form is free; what it sends is counted
            if (!readsToo && HttpMethods.IsGet(context.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
            var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limit.PermitLimit),
                Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
                QueueLimit = 0,
            });
        });
}
