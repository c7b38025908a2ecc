using Chikaya.Tests.TestSupport;
using Chikaya.Web.Data;
using Microsoft.Data.Sqlite;

namespace Chikaya.Tests.Infrastructure;

public sealed class SqliteCheckpointerTests
{
    [Fact]
    public async Task A_filed_complaint_reaches_the_database_file_itself_within_moments_and_without_the_checkpointer_stays_in_the_log()
    {
        if (ChikayaApp.Postgres is not null) Assert.Skip("SQLite's write-ahead log only.");

        await using var app = new ChikayaApp();
        await app.InitializeAsync();
        var filed = await app.FileAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!InDatabaseFile(app, filed.TrackingNumber))
        {
            Assert.True(DateTime.UtcNow < deadline, "The complaint is still only in the write-ahead log after 10 s.");
            await Task.Delay(50);
        }

        // the proof that the checkpointer did it: left to SQLite, a few commits stay in the log
        await using var without = new ChikayaApp { Settings = new() { [$"{DatabaseOptions.Section}:CheckpointMilliseconds"] = "0" } };
        await without.InitializeAsync();
        var waiting = await without.FileAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(InDatabaseFile(without, waiting.TrackingNumber));
    }

    // the database file alone, as if its log were gone: immutable=1 reads it without looking at the log
    private static bool InDatabaseFile(ChikayaApp app, string trackingNumber)
    {
        var file = new Uri(Path.Combine(app.DataDirectory, "chikaya.db")).AbsoluteUri;
        try
        {
            using var connection = new SqliteConnection($"Data Source={file}?immutable=1;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM \"Complaints\" WHERE \"TrackingNumber\" = $number";
            command.Parameters.AddWithValue("$number", trackingNumber);
            return (long)command.ExecuteScalar()! == 1;
        }
        catch (SqliteException)
        {
            return false; // a page read while the checkpoint wrote it: look again
        }
    }
}
