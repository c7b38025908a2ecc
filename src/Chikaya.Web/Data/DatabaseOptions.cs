namespace Chikaya.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Chikaya:Database";

    /// <summary><c>Sqlite</c> (default, a file in the data folder) or <c>Postgres</c> (ConnectionStrings:Chikaya).</summary>
    public string Provider { get; set; } = "Sqlite";

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);
}
