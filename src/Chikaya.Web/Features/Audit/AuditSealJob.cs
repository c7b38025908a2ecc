using Chikaya.Web.Data;
using Chikaya.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Audit;

/// <summary>
/// Chains new audit lines in order. Lines are written with the change they record; sealing them
/// apart keeps concurrent saves from competing for the last hash, and the job runs on one instance at a time.
/// </summary>
public sealed class AuditSealJob(AppDbContext db) : IScheduledJob
{
    public string Name => "audit-seal";
    public TimeSpan Every => TimeSpan.FromSeconds(10);

    public async Task RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        var previous = await db.AuditEntries.Where(e => e.Hash != null).OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct);
        while (true)
        {
            var batch = await db.AuditEntries.Where(e => e.Hash == null).OrderBy(e => e.Id).Take(1000).ToListAsync(ct);
            if (batch.Count == 0) return;
            foreach (var entry in batch) previous = entry.Hash = entry.ComputeHash(previous);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}

public static class AuditVerifier
{
    /// <summary>Walks the chain; returns the id of the first line that does not match, or null when all is intact.</summary>
    public static async Task<(long Checked, long? FirstTampered)> VerifyAsync(AppDbContext db, CancellationToken ct)
    {
        string? previous = null;
        long count = 0, lastId = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().Where(e => e.Hash != null).OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            // a missing id in the sealed sequence is a deleted line
            if (entry.Hash != entry.ComputeHash(previous)) return (count, entry.Id);
            previous = entry.Hash;
            lastId = entry.Id;
            count++;
        }
        var unsealedBefore = await db.AuditEntries.AnyAsync(e => e.Hash == null && e.Id < lastId, ct);
        return unsealedBefore ? (count, await db.AuditEntries.Where(e => e.Hash == null && e.Id < lastId).MinAsync(e => e.Id, ct)) : (count, null);
    }

    /// <summary><c>dotnet run --project src/Chikaya.Web -- verify-audit</c>: exit code 0 when the chain is intact, 3 when not.</summary>
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (checkedCount, tampered) = await VerifyAsync(db, CancellationToken.None);
        if (tampered is { } id)
        {
            Console.WriteLine($"Audit log: TAMPERED at entry {id} (after {checkedCount} intact entries).");
            return 3;
        }
        Console.WriteLine($"Audit log: intact ({checkedCount} sealed entries).");
        return 0;
    }
}
