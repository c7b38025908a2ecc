using System.Diagnostics;
using System.Globalization;
using Chikaya.Bench;
using Chikaya.Web.Data;
using Chikaya.Web.Data.Seeding;
using Chikaya.Web.Features.Dashboard;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

// dotnet run -c Release --project bench/Chikaya.Bench -- [complaints=1000000] [runs=15] [folder=bench-data]
// dotnet run -c Release --project bench/Chikaya.Bench -- load [database=sqlite|postgres] [postgres=Host=...] [url=http://...]
//     [clients=50] [trackers=4] [seconds=20] [app=path/to/another/Chikaya.Web.dll]
var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
if (args.FirstOrDefault() == "load")
{
    await LoadBench.RunAsync(options);
    return;
}
var target = int.Parse(options.GetValueOrDefault("complaints", "1000000"), CultureInfo.InvariantCulture);
var runs = int.Parse(options.GetValueOrDefault("runs", "15"), CultureInfo.InvariantCulture);
var folder = Path.GetFullPath(options.GetValueOrDefault("folder", "bench-data"));
Directory.CreateDirectory(folder);
var file = Path.Combine(folder, $"chikaya-{target}.db");
var now = new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

AppDbContext Open() => new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
    .UseSqlite($"Data Source={file}").AddInterceptors(new SqlitePragmas()).Options);

Console.WriteLine($"Database: {file}");
await using (var db = Open())
{
    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
    await db.Database.MigrateAsync();
    await ReferenceData.SeedAsync(db, default);
    foreach (var role in Chikaya.Web.Infrastructure.Security.Roles.All.Where(r => !db.Roles.Any(x => x.Name == r)))
        db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
    await db.SaveChangesAsync();
    await new DemoData(db, new PasswordHasher<AppUser>(), TimeProvider.System).SeedAsync(0, default);
}
await new Generator(Open, now).FillAsync(target);
await using (var db = Open()) await db.Database.ExecuteSqlRawAsync("ANALYZE;");

async Task<(double Median, double P95)> Measure(string name, Func<AppDbContext, Task> work)
{
    var times = new List<double>();
    for (var i = 0; i < runs + 2; i++)
    {
        await using var db = Open();
        var watch = Stopwatch.StartNew();
        await work(db);
        if (i >= 2) times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    var result = (times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1]);
    Console.WriteLine($"| {name} | {target:N0} | {result.Item1:0} ms | {result.Item2:0} ms |");
    return result;
}

Console.WriteLine();
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, SQLite, {DateTime.UtcNow:yyyy-MM-dd}");
Console.WriteLine("| measure | complaints | median | p95 |");
Console.WriteLine("| --- | --- | --- | --- |");
await Measure("dashboard, whole country (computed)", async db => await DashboardQuery.RunAsync(db.Complaints.AsNoTracking(), now, default));
var cache = new DashboardCache(new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions()));
await Measure("dashboard, whole country (as served: kept, and recomputed in the background every 50 s)", async db =>
    await cache.GetAsync("figures", "all", new DashboardFilter(), () => DashboardQuery.RunAsync(db.Complaints.AsNoTracking(), now, default)));
await Measure("dashboard, one region (R06)", async db =>
    await DashboardQuery.RunAsync(await new DashboardFilter { Territory = "R06" }.ApplyAsync(db, null, default), now, default));
await Measure("dashboard, web channel, this year", async db =>
    await DashboardQuery.RunAsync(await new DashboardFilter { Channel = Chikaya.Domain.Complaints.Channel.Web, From = new DateOnly(2026, 1, 1) }
        .ApplyAsync(db, null, default), now, default));
await Measure("ranking, whole country", async db =>
    await Ranking.RunAsync(db.Complaints.AsNoTracking(), now, null, await db.Administrations.ToDictionaryAsync(a => a.Id, a => a.Kind), default));
