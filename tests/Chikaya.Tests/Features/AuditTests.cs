using Chikaya.Tests.TestSupport;
using Chikaya.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Tests.Features;

public sealed class AuditTests
{
    [Fact]
    public async Task Actions_and_views_of_personal_data_are_chained_and_tampering_is_found()
    {
        await using var app = new ChikayaApp();
        await app.InitializeAsync();
        var filed = await app.FileAsync(territory: "A-ANFA");
        var agent = app.NewBrowser();
        await agent.SignInAsync("agent.anfa");
        var page = await agent.GetAsync($"/backoffice/complaints/{filed.TrackingNumber}");
        await agent.SubmitAsync(page, "form:has(button[value='Accept'])", submitName: "Input.Action", submitValue: "Accept");
        await app.RunJobsAsync();

        await using (var db = app.Database())
        {
            var lines = await db.AuditEntries.Where(a => a.Subject == filed.TrackingNumber).OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(["complaint.submitted", "personal-data.view", "complaint.accepted", "personal-data.view"], lines.Select(l => l.Action));
            Assert.All(lines, l => Assert.NotNull(l.Hash));
            Assert.Equal("Agent Anfa", lines[1].ActorName);
            var intact = await AuditVerifier.VerifyAsync(db, CancellationToken.None);
            Assert.Null(intact.FirstTampered);
            Assert.True(intact.Checked >= lines.Count);

            var target = lines[2].Id;
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"ActorName\" = 'Quelqu''un d''autre' WHERE \"Id\" = {0}", target);
            Assert.Equal(target, (await AuditVerifier.VerifyAsync(db, CancellationToken.None)).FirstTampered);
        }
        Assert.Equal(3, await AuditVerifier.RunAsync(app.Services));
    }

    [Fact]
    public async Task Lines_waiting_by_the_thousand_are_sealed_in_one_unbroken_chain()
    {
        await using var app = new ChikayaApp();
        await app.InitializeAsync();
        await app.RunJobsAsync();
        var at = new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
        await using (var db = app.Database())
        {
            // more than one batch of the job, and more than a thousand, as under load between two runs
            db.AuditEntries.AddRange(Enumerable.Range(0, 1_234).Select(i => new AuditEntry
            {
                OccurredUtc = at.AddMilliseconds(i), ActorName = "Charge", Action = "complaint.submitted", Subject = $"LOAD-{i}",
            }));
            await db.SaveChangesAsync();
        }

        await app.RunJobsAsync();

        await using (var db = app.Database())
        {
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Hash == null));
            var chain = await db.AuditEntries.OrderBy(a => a.Id).ToListAsync();
            string? previous = null;
            foreach (var line in chain)
            {
                Assert.Equal(line.ComputeHash(previous), line.Hash);
                previous = line.Hash;
            }
            Assert.Equal((chain.Count, (long?)null), await AuditVerifier.VerifyAsync(db, CancellationToken.None));
        }
    }
}
