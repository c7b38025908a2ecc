using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chikaya.Web.Data;

/// <summary>
/// Every SQLite connection waits for a busy database instead of failing, and commits durably:
/// an accepted complaint must survive a crash. The pragmas are set once per physical connection:
/// EF opens a pooled connection for every query, and repeating them was a measurable part of a filing.
/// With <paramref name="autoCheckpointPages"/>, a commit checkpoints the write-ahead log only past that many pages
/// (<see cref="SqliteCheckpointer"/> does it meanwhile).
/// </summary>
public sealed class SqlitePragmas(int? autoCheckpointPages = null) : DbConnectionInterceptor
{
    private readonly string _pragmas = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;" +
        (autoCheckpointPages is { } pages
            ? $" PRAGMA wal_autocheckpoint = {pages}; PRAGMA journal_size_limit = {SqliteCheckpointer.LogSizeLimitBytes};"
            : "");
    private static readonly ConditionalWeakTable<object, object> Configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragmas(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (!NeedsPragmas(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // the native handle outlives the SqliteConnection object in the pool, and is new when the pool opens a new one
    private static bool NeedsPragmas(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, handle);
}
