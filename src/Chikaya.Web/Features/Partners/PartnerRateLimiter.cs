using System.Threading.RateLimiting;

namespace Chikaya.Web.Features.Partners;

/// <summary>Each partner's requests per minute, counted on this instance: a runaway client slows itself, not the platform.</summary>
public sealed class PartnerRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<(int Id, int Limit)> _limiter =
        PartitionedRateLimiter.Create<(int Id, int Limit), (int Id, int Limit)>(key => RateLimitPartition.GetFixedWindowLimiter(key,
            k => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, k.Limit), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public bool TryAcquire(Partner partner)
    {
        using var lease = _limiter.AttemptAcquire((partner.Id, partner.RequestsPerMinute));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
