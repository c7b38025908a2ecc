using System.Net;
using System.Text.RegularExpressions;
using Chikaya.Tests.TestSupport;
using Chikaya.Web.Data.Seeding;
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
        Assert.Equal(minutes, counts["webhooks"]);
        Assert.Equal(3, counts["deadline-sweep"]); // minutes 1, 16 and 31
        Assert.Equal(1, counts["daily-digest"]);
        Assert.Equal(1, counts["retention"]);
        Assert.Equal(1, counts["orphan-files"]);
        await using var db = first.Database();
        Assert.Equal(7, await db.JobLeases.CountAsync(l => l.LastRunUtc != null));
    }

    [Fact]
    public async Task A_form_from_one_server_process_is_accepted_by_the_other_and_its_sign_in_is_recognised_back()
    {
        await using var database = new ChikayaApp();
        await using var first = await ServerProcess.StartAsync(database);
        await using var second = await ServerProcess.StartAsync(database);
        // one browser behind a load balancer: the same cookies, whichever instance answers
        var cookies = new CookieContainer();
        HttpClient Browser(ServerProcess server) =>
            new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var onFirst = Browser(first);
        using var onSecond = Browser(second);

        var form = await onFirst.GetStringAsync("/account/signin");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await onSecond.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = $"agent.commune@{DemoOptions.Domain}", ["Input.Password"] = DemoOptions.Password,
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync("/backoffice")).StatusCode);
    }
}
