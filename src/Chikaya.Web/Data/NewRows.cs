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

    private NewRows(IReadOnlyList<Insert> inserts) => Inserts = inserts;

    /// <summary>In the order they must be run.</summary>
    public IReadOnlyList<Insert> Inserts { get; }

    public sealed record Statement(string Sql, string[] ParameterNames);

    public sealed record Insert(Statement Statement, Value[] Values);

    public readonly record struct Value(RelationalTypeMapping Mapping, object? Current, bool Nullable);

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

    private static Insert InsertOf(EntityEntry entry, ISqlGenerationHelper helper)
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
        return new Insert(statement, values.ToArray());
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

    /// <summary>
    /// Runs inserts on one open connection. Each statement is prepared once and run again for every row, for as long as
    /// the inserter lives (SQLite, in process); where the driver can send many commands at once (PostgreSQL), a write is
    /// one round trip.
    /// </summary>
    public sealed class Inserter(DbConnection connection) : IAsyncDisposable
    {
        private readonly Dictionary<Statement, DbCommand> _commands = [];
        private readonly DbCommand _scratch = connection.CreateCommand();

        public DbConnection Connection => connection;

        /// <summary>Runs the inserts of these rows, in order, in the given transaction.</summary>
        public async Task WriteAsync(IEnumerable<NewRows> all, DbTransaction transaction, CancellationToken ct)
        {
            if (connection.CanCreateBatch)
            {
                await using var batch = connection.CreateBatch();
                batch.Transaction = transaction;
                foreach (var insert in all.SelectMany(rows => rows.Inserts))
                {
                    var command = batch.CreateBatchCommand();
                    command.CommandText = insert.Statement.Sql;
                    Bind(insert, command.Parameters);
                    batch.BatchCommands.Add(command);
                }
                await batch.ExecuteNonQueryAsync(ct);
                return;
            }

            foreach (var insert in all.SelectMany(rows => rows.Inserts))
            {
                if (!_commands.TryGetValue(insert.Statement, out var command))
                {
                    command = connection.CreateCommand();
                    command.CommandText = insert.Statement.Sql;
                    _commands.Add(insert.Statement, command);
                }
                command.Transaction = transaction;
                command.Parameters.Clear();
                Bind(insert, command.Parameters);
                await command.ExecuteNonQueryAsync(ct);
            }
        }

        private void Bind(Insert insert, DbParameterCollection parameters)
        {
            for (var i = 0; i < insert.Values.Length; i++)
            {
                var value = insert.Values[i];
                parameters.Add(value.Mapping.CreateParameter(_scratch, insert.Statement.ParameterNames[i], value.Current, value.Nullable));
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in _commands.Values) await command.DisposeAsync();
            _commands.Clear();
            await _scratch.DisposeAsync();
        }
    }
}
