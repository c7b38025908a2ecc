using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Data;

/// <summary>
/// Dashboards, rankings, statistics and exports read a lot and change nothing: with
/// <c>ConnectionStrings:ChikayaReadOnly</c> (a PostgreSQL replica, say) they read there and leave the primary to the
/// filings. Without it they read the primary. Ask for it with <c>[FromKeyedServices(ReadOnlyDatabase.Key)] AppDbContext</c>.
/// </summary>
public static class ReadOnlyDatabase
{
    public const string Key = "read-only";
    public const string ConnectionStringName = "ChikayaReadOnly";

    public static IServiceCollection AddChikayaReadOnlyDatabase(this IServiceCollection services, IConfiguration configuration,
        bool isPostgres)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            services.AddKeyedScoped<AppDbContext>(Key, (sp, _) => sp.GetRequiredService<AppDbContext>());
            return services;
        }
        DbContextOptions options = isPostgres
            ? new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString)
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options
            : new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString)
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options;
        services.AddKeyedScoped<AppDbContext>(Key, (_, _) => isPostgres
            ? new PostgresAppDbContext((DbContextOptions<PostgresAppDbContext>)options)
            : new SqliteAppDbContext((DbContextOptions<SqliteAppDbContext>)options));
        return services;
    }
}
