using Chikaya.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Tests.Features;

/// <summary>Two app instances on one database, as behind a load balancer: each scheduled job runs once per due time.</summary>
public sealed class TwoInstancesTests
{
    [Fact]
    public async Task Each_scheduled_job_runs_once_per_due_time_when_two_instances_share_the_database()
    {
        var folder = Path.Combine(Path.GetTempPath(), "chikaya-tests", Guid.NewGuid().ToString("N"));
        // disposed in reverse order: the second leaves the data, the first removes it
        await using var first = new ChikayaApp(demoComplaints: 20, folder);
        await first.InitializeAsync();
        await using var second = new ChikayaApp(demoComplaints: 20, folder) { KeepData = true };
        await second.InitializeAsync();

        const int minutes = 40;
        var runs = new List<string>();
        for (var minute = 1; minute <= minutes; minute++)
        {
            // both instances wake up at the same moment of the same minute
            var ran = await Task.WhenAll(first.RunJobsAsync(), second.RunJobsAsync());
            var both = ran.SelectMany(names => names).ToList();
            Assert.Equal(both.Distinct(), both);
            runs.AddRange(both);
        }

        var counts = runs.GroupBy(name => name).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(minutes, counts["outbox"]);
        Assert.Equal(minutes, counts["audit-seal"]);
        Assert.Equal(3, counts["deadline-sweep"]); // minutes 1, 16 and 31
        Assert.Equal(1, counts["daily-digest"]);
        Assert.Equal(1, counts["retention"]);
        Assert.Equal(1, counts["orphan-files"]);
        await using var db = first.Database();
        Assert.Equal(6, await db.JobLeases.CountAsync(l => l.LastRunUtc != null));
    }
}
