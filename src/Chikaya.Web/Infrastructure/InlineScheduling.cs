using Chikaya.Web.Data;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace Chikaya.Web.Infrastructure;

/// <summary>
/// Kestrel goes on with a request on the thread that received its bytes, instead of queueing it once more for the
/// thread pool (<see cref="SocketTransportOptions.UnsafePreferInlineScheduling"/>). Under load that queue is long: a
/// citizen tracking a complaint waited behind the work of every filing in flight. Measured with fifty clients filing on
/// SQLite: the app answered a look-up in about 1 ms (p99 5 ms) from the moment the request reached it, while the citizen
/// waited 50 ms at p99; about 25 ms with this. The runtime still hands each socket's completions to the thread pool
/// (DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS stays unset), so the thread that goes on is one of the pool's, never
/// the one that polls the sockets: a request that blocks (SQLite's calls do) holds a pool thread, as it would without
/// this. On PostgreSQL it did harm (filings 417 and 294 a second against 561 and 848, tracking p99 37 and 55 ms against
/// 28 and 24, runs taken in turns): <c>Chikaya:Web:InlineScheduling</c> is on by default with SQLite only.
/// </summary>
public static class InlineScheduling
{
    public const string Setting = "Chikaya:Web:InlineScheduling";

    public static IWebHostBuilder UseChikayaSockets(this IWebHostBuilder host, IConfiguration configuration)
    {
        var database = DatabaseOptions.From(configuration);
        var inline = configuration.GetValue<bool?>(Setting) ?? !database.IsPostgres;
        return host.UseSockets(o => o.UnsafePreferInlineScheduling = inline);
    }
}
