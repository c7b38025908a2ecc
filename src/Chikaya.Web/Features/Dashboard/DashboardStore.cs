using Chikaya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Dashboard;

/// <summary>One past the largest administration, territory and theme id held: the sizes of per-id tables.</summary>
public readonly record struct StoreLimits(int Administrations, int Territories, int Themes);

public delegate T StoreQuery<T>(ReadOnlySpan<StoredComplaint> rows, StoreLimits limits);

/// <summary>
/// The dashboards' columns of every complaint, kept in this instance's memory so that any filter is a loop over
/// arrays. Loaded once in the background; before each reading it catches up with what changed in the database since
/// (see <see cref="ChangeFeed"/>), so figures are exact right after a change, whichever instance made it.
/// </summary>
public sealed class DashboardStore(ILogger<DashboardStore> logger)
{
    private readonly ReaderWriterLockSlim gate = new();
    private readonly SemaphoreSlim catchingUp = new(1, 1);
    private StoredComplaint[] rows = [];
    private Guid[] ids = [];
    private int count;
    // ids[0..sorted) are in order (the full load), the ones added since are found through this dictionary
    private int sorted;
    private readonly Dictionary<Guid, int> added = [];
    private StoreLimits limits;
    private long horizon;
    private long begun;
    private long finished;
    private volatile bool loaded;

    public bool IsLoaded => loaded;
    public int Count => count;
    public long Bytes => (long)rows.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<StoredComplaint>() + (long)ids.Length * 16;

    public async Task LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var start = await ChangeFeed.HorizonAsync(db, ct);
        var capacity = await db.Complaints.CountAsync(ct) + 1024;
        var newRows = new StoredComplaint[capacity];
        var newIds = new Guid[capacity];
        var n = 0;
        await foreach (var row in DashboardRow.Select(db.Complaints.AsNoTracking()).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (n == newRows.Length) Grow(ref newRows, ref newIds, n + 1);
            newRows[n] = StoredComplaint.From(row);
            newIds[n++] = row.Id;
        }
        Array.Sort(newIds, newRows, 0, n);
        gate.EnterWriteLock();
        try
        {
            (rows, ids, count, sorted, horizon) = (newRows, newIds, n, n, start);
            added.Clear();
            limits = default;
            for (var i = 0; i < n; i++) Widen(rows[i]);
            loaded = true;
        }
        finally { gate.ExitWriteLock(); }
        logger.LogInformation("Dashboard store loaded: {Count} complaints, {Megabytes} MB", n, Bytes / 1_000_000);
        await CatchUpAsync(db, ct);
    }

    /// <summary>Reads again the complaints changed since the last catch-up; false while the store is not loaded yet.</summary>
    public async Task<bool> CatchUpAsync(AppDbContext db, CancellationToken ct)
    {
        if (!loaded) return false;
        var arrived = Interlocked.Read(ref begun);
        await catchingUp.WaitAsync(ct);
        try
        {
            // a catch-up that began after this reader arrived has seen every change the reader may expect
            if (finished > arrived) return true;
            var mine = Interlocked.Increment(ref begun);
            var (next, changed) = await ChangeFeed.ChangedSinceAsync(db, horizon, ct);
            if (changed.Count > 0) Apply(await DashboardRow.Select(db.Complaints.AsNoTracking().Where(c => changed.Contains(c.Id))).ToListAsync(ct));
            horizon = next;
            finished = mine;
            return true;
        }
        finally { catchingUp.Release(); }
    }

    public T Read<T>(StoreQuery<T> query)
    {
        gate.EnterReadLock();
        try { return query(rows.AsSpan(0, count), limits); }
        finally { gate.ExitReadLock(); }
    }

    private void Apply(List<DashboardRow> changed)
    {
        gate.EnterWriteLock();
        try
        {
            foreach (var row in changed)
            {
                var slot = Array.BinarySearch(ids, 0, sorted, row.Id);
                if (slot < 0 && !added.TryGetValue(row.Id, out slot))
                {
                    if (count == rows.Length) Grow(ref rows, ref ids, count + 1);
                    slot = count++;
                    ids[slot] = row.Id;
                    added[row.Id] = slot;
                }
                rows[slot] = StoredComplaint.From(row);
                Widen(rows[slot]);
            }
        }
        finally { gate.ExitWriteLock(); }
    }

    private void Widen(in StoredComplaint row) => limits = new StoreLimits(Math.Max(limits.Administrations, row.Administration + 1),
        Math.Max(limits.Territories, row.Territory + 1), Math.Max(limits.Themes, row.Theme + 1));

    private static void Grow(ref StoredComplaint[] rows, ref Guid[] ids, int needed)
    {
        var size = Math.Max(needed, rows.Length * 5 / 4 + 1024);
        Array.Resize(ref rows, size);
        Array.Resize(ref ids, size);
    }
}
