using Chikaya.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Data.Seeding;

public static class DatabaseInitializer
{
    public static IServiceCollection AddChikayaSeeding(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        services.AddScoped<DemoData>();
        return services;
    }

    /// <summary>Before the first request: migrations, reference data, roles, then the demo or the first administrator.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<AppDbContext>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Chikaya.Startup");
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
        await db.Database.MigrateAsync(ct);
        await ReferenceData.SeedAsync(db, ct);
        await DefaultFaq.SeedAsync(db, provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);

        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        var demo = provider.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (demo.Demo && await provider.GetRequiredService<DemoData>().SeedAsync(demo.DemoComplaints, ct))
            logger.LogInformation("Demo data created: {Count} complaints", demo.DemoComplaints);

        var bootstrap = provider.GetRequiredService<IOptions<BootstrapOptions>>().Value;
        if (bootstrap.AdminEmail is { Length: > 0 } email && bootstrap.AdminPassword is { Length: > 0 } password)
        {
            var users = provider.GetRequiredService<UserManager<AppUser>>();
            if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count == 0)
            {
                var admin = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = email };
                var created = await users.CreateAsync(admin, password);
                if (!created.Succeeded) throw new InvalidOperationException("Bootstrap administrator: " + string.Join("; ", created.Errors.Select(e => e.Description)));
                await users.AddToRoleAsync(admin, Roles.Administrator);
            }
        }
    }
}
