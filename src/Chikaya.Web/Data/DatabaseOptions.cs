namespace Chikaya.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Chikaya:Database";

    /// <summary>The settings as configured, for what is decided before the services exist.</summary>
    public static DatabaseOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

    /// <summary><c>Sqlite</c> (default, a file in the data folder) or <c>Postgres</c> (ConnectionStrings:Chikaya).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>
    /// SQLite: how often a thread of its own copies the write-ahead log into the database file
    /// (<see cref="SqliteCheckpointer"/>); 0 leaves it to the connection whose commit fills the log.
    /// </summary>
    public int CheckpointMilliseconds { get; set; } = 100;

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);
}
