using Chikaya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Dashboard;

/// <summary>
/// Which complaints changed since a horizon, through the "ChangeStamp" column that the database's own triggers set on
/// every insert and on every update of a dashboard column (migration DashboardChangeStamp), whatever wrote it: a handler,
/// a bulk update, an import, another instance. Rows changed at or after a horizon are the ones to read again.
/// SQLite writes one transaction at a time, so the stamp is a counter and the next horizon is one past the largest.
/// PostgreSQL transactions commit in any order, so the stamp is the writing transaction's id and the next horizon is
/// the oldest transaction still running when we look: every transaction below it has committed and is visible.
/// </summary>
public static class ChangeFeed
{
    public static Task<long> HorizonAsync(AppDbContext db, CancellationToken ct) => db.Database.SqlQueryRaw<long>(db.Database.IsNpgsql()
            ? """SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS "Value" """
            : """SELECT COALESCE(MAX("ChangeStamp"), 0) + 1 AS "Value" FROM "Complaints" """)
        .SingleAsync(ct);

    /// <summary>The next horizon, taken before reading, and the complaints changed since this one.</summary>
    public static async Task<(long Next, List<Guid> Changed)> ChangedSinceAsync(AppDbContext db, long horizon, CancellationToken ct)
    {
        var next = await HorizonAsync(db, ct);
        var changed = await db.Database.SqlQueryRaw<Guid>("""SELECT "Id" AS "Value" FROM "Complaints" WHERE "ChangeStamp" >= {0}""", horizon)
            .ToListAsync(ct);
        return (next, changed);
    }
}
