using Microsoft.Data.Sqlite;

namespace Chikaya.Web.Data;

/// <summary>
/// Copies committed pages from SQLite's write-ahead log into the database file, on a thread of its own, every
/// <see cref="DatabaseOptions.CheckpointMilliseconds"/>. Left to SQLite, the connection whose commit takes the log past
/// 1,000 pages copies them itself; under load that connection is the filing writer, and every filing waiting for the next
/// batch waited for the copy too. A passive checkpoint blocks neither writers nor readers. The connections still check-
/// point themselves, but only past <see cref="OwnCheckpointPages"/> pages, and then find the pages already copied: the
/// log starts again from its beginning; a log that a long read made grow is cut back to <see cref="LogSizeLimitBytes"/>.
/// </summary>
public sealed class SqliteCheckpointer(string connectionString, TimeSpan every, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>The pages of log past which a committing connection checkpoints itself, when this service runs.</summary>
    public const int OwnCheckpointPages = 10_000;

    /// <summary>What is left of the log file's size when it starts again (SQLite's <c>journal_size_limit</c>).</summary>
    public const long LogSizeLimitBytes = 64L * 1024 * 1024;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // blocking calls every few milliseconds: not the thread pool's work, whose queue is long under load
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        SqliteConnection? connection = null;
        var failing = false;
        try
        {
            while (!stoppingToken.WaitHandle.WaitOne(failing ? every * 50 : every))
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
                    if (failing) logger.LogInformation("The write-ahead log is checkpointed again");
                    failing = false;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // a disk full, say: said once, tried again less often, on a new connection; SQLite's own checkpoints
                    // go on meanwhile, and the service never stops the app
                    if (!failing) logger.LogWarning(e, "The write-ahead log could not be checkpointed");
                    failing = true;
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        finally { connection?.Dispose(); }
    }
}
