using Chikaya.Web.Features.Notifications;
using Chikaya.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Chikaya.Web.Data;

public static class DatabaseSetup
{
    public static IServiceCollection AddChikayaDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = DatabaseOptions.From(configuration);
        services.AddSingleton<DatabaseWriteGate>();
        services.AddSingleton<ReferenceCache>();
        services.AddSingleton<ReferenceCacheInterceptor>();
        if (options.IsPostgres)
        {
            var connectionString = configuration.GetConnectionString("Chikaya")
                ?? throw new InvalidOperationException("ConnectionStrings:Chikaya is required when the provider is Postgres.");
            services.AddDbContextPool<AppDbContext, PostgresAppDbContext>((sp, db) => db.UseNpgsql(connectionString)
                .AddInterceptors(sp.GetRequiredService<OutboxInterceptor>(), sp.GetRequiredService<Features.Partners.WebhookInterceptor>(),
                    sp.GetRequiredService<ReferenceCacheInterceptor>()));
        }
        else
        {
            var connectionString = SqliteConnectionString(DataDirectory.Resolve(configuration));
            var checkpoints = options.CheckpointMilliseconds > 0;
            if (checkpoints)
                services.AddHostedService(sp => new SqliteCheckpointer(connectionString, TimeSpan.FromMilliseconds(options.CheckpointMilliseconds),
                    sp.GetRequiredService<ILogger<SqliteCheckpointer>>()));
            var pragmas = new SqlitePragmas(checkpoints ? SqliteCheckpointer.OwnCheckpointPages : null);
            services.AddDbContextPool<AppDbContext, SqliteAppDbContext>((sp, db) => db
                .UseSqlite(connectionString)
                .AddInterceptors(pragmas, sp.GetRequiredService<OutboxInterceptor>(),
                    sp.GetRequiredService<Features.Partners.WebhookInterceptor>(), sp.GetRequiredService<ReferenceCacheInterceptor>(),
                    sp.GetRequiredService<DatabaseWriteGate>()));
        }
        services.AddChikayaReadOnlyDatabase(configuration, options.IsPostgres);
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return services;
    }

    public static string SqliteConnectionString(string dataDirectory) =>
        $"Data Source={Path.Combine(dataDirectory, "chikaya.db")}";
}

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's context without the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=chikaya").Options);
}
