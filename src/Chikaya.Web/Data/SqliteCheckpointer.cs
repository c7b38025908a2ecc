using Microsoft.Data.Sqlite;

namespace Chikaya.Web.Data;

/// <summary>
/// Copies committed pages from SQLite's write-ahead log into the database file, on a thread of its own, every
/// <see cref="DatabaseOptions.CheckpointMilliseconds"/>. Left to SQLite, the connection whose commit takes the log past
/// 1,000 pages copies them itself; under load that connection is the filing writer, and every filing waiting for the next
/// batch waited for the copy too. A passive checkpoint blocks neither writers nor readers. The connections still check-
/// point themselves, but only past <see cref="OwnCheckpointPages"/> pages, and then find the pages already copied: the
/// log starts again from its beginning, and its file stays a few tens of megabytes.
/// </summary>
public sealed class SqliteCheckpointer(string connectionString, TimeSpan every, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>The pages of log past which a committing connection checkpoints itself, when this service runs.</summary>
    public const int OwnCheckpointPages = 10_000;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // blocking calls every few milliseconds: not the thread pool's work, whose queue is long under load
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        SqliteConnection? connection = null;
        try
        {
            while (!stoppingToken.WaitHandle.WaitOne(every))
            {
                try
                {
                    if (connection is null)
                    {
                        connection = new SqliteConnection(connectionString);
                        connection.Open();
                    }
                    using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    command.ExecuteNonQuery();
                }
                catch (SqliteException e)
                {
                    // the next turn tries again, on a new connection; SQLite's own checkpoints go on meanwhile
                    logger.LogWarning(e, "The write-ahead log could not be checkpointed");
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        finally { connection?.Dispose(); }
    }
}
