using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace Chikaya.Web.Features.Dashboard;

/// <summary>
/// The public statistics page is read far more often than its figures change meaningfully: they are kept for a
/// minute per filter, so a busy page costs one computation a minute (staff dashboards read the store afresh).
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

    private static string Key(string what, string scope, DashboardFilter filter)
    {
        var text = what + "|" + scope + "|" + string.Join("&", filter.ToRoute().Select(p => p.Key + "=" + p.Value));
        return "dashboard:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
