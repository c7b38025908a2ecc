using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace Chikaya.Web.Features.Dashboard;

/// <summary>
/// Dashboards are read far more often than they change meaningfully: the same figures are kept for a
/// minute per reader's scope and filter, so a busy public statistics page costs one computation a minute.
/// </summary>
public sealed class DashboardCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public Task<T> GetAsync<T>(string what, string scope, DashboardFilter filter, Func<Task<T>> compute) =>
        cache.GetOrCreateAsync(Key(what, scope, filter), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            entry.Size = 1;
            return compute();
        })!;

    /// <summary>Replaces what is kept, so that readers never wait for a computation the warm-up already did.</summary>
    public void Set<T>(string what, string scope, DashboardFilter filter, T value) =>
        cache.Set(Key(what, scope, filter), value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime * 2, Size = 1 });

    private static string Key(string what, string scope, DashboardFilter filter)
    {
        var text = what + "|" + scope + "|" + string.Join("&", filter.ToRoute().Select(p => p.Key + "=" + p.Value));
        return "dashboard:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
