using Chikaya.Tests.TestSupport;
using Chikaya.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

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
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Hash == null || a.Position == null));
            var chain = await db.AuditEntries.OrderBy(a => a.Position).ToListAsync();
            string? previous = null;
            foreach (var (line, place) in chain.Select((l, i) => (l, i + 1L)))
            {
                Assert.Equal((line.ComputeHash(previous), place), (line.Hash, line.Position));
                previous = line.Hash;
            }
            Assert.Equal((chain.Count, (long?)null), await AuditVerifier.VerifyAsync(db, CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_line_that_becomes_visible_after_later_lines_were_sealed_takes_the_next_place_and_the_chain_stays_whole()
    {
        await using var app = new ChikayaApp();
        await app.InitializeAsync();
        await app.RunJobsAsync();
        // on PostgreSQL a transaction that took id N can commit after one that took N + 1 was sealed; explicit ids show it on both databases
        await AddLineAsync(app, 9_000_002, "premier visible");
        await app.RunJobsAsync();
        await AddLineAsync(app, 9_000_001, "visible ensuite");
        await app.RunJobsAsync();

        await using var db = app.Database();
        var late = await db.AuditEntries.SingleAsync(a => a.Id == 9_000_001);
        var early = await db.AuditEntries.SingleAsync(a => a.Id == 9_000_002);
        Assert.Equal(early.Position + 1, late.Position);
        Assert.Equal(late.ComputeHash(early.Hash), late.Hash);
        var (checkedLines, tampered) = await AuditVerifier.VerifyAsync(db, CancellationToken.None);
        Assert.Null(tampered);
        Assert.Equal(late.Position, checkedLines);

        // deleting a line leaves a hole in the places: the line after it is named
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Id\" = 9000002");
        Assert.Equal(9_000_001, (await AuditVerifier.VerifyAsync(db, CancellationToken.None)).FirstTampered);
    }

    [Fact]
    public async Task On_PostgreSQL_a_line_committed_after_a_later_one_was_sealed_keeps_the_chain_whole()
    {
        if (ChikayaApp.Postgres is null) Assert.Skip("SQLite writes one transaction at a time: lines become visible in the order of their ids.");
        await using var app = new ChikayaApp();
        await app.InitializeAsync();
        await app.RunJobsAsync();

        await using var slow = app.Database();
        await using var transaction = await slow.Database.BeginTransactionAsync();
        slow.AuditEntries.Add(Line("transaction lente"));
        await slow.SaveChangesAsync();
        await using (var quick = app.Database())
        {
            quick.AuditEntries.Add(Line("transaction rapide"));
            await quick.SaveChangesAsync();
        }
        await app.RunJobsAsync();
        await transaction.CommitAsync();
        await app.RunJobsAsync();

        await using var db = app.Database();
        var lines = await db.AuditEntries.Where(a => a.Subject == "ORDRE").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["transaction lente", "transaction rapide"], lines.Select(l => l.Details));
        Assert.True(lines[0].Position > lines[1].Position, "the slow transaction's line is sealed after the quick one's");
        Assert.Null((await AuditVerifier.VerifyAsync(db, CancellationToken.None)).FirstTampered);
    }

    [Fact]
    public async Task Lines_sealed_before_the_chain_had_places_keep_their_order_and_stay_whole_after_the_upgrade()
    {
        await using var app = new ChikayaApp();
        await app.InitializeAsync();
        await using (var db = app.Database())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_AuditPosition", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"");
            foreach (var id in new long[] { 5, 7, 8, 9 })
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO \"AuditEntries\" (\"Id\", \"OccurredUtc\", \"ActorName\", \"Action\", \"Subject\", \"Details\") VALUES ({0}, {1}, 'Agent', 'complaint.viewed', 'ORDRE', 'avant la mise à jour')",
                    id, Line("").OccurredUtc);
            // sealed as the job did then: in the order of the ids, read back as the job reads them; the last one waits for the seal
            var written = await db.AuditEntries.OrderBy(a => a.Id).Select(a => new AuditEntry
            {
                Id = a.Id, OccurredUtc = a.OccurredUtc, ActorUserId = a.ActorUserId, ActorName = a.ActorName, Action = a.Action, Subject = a.Subject, Details = a.Details,
            }).ToListAsync();
            string? previous = null;
            foreach (var line in written.SkipLast(1))
            {
                previous = line.ComputeHash(previous);
                await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Hash\" = {0} WHERE \"Id\" = {1}", previous, line.Id);
            }
            await db.Database.MigrateAsync();
        }

        await using (var db = app.Database())
        {
            Assert.Equal([(5L, (long?)1L), (7, 2), (8, 3), (9, null)],
                (await db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.Id, a.Position }).ToListAsync()).Select(a => (a.Id, a.Position)));
            Assert.Equal((3L, (long?)null), await AuditVerifier.VerifyAsync(db, CancellationToken.None));
        }
        await app.RunJobsAsync();
        await using (var db = app.Database())
        {
            Assert.Equal(4, (await db.AuditEntries.SingleAsync(a => a.Id == 9)).Position);
            Assert.Equal((4L, (long?)null), await AuditVerifier.VerifyAsync(db, CancellationToken.None));
        }
    }

    private static AuditEntry Line(string details) => new()
    {
        OccurredUtc = new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc), ActorName = "Agent", Action = "complaint.viewed", Subject = "ORDRE", Details = details,
    };

    private static async Task AddLineAsync(ChikayaApp app, long id, string details)
    {
        await using var db = app.Database();
        var line = Line(details);
        line.Id = id;
        db.AuditEntries.Add(line);
        await db.SaveChangesAsync();
    }
}
