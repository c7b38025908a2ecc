using Chikaya.Web.Data;
using Chikaya.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chikaya.Web.Features.Audit;

/// <summary>
/// Chains new audit lines in the order they become visible. Lines are written with the change they record; sealing them
/// apart keeps concurrent saves from competing for the last hash, and the job runs on one instance at a time.
/// Each sealed line gets the next <see cref="AuditEntry.Position"/>: on PostgreSQL transactions commit in any order, so a
/// line can appear after lines with higher ids were sealed; it then simply takes the next place instead of breaking the chain.
/// Under load thousands of lines wait for each run: they are read untracked and sealed by one prepared UPDATE
/// (<see cref="PreparedStatements"/>: one round trip per batch on PostgreSQL), in short transactions, so that filings are not held behind the seal.
/// </summary>
public sealed class AuditSealJob(AppDbContext db, DatabaseWriteGate gate) : IScheduledJob
{
    private const int Batch = 500;

    public string Name => "audit-seal";
    public TimeSpan Every => TimeSpan.FromSeconds(10);

    public async Task RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        var end = await db.AuditEntries.Where(e => e.Position != null).OrderByDescending(e => e.Position)
            .Select(e => new { e.Hash, e.Position }).FirstOrDefaultAsync(ct);
        var (previous, position) = (end?.Hash, end?.Position ?? 0);
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Position == null).OrderBy(e => e.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0) return;
            foreach (var entry in batch)
            {
                previous = entry.Hash = entry.ComputeHash(previous);
                entry.Position = ++position;
            }
            await SealAsync(batch, ct);
        }
    }

    private async Task SealAsync(List<AuditEntry> batch, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(AuditEntry))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var (hash, position, id) = (entity.FindProperty(nameof(AuditEntry.Hash))!, entity.FindProperty(nameof(AuditEntry.Position))!,
            entity.FindProperty(nameof(AuditEntry.Id))!);
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(IProperty property) => sql.DelimitIdentifier(property.GetColumnName(table)!);
        var update = new Statement(
            $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {Column(hash)} = {sql.GenerateParameterNamePlaceholder("hash")}, " +
            $"{Column(position)} = {sql.GenerateParameterNamePlaceholder("position")} " +
            $"WHERE {Column(id)} = {sql.GenerateParameterNamePlaceholder("id")} AND {Column(position)} IS NULL",
            [sql.GenerateParameterName("hash"), sql.GenerateParameterName("position"), sql.GenerateParameterName("id")]);
        var (hashes, positions, ids) = (hash.GetRelationalTypeMapping(), position.GetRelationalTypeMapping(), id.GetRelationalTypeMapping());

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // SQLite has one writer: wait for the turn SaveChanges would wait for, and hold it for one short transaction
            using var hold = db.Database.IsSqlite() ? await gate.HoldAsync(ct) : null;
            await using var statements = new PreparedStatements(db.Database.GetDbConnection());
            await using var transaction = await statements.Connection.BeginTransactionAsync(ct);
            var sealedLines = await statements.RunAsync(batch.Select(e => new Command(update,
                [new Value(hashes, e.Hash, false), new Value(positions, e.Position, true), new Value(ids, e.Id, false)])), transaction, ct);
            // a line sealed meanwhile by someone else: the chain this run carries on from is not the table's, so nothing of it
            // (the unique index on the position refuses a second line at the same place as well)
            if (sealedLines != batch.Count)
                throw new InvalidOperationException($"Sealed {sealedLines} of {batch.Count} audit lines; the batch is rolled back.");
            await transaction.CommitAsync(ct);
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }
}

public static class AuditVerifier
{
    /// <summary>
    /// Walks the chain in the order it was sealed; returns the id of the first line that does not match (a changed line, or
    /// the line after a deleted one), or null when all is intact. Lines not sealed yet are not part of it.
    /// </summary>
    public static async Task<(long Checked, long? FirstTampered)> VerifyAsync(AppDbContext db, CancellationToken ct)
    {
        string? previous = null;
        long count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().Where(e => e.Position != null).OrderBy(e => e.Position)
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.Position != count + 1 || entry.Hash != entry.ComputeHash(previous)) return (count, entry.Id);
            previous = entry.Hash;
            count++;
        }
        return (count, null);
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
