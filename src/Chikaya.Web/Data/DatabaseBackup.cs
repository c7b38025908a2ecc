using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Data;

/// <summary>
/// <c>dotnet Chikaya.Web.dll backup /backups/chikaya.db</c>: an online, consistent copy of the SQLite database
/// (<c>VACUUM INTO</c> reads one snapshot while the platform keeps running). PostgreSQL has pg_dump (see the README).
/// </summary>
public static class DatabaseBackup
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var target = args.SkipWhile(a => a != "backup").Skip(1).FirstOrDefault();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (target is null || !db.Database.IsSqlite())
        {
            Console.Error.WriteLine(target is null ? "Usage: backup <file>" : "PostgreSQL: back up with pg_dump -Fc (see the README).");
            return 2;
        }
        await BackUpSqliteAsync(db, Path.GetFullPath(target), CancellationToken.None);
        Console.WriteLine($"Database copied to {Path.GetFullPath(target)}; copy the attachments folder too.");
        return 0;
    }

    public static async Task BackUpSqliteAsync(AppDbContext db, string target, CancellationToken ct)
    {
        if (File.Exists(target)) throw new IOException($"{target} exists already.");
        await db.Database.ExecuteSqlAsync($"VACUUM INTO {target}", ct);
    }
}
