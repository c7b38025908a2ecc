using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace Chikaya.Web.Data;

/// <summary>A SQL statement with its parameters' names; one instance per statement, so that it can be prepared once.</summary>
public sealed record Statement(string Sql, string[] ParameterNames);

/// <summary>A statement and the values of one run of it.</summary>
public sealed record Command(Statement Statement, Value[] Values);

/// <summary>A value as SaveChanges would send it: through its column's own type mapping.</summary>
public readonly record struct Value(RelationalTypeMapping Mapping, object? Current, bool Nullable);

/// <summary>
/// Runs commands written outside SaveChanges (a filing's inserts, the audit seal's updates) on one open connection. Each
/// statement is prepared once and run again for every row, for as long as this lives (SQLite, in process); where the
/// driver can send many commands at once (PostgreSQL), a run is one round trip.
/// </summary>
public sealed class PreparedStatements(DbConnection connection) : IAsyncDisposable
{
    private readonly Dictionary<Statement, DbCommand> _commands = [];
    private readonly DbCommand _scratch = connection.CreateCommand();

    public DbConnection Connection => connection;

    /// <summary>Runs these commands, in order, in the given transaction; returns the rows they changed.</summary>
    public async Task<int> RunAsync(IEnumerable<Command> commands, DbTransaction transaction, CancellationToken ct)
    {
        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var command in commands)
            {
                var one = batch.CreateBatchCommand();
                one.CommandText = command.Statement.Sql;
                Bind(command, one.Parameters);
                batch.BatchCommands.Add(one);
            }
            return await batch.ExecuteNonQueryAsync(ct);
        }

        var changed = 0;
        foreach (var command in commands)
        {
            if (!_commands.TryGetValue(command.Statement, out var prepared))
            {
                prepared = connection.CreateCommand();
                prepared.CommandText = command.Statement.Sql;
                _commands.Add(command.Statement, prepared);
            }
            prepared.Transaction = transaction;
            prepared.Parameters.Clear();
            Bind(command, prepared.Parameters);
            changed += await prepared.ExecuteNonQueryAsync(ct);
        }
        return changed;
    }

    private void Bind(Command command, DbParameterCollection parameters)
    {
        for (var i = 0; i < command.Values.Length; i++)
        {
            var value = command.Values[i];
            parameters.Add(value.Mapping.CreateParameter(_scratch, command.Statement.ParameterNames[i], value.Current, value.Nullable));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values) await command.DisposeAsync();
        _commands.Clear();
        await _scratch.DisposeAsync();
    }
}
