using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chikaya.Domain.Complaints;
using Chikaya.Tests.TestSupport;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Deadlines;
using Chikaya.Web.Features.Portal.SubmitComplaint;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Chikaya.Tests.Features;

/// <summary>
/// A platform of its own: nothing else files there, so every batch the writer saves is one of these tests'.
/// No cap on filings at once (PostgreSQL's default is twice the processors), so that nine can wait for the writer.
/// </summary>
public sealed class WriterApp : IAsyncLifetime
{
    public ChikayaApp App { get; } = new() { Settings = new() { [FilingGate.Setting] = "0" } };

    public ValueTask InitializeAsync() => App.InitializeAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

public sealed class FilingWriterTests(WriterApp fixture) : IClassFixture<WriterApp>
{
    private ChikayaApp App => fixture.App;
    private FilingWriter Writer => App.Services.GetRequiredService<FilingWriter>();

    [Fact]
    public async Task Filings_that_arrive_while_the_database_is_busy_are_saved_together_each_whole_and_once()
    {
        using var listener = ListenToBatches(out var batches);
        var themeId = await App.ThemeIdAsync("cleanliness");
        var tag = Guid.NewGuid().ToString("N")[..8];
        List<Task<HttpResponseMessage>> filings;

        await using (var busy = await HoldWritesAsync())
        {
            var first = File(themeId, $"Premier {tag}");
            await WaitUntilAsync(() => Writer.Writing == 1); // the writer holds it, blocked by the database
            filings = [first, .. Enumerable.Range(1, 8).Select(i => File(themeId, $"Suivant {tag} {i}"))];
            await WaitUntilAsync(() => Writer.Waiting == 8);
            Assert.DoesNotContain(filings, f => f.IsCompleted);
        }

        var receipts = new List<JsonElement>();
        foreach (var filing in filings)
        {
            using var response = await filing;
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            receipts.Add(await response.Content.ReadFromJsonAsync<JsonElement>());
        }
        Assert.Contains(8, batches);

        var numbers = receipts.Select(r => r.GetProperty("trackingNumber").GetString()!).ToList();
        Assert.Equal(9, numbers.Distinct().Count());
        await using var db = App.Database();
        var stored = await db.Complaints.Include(c => c.Events).Where(c => c.Subject.Contains(tag)).ToListAsync();
        Assert.Equal(numbers.Order(), stored.Select(c => c.TrackingNumber).Order());
        Assert.All(stored, c => Assert.Single(c.Events));
        var ids = stored.Select(c => c.Id).ToList();
        var receiptsSent = await db.Outbox.CountAsync(m => ids.Contains(m.ComplaintId!.Value) && m.Recipient == "lot@example.ma");
        Assert.Equal(9, receiptsSent);
        Assert.Equal(9, await db.AuditEntries.CountAsync(a => numbers.Contains(a.Subject) && a.Action.StartsWith("complaint.")));
    }

    [Fact]
    public async Task A_filing_that_spoils_a_batch_fails_alone_and_the_others_are_saved()
    {
        using var listener = ListenToBatches(out var batches);
        var themeId = await App.ThemeIdAsync("cleanliness");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var key = Guid.NewGuid().ToString();
        List<Task<HttpResponseMessage>> filings;

        await using (var busy = await HoldWritesAsync())
        {
            var first = File(themeId, $"Premier {tag}");
            await WaitUntilAsync(() => Writer.Writing == 1);
            // the same request sent twice at once with one idempotency key: both are in the batch, the second insert fails
            filings = [first, File(themeId, $"Double {tag}", key), File(themeId, $"Double {tag}", key), File(themeId, $"Autre {tag}")];
            await WaitUntilAsync(() => Writer.Waiting == 3);
        }

        var answers = new List<(HttpStatusCode Status, string Number)>();
        foreach (var filing in filings)
        {
            using var response = await filing;
            answers.Add((response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingNumber").GetString()!));
        }
        Assert.Equal(HttpStatusCode.Created, answers[0].Status);
        Assert.Equal(HttpStatusCode.Created, answers[3].Status);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Created], answers.Skip(1).Take(2).Select(a => a.Status).Order());
        Assert.Equal(answers[1].Number, answers[2].Number);
        Assert.DoesNotContain(3, batches); // the batch of three failed, and was saved again one by one

        await using var db = App.Database();
        var stored = await db.Complaints.Include(c => c.Events).Where(c => c.Subject.Contains(tag)).ToListAsync();
        Assert.Equal(answers.Select(a => a.Number).Distinct().Order(), stored.Select(c => c.TrackingNumber).Order());
        Assert.All(stored, c => Assert.Single(c.Events));
        Assert.Equal(1, await db.IdempotencyRecords.CountAsync(r => r.Key == "api:" + key));
    }

    [Fact]
    public async Task A_filing_whose_tracking_number_is_taken_is_handed_back_to_draw_another()
    {
        var existing = await App.FileAsync(email: null);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rules = await scope.ServiceProvider.GetRequiredService<DeadlineRulesProvider>().GetAsync(db, default);
        var stored = await db.Complaints.AsNoTracking().SingleAsync(c => c.TrackingNumber == existing.TrackingNumber);
        var tag = Guid.NewGuid().ToString("N");
        var input = new NewComplaint
        {
            ThemeId = stored.ThemeId, AdministrationId = stored.AdministrationId, Subject = "Numéro déjà pris " + tag,
            Description = "Le numéro tiré est celui d'une autre réclamation.",
        };
        Complaint Draft(string number) =>
            Complaint.Submit(input, number, SecretCode.New(), rules.For(input.ThemeId, input.AdministrationId), DateTime.UtcNow);

        var taken = Draft(existing.TrackingNumber);
        db.Complaints.Add(taken);
        await Assert.ThrowsAsync<TrackingNumberTakenException>(() => Writer.SaveAsync(db, taken.TrackingNumber, default));
        // nothing saved, and the caller's rows are as it left them
        Assert.Equal(EntityState.Added, db.Entry(taken).State);
        Assert.Equal(EntityState.Added, db.Entry(taken.Events.Single()).State);

        db.ChangeTracker.Clear();
        var free = Draft(TrackingNumber.New(DateTime.UtcNow));
        db.Complaints.Add(free);
        await Writer.SaveAsync(db, free.TrackingNumber, default);

        await using var check = App.Database();
        var saved = Assert.Single(await check.Complaints.Include(c => c.Events).Where(c => c.Subject.Contains(tag)).ToListAsync());
        Assert.Equal(free.TrackingNumber, saved.TrackingNumber);
        Assert.Single(saved.Events);
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Subject == free.TrackingNumber));
        // the attempt under the taken number left no audit line of its own
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Subject == existing.TrackingNumber));
    }

    [Fact]
    public async Task A_filing_is_saved_after_the_database_server_dropped_the_writers_connection()
    {
        if (ChikayaApp.Postgres is null) Assert.Skip("SQLite runs inside the app: there is no server to drop a connection.");
        var themeId = await App.ThemeIdAsync("cleanliness");
        var tag = Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await File(themeId, $"Avant la coupure {tag}")).StatusCode); // the writer's connection is open

        await using (var db = App.Database())
            await db.Database.ExecuteSqlRawAsync(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
        Npgsql.NpgsqlConnection.ClearAllPools(); // the idle ones; the writer's, open, stays broken until it is used

        Assert.Equal(HttpStatusCode.Created, (await File(themeId, $"Après la coupure {tag}")).StatusCode);
        await using var check = App.Database();
        Assert.Equal(2, await check.Complaints.CountAsync(c => c.Subject.EndsWith(tag)));
    }

    private Task<HttpResponseMessage> File(int themeId, string subject, string? idempotencyKey = null)
    {
        var client = App.NewApiClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints")
        {
            Content = JsonContent.Create(new
            {
                themeId, territoryCode = "A-ANFA", subject, description = "Les conteneurs débordent depuis une semaine.",
                contactEmail = "lot@example.ma",
            }),
        };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    /// <summary>Another writer holds the database (a backup, a migration, another instance): inserts wait until it lets go.</summary>
    private async Task<IAsyncDisposable> HoldWritesAsync()
    {
        var db = App.Database();
        var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
            ? "LOCK TABLE \"Complaints\" IN SHARE ROW EXCLUSIVE MODE"
            : "UPDATE \"Themes\" SET \"SortOrder\" = \"SortOrder\" WHERE 1 = 0");
        return new Hold(db, transaction);
    }

    private sealed class Hold(DbContext db, IDbContextTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await db.DisposeAsync();
        }
    }

    /// <summary>Sizes of the batches this platform's writer saves from now on.</summary>
    private MeterListener ListenToBatches(out ConcurrentBag<int> batches)
    {
        var sizes = batches = [];
        var meters = App.Services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == "chikaya.filing.batch_size") l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => sizes.Add(value));
        listener.Start();
        return listener;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; !condition(); i++)
        {
            if (i > 300) throw new TimeoutException("The filings did not reach the writer within 15 s.");
            await Task.Delay(50);
        }
    }
}
