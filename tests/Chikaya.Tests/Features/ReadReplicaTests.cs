using Chikaya.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Tests.Features;

/// <summary><c>ConnectionStrings:ChikayaReadOnly</c>: statistics and exports read the replica, filings go to the primary.</summary>
public sealed class ReadReplicaTests
{
    [Fact]
    public async Task With_a_read_only_connection_the_exports_read_the_replica_and_the_filings_go_to_the_primary()
    {
        await using var replica = new ChikayaApp();
        await replica.InitializeAsync();
        var replicaConnection = ChikayaApp.Postgres is { } server
            ? $"{server};Database={replica.DatabaseName}"
            : $"Data Source={Path.Combine(replica.DataDirectory, "chikaya.db")};Mode=ReadOnly";
        await using var primary = new ChikayaApp { Settings = { ["ConnectionStrings:ChikayaReadOnly"] = replicaConnection } };
        await primary.InitializeAsync();

        await primary.FileAsync();
        Assert.Equal(0, await OpenDataRowsAsync(primary));

        // what the replica receives from the primary, in production by replication
        await replica.FileAsync();
        await replica.FileAsync();
        Assert.Equal(2, await OpenDataRowsAsync(primary));
        await using var db = primary.Database();
        Assert.Equal(1, await db.Complaints.CountAsync());
    }

    private static async Task<int> OpenDataRowsAsync(ChikayaApp app)
    {
        using var client = app.NewApiClient();
        var csv = await client.GetStringAsync("/stats/open-data.csv");
        return csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
    }
}
