using System.Data.Common;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Chikaya.Web.Data;
using Chikaya.Web.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Portal.SubmitComplaint;

/// <summary>
/// Group commit for new filings. A filing turns its new rows into INSERT statements on its own thread
/// (<see cref="NewRows"/>, with the outbox's messages, the audit line and webhook deliveries that SaveChanges would add)
/// and hands them to one writer, which runs every filing waiting at that moment in one transaction: one commit and one
/// flush to disk for all of them, on a connection it keeps open with its statements prepared. The filing's answer waits
/// for the commit, so a citizen never holds a tracking number that a crash could lose. When no one else is filing, a
/// batch is one filing and waits for nothing. A tracking number another complaint has, or an idempotency key sent twice
/// at once, fails the batch on its unique index; the batch is then saved again one filing at a time, so that only the
/// faulty one fails, and a taken number is handed back to draw another. <c>Chikaya:Filing:GroupCommit</c> (on by
/// default) turns it off.
/// </summary>
public sealed class FilingWriter : IAsyncDisposable
{
    public const string Setting = "Chikaya:Filing:GroupCommit";
    public const int MaxBatch = 64;

    private readonly IServiceScopeFactory _scopes;
    private readonly DatabaseWriteGate _gate;
    private readonly ILogger<FilingWriter> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Histogram<int> _batchSizes;
    private readonly Task _loop;

    public FilingWriter(IServiceScopeFactory scopes, DatabaseWriteGate gate, IConfiguration configuration, IMeterFactory meters, ILogger<FilingWriter> logger)
    {
        _scopes = scopes;
        _gate = gate;
        _logger = logger;
        Enabled = configuration.GetValue(Setting, true);
        var meter = meters.Create(ComplaintMetrics.MeterName);
        _batchSizes = meter.CreateHistogram<int>("chikaya.filing.batch_size", "{complaint}", "Filings saved together in one transaction");
        meter.CreateObservableGauge("chikaya.filing.queue", () => Waiting, "{complaint}", "Filings waiting for the writer");
        // its own thread: the thread pool's queue is long under load, and a batch that waited there was a batch late for everyone
        _loop = Enabled ? Task.Factory.StartNew(WriteLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default) : Task.CompletedTask;
    }

    public bool Enabled { get; }

    /// <summary>Filings waiting for the writer: they are saved in the next batch.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Filings in the batch being saved now.</summary>
    public int Writing => Volatile.Read(ref _writing);

    private int _writing;
    private int _waiting;

    /// <summary>
    /// Saves what <paramref name="db"/> holds: its new rows, with what the save interceptors add to them, become inserts
    /// for the writer, and are no longer tracked by it. A context that also changes or deletes rows saves itself, as
    /// before. Ends when the rows are committed; throws what their save threw.
    /// </summary>
    public async Task SaveAsync(AppDbContext db, string trackingNumber, CancellationToken ct)
    {
        var entries = db.ChangeTracker.Entries().ToList();
        if (!Enabled || !NewRows.CanCapture(entries.Where(e => e.State != EntityState.Unchanged)))
        {
            if (await db.Complaints.AnyAsync(c => c.TrackingNumber == trackingNumber, ct)) throw new TrackingNumberTakenException();
            await db.SaveChangesAsync(ct);
            return;
        }

        // what the caller only read stays tracked: a chat conversation, say, is changed and saved by its caller once the
        // filing is done. Its new rows leave the context, as a SaveChanges would have left them saved.
        var own = entries.Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var rows = await NewRows.CaptureAsync(db, ct);
        if (own.Count == entries.Count) db.ChangeTracker.Clear(); // nothing else tracked: the cheap way
        else
        {
            var auto = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false; // the capture has just detected them
            try
            {
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList()) entry.State = EntityState.Detached;
            }
            finally { db.ChangeTracker.AutoDetectChangesEnabled = auto; }
        }
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
            // as the caller left them, to try again under another number; the messages and the audit line are made again
            db.AddRange(own);
            throw;
        }
    }

    private void WriteLoop()
    {
        var batch = new List<Pending>(MaxBatch);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
            Volatile.Write(ref _writing, batch.Count);
            Interlocked.Add(ref _waiting, -batch.Count);
            try
            {
                WriteAsync(batch).GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                // WriteAsync settles every filing; this is a failure to reach the database at all
                _logger.LogError(e, "The filing writer could not save a batch of {Count}", batch.Count);
                foreach (var pending in batch) pending.Done.TrySetException(e);
                CloseAsync().GetAwaiter().GetResult();
            }
            batch.Clear();
            Volatile.Write(ref _writing, 0);
        }
        CloseAsync().GetAwaiter().GetResult();
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        // the same number twice in one batch: the second draws again
        var seen = new HashSet<string>();
        foreach (var pending in batch.Where(p => !seen.Add(p.TrackingNumber)).ToList())
        {
            pending.Done.TrySetException(new TrackingNumberTakenException());
            batch.Remove(pending);
        }

        // a number another complaint already has (a chance in hundreds of millions) fails the batch on the unique index;
        // so does an idempotency key sent twice at once. The batch is then saved again one filing at a time, so that only
        // the faulty one fails, and a taken number is handed back to draw another.
        try
        {
            await CommitAsync(batch);
            _batchSizes.Record(batch.Count);
            foreach (var pending in batch) pending.Done.TrySetResult();
            return;
        }
        catch (DbUpdateException e)
        {
            _logger.LogWarning(e, "A batch of {Count} filings failed; saving them one by one", batch.Count);
            // on a new connection: the error may have been the connection's own (a database server restarted, say)
            await CloseAsync();
        }

        foreach (var pending in batch)
        {
            try
            {
                var db = (await OpenAsync()).Db;
                if (await db.Complaints.AnyAsync(c => c.TrackingNumber == pending.TrackingNumber))
                {
                    pending.Done.TrySetException(new TrackingNumberTakenException());
                    continue;
                }
                await CommitAsync([pending]);
                _batchSizes.Record(1);
                pending.Done.TrySetResult();
            }
            catch (Exception e)
            {
                pending.Done.TrySetException(e);
                await CloseAsync();
            }
        }
    }

    /// <summary>Inserts these filings' rows in one transaction, taking SQLite's write gate as SaveChanges would.</summary>
    private async Task CommitAsync(IReadOnlyList<Pending> filings)
    {
        var (db, inserter) = await OpenAsync();
        using var hold = db.Database.IsSqlite() ? await _gate.HoldAsync(CancellationToken.None) : null;
        try
        {
            await using var transaction = await inserter.Connection.BeginTransactionAsync();
            await inserter.RunAsync(filings.SelectMany(f => f.Rows.Inserts), transaction, CancellationToken.None);
            await transaction.CommitAsync();
        }
        catch (DbException e)
        {
            // as SaveChanges reports it: a duplicated idempotency key is answered by its handler
            throw new DbUpdateException("The filing's rows could not be saved.", e);
        }
    }

    // the writer keeps one connection open, and its prepared statements with it, until it fails or the app stops
    private AsyncServiceScope? _scope;
    private AppDbContext? _db;
    private PreparedStatements? _inserter;

    private async Task<(AppDbContext Db, PreparedStatements Inserter)> OpenAsync()
    {
        if (_db is { } db && _inserter is { } inserter) return (db, inserter);
        var scope = _scopes.CreateAsyncScope();
        _scope = scope;
        _db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await _db.Database.OpenConnectionAsync();
        _inserter = new PreparedStatements(_db.Database.GetDbConnection());
        return (_db, _inserter);
    }

    private async Task CloseAsync()
    {
        var (inserter, scope) = (_inserter, _scope);
        (_inserter, _db, _scope) = (null, null, null);
        try
        {
            if (inserter is not null) await inserter.DisposeAsync();
            if (scope is { } open) await open.DisposeAsync();
        }
        catch (Exception e) when (e is DbException or ObjectDisposedException)
        {
            // a broken connection, or the app's services already gone at shutdown: nothing left to save
            _logger.LogDebug(e, "The filing writer's connection closed with an error");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private sealed record Pending(NewRows Rows, string TrackingNumber)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>The tracking number drawn for a filing is already another complaint's: the filing draws again.</summary>
public sealed class TrackingNumberTakenException() : Exception("This tracking number belongs to another complaint.");
