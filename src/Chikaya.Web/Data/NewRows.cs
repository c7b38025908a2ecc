using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chikaya.Web.Data;

/// <summary>
/// A context's new rows as ready-made INSERT statements, built from EF Core's model by the caller, so that one writer
/// only has to run them (<see cref="Features.Portal.SubmitComplaint.FilingWriter"/>). What SaveChanges would add with
/// them (the outbox's messages, the audit line, webhook deliveries) is added first by the same interceptors. The rows
/// come in the order their foreign keys need: a citizen before its complaint, a complaint before its events. Keys that
/// the database generates are left to it and not read back. Values go through each column's own type mapping, as
/// SaveChanges sends them. Only plain new rows: a context that changes or deletes rows, or holds owned or complex
/// values, is saved by SaveChanges (<see cref="CanCapture"/>).
/// </summary>
public sealed class NewRows
{
    private static readonly ConcurrentDictionary<IEntityType, int> Ranks = new();
    private static readonly ConcurrentDictionary<(IEntityType Type, ulong Columns), Statement> Statements = new();

    private NewRows(IReadOnlyList<Command> inserts) => Inserts = inserts;

    /// <summary>In the order they must be run (<see cref="PreparedStatements"/> runs them).</summary>
    public IReadOnlyList<Command> Inserts { get; }

    /// <summary>Whether these entries are all new rows, each of one table and without owned or complex values.</summary>
    public static bool CanCapture(IEnumerable<EntityEntry> entries) =>
        entries.All(e => e.State == EntityState.Added && !e.Metadata.IsOwned() && !e.Metadata.GetComplexProperties().Any()
                         && e.Metadata.GetTableMappings().Count() == 1);

    /// <summary>
    /// Adds what the save interceptors add, then builds the inserts of every new row the context tracks. The rows stay
    /// tracked, as new: the caller decides what becomes of them.
    /// </summary>
    public static async Task<NewRows> CaptureAsync(AppDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors ?? [];
        // what the interceptors add, they add; every look at the tracker after this one need not detect changes again
        var auto = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        List<EntityEntry> entries;
        try
        {
            foreach (var interceptor in interceptors.OfType<BeforeSaveInterceptor>()) await interceptor.AddRowsAsync(db, ct);
            entries = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();
        }
        finally { db.ChangeTracker.AutoDetectChangesEnabled = auto; }
        if (!CanCapture(entries)) throw new NotSupportedException("Only plain new rows can be written without SaveChanges.");
        var helper = db.GetService<ISqlGenerationHelper>();
        return new NewRows(entries.OrderBy(e => Rank(e.Metadata)).Select(e => InsertOf(e, helper)).ToList());
    }

    private static Command InsertOf(EntityEntry entry, ISqlGenerationHelper helper)
    {
        var properties = entry.Metadata.GetProperties().ToList();
        var values = new List<Value>(properties.Count);
        var included = new List<IProperty>(properties.Count);
        ulong columns = 0;
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var current = entry.Property(property);
            if (current.IsTemporary)
            {
                // a key the database makes (an identity column): left out, as SaveChanges does
                if (property.IsPrimaryKey()) continue;
                throw new NotSupportedException($"{entry.Metadata.DisplayName()}.{property.Name} refers to a row whose key the database has not made yet.");
            }
            if (property.GetComputedColumnSql() is not null) continue;
            if (property.ValueGenerated != ValueGenerated.Never && Equals(current.CurrentValue, property.Sentinel)
                && (property.GetDefaultValueSql() is not null || property.GetDefaultValue() is not null)) continue;
            included.Add(property);
            values.Add(new Value(property.GetRelationalTypeMapping(), current.CurrentValue, property.IsNullable));
            if (i < 64) columns |= 1UL << i;
        }
        var statement = properties.Count <= 64
            ? Statements.GetOrAdd((entry.Metadata, columns), _ => StatementOf(entry.Metadata, included, helper))
            : StatementOf(entry.Metadata, included, helper);
        return new Command(statement, values.ToArray());
    }

    private static Statement StatementOf(IEntityType type, List<IProperty> properties, ISqlGenerationHelper helper)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var names = properties.Select((_, i) => helper.GenerateParameterName("p" + i)).ToArray();
        var sql = $"INSERT INTO {helper.DelimitIdentifier(table.Name, table.Schema)} " +
                  $"({string.Join(", ", properties.Select(p => helper.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
                  $"VALUES ({string.Join(", ", properties.Select((_, i) => helper.GenerateParameterNamePlaceholder("p" + i)))})";
        return new Statement(sql, names);
    }

    /// <summary>How far a type is from the types it refers to: rows of lower rank are inserted first.</summary>
    private static int Rank(IEntityType type) => Ranks.GetOrAdd(type, t => RankOf(t, 0));

    private static int RankOf(IEntityType type, int depth)
    {
        if (depth > 32) throw new NotSupportedException($"The foreign keys of {type.DisplayName()} go round in a circle.");
        var principals = type.GetForeignKeys().Select(k => k.PrincipalEntityType).Where(p => p != type).ToList();
        return principals.Count == 0 ? 0 : 1 + principals.Max(p => RankOf(p, depth + 1));
    }
}
