using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Chikaya.Web.Data;
using Chikaya.Web.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Portal.SubmitComplaint;

/// <summary>
/// Group commit for new filings. A filing hands its new rows to one writer, which saves every filing waiting at that
/// moment in a single SaveChanges: one transaction and one flush to disk for all of them, where each used to take the
/// database's write lock, commit and flush on its own. The filing's answer waits for the commit, so a citizen never holds
/// a tracking number that a crash could lose. When no one else is filing, a batch is one filing and waits for nothing.
/// The writer also checks the batch's tracking numbers in one query: a filing whose number is taken is handed back to
/// draw another. If a batch fails (the same idempotency key sent twice at once, say), its filings are saved again one by
/// one, so that only the faulty one fails. <c>Chikaya:Filing:GroupCommit</c> (on by default) turns it off.
/// </summary>
public sealed class FilingWriter : IAsyncDisposable
{
    public const string Setting = "Chikaya:Filing:GroupCommit";
    public const int MaxBatch = 64;

    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<FilingWriter> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Histogram<int> _batchSizes;
    private readonly Task _loop;

    public FilingWriter(IServiceScopeFactory scopes, IConfiguration configuration, IMeterFactory meters, ILogger<FilingWriter> logger)
    {
        _scopes = scopes;
        _logger = logger;
        Enabled = configuration.GetValue(Setting, true);
        var meter = meters.Create(ComplaintMetrics.MeterName);
        _batchSizes = meter.CreateHistogram<int>("chikaya.filing.batch_size", "{complaint}", "Filings saved together in one transaction");
        meter.CreateObservableGauge("chikaya.filing.queue", () => Waiting, "{complaint}", "Filings waiting for the writer");
        _loop = Enabled ? Task.Run(WriteLoopAsync) : Task.CompletedTask;
    }

    public bool Enabled { get; }

    /// <summary>Filings waiting for the writer: they are saved in the next batch.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Filings in the batch being saved now.</summary>
    public int Writing => Volatile.Read(ref _writing);

    private int _writing;
    private int _waiting;

    /// <summary>
    /// Saves what <paramref name="db"/> holds: new rows go to the writer, and are no longer tracked by it. A context that also
    /// changes or deletes rows saves itself, as before. Ends when the rows are committed; throws what their save threw.
    /// </summary>
    public async Task SaveAsync(AppDbContext db, string trackingNumber, CancellationToken ct)
    {
        var entries = db.ChangeTracker.Entries().ToList();
        if (!Enabled || entries.Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            if (await db.Complaints.AnyAsync(c => c.TrackingNumber == trackingNumber, ct)) throw new TrackingNumberTakenException();
            await db.SaveChangesAsync(ct);
            return;
        }

        // owned values travel with their owner; everything else is added again in the writer's context. What the caller
        // only read stays tracked: a chat conversation, say, is changed and saved by its caller once the filing is done.
        var added = entries.Where(e => e.State == EntityState.Added).ToList();
        var rows = added.Where(e => !e.Metadata.IsOwned()).Select(e => e.Entity).ToList();
        foreach (var entry in added) entry.State = EntityState.Detached;
        var pending = new Pending(rows, trackingNumber);
        Interlocked.Increment(ref _waiting);
        if (!_queue.Writer.TryWrite(pending))
        {
            Interlocked.Decrement(ref _waiting);
            throw new ObjectDisposedException(nameof(FilingWriter));
        }
        try
        {
            // not cancelled with the request: once queued, the filing is saved whether or not the citizen is still there
            await pending.Done.Task;
        }
        catch (TrackingNumberTakenException)
        {
            db.AddRange(rows); // as the caller left it, to try again under another number
            throw;
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
            Volatile.Write(ref _writing, batch.Count);
            Interlocked.Add(ref _waiting, -batch.Count);
            try
            {
                await WriteAsync(batch);
            }
            catch (Exception e)
            {
                // WriteAsync settles every filing; this is a failure to open a context at all
                _logger.LogError(e, "The filing writer could not save a batch of {Count}", batch.Count);
                foreach (var pending in batch) pending.Done.TrySetException(e);
            }
            batch.Clear();
            Volatile.Write(ref _writing, 0);
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // one query for the whole batch instead of one per filing; the unique index stays the last word
        var numbers = batch.Select(p => p.TrackingNumber).ToList();
        var taken = (await db.Complaints.Where(c => numbers.Contains(c.TrackingNumber)).Select(c => c.TrackingNumber).ToListAsync()).ToHashSet();
        var seen = new HashSet<string>();
        foreach (var pending in batch.Where(p => taken.Contains(p.TrackingNumber) || !seen.Add(p.TrackingNumber)).ToList())
        {
            pending.Done.TrySetException(new TrackingNumberTakenException());
            batch.Remove(pending);
        }
        if (batch.Count == 0) return;

        try
        {
            foreach (var pending in batch) db.AddRange(pending.Rows);
            await db.SaveChangesAsync(CancellationToken.None);
            _batchSizes.Record(batch.Count);
            foreach (var pending in batch) pending.Done.TrySetResult();
            return;
        }
        catch (Exception e) when (batch.Count > 1)
        {
            _logger.LogWarning(e, "A batch of {Count} filings failed; saving them one by one", batch.Count);
        }
        catch (Exception e)
        {
            db.ChangeTracker.Clear();
            batch[0].Done.TrySetException(e);
            return;
        }

        foreach (var pending in batch)
        {
            db.ChangeTracker.Clear();
            try
            {
                db.AddRange(pending.Rows);
                await db.SaveChangesAsync(CancellationToken.None);
                _batchSizes.Record(1);
                pending.Done.TrySetResult();
            }
            catch (Exception e)
            {
                db.ChangeTracker.Clear();
                pending.Done.TrySetException(e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private sealed record Pending(List<object> Rows, string TrackingNumber)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>The tracking number drawn for a filing is already another complaint's: the filing draws again.</summary>
public sealed class TrackingNumberTakenException() : Exception("This tracking number belongs to another complaint.");
