using System.Diagnostics;
using System.Globalization;
using Chikaya.Bench;
using Chikaya.Web.Data;
using Chikaya.Web.Data.Seeding;
using Chikaya.Web.Features.Dashboard;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

// dotnet run -c Release --project bench/Chikaya.Bench -- [complaints=1000000] [runs=15] [folder=bench-data]
//     [database=sqlite|postgres] [postgres=Host=127.0.0.1;Port=5432;Username=app]
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
var now = new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

// the same data set in a file per size, or in a PostgreSQL database per size (created by the migration, kept for later runs)
var postgres = options.GetValueOrDefault("database", "sqlite") == "postgres";
var file = Path.Combine(folder, $"chikaya-{target}.db");
var database = postgres ? $"{options.GetValueOrDefault("postgres", "Host=127.0.0.1;Port=5432;Username=app")};Database=chikaya_bench_{target}" : file;
AppDbContext Open() => postgres
    ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>()
        .UseNpgsql(database, o => o.CommandTimeout(3600)).Options)
    : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
        .UseSqlite($"Data Source={file}").AddInterceptors(new SqlitePragmas()).Options);

Console.WriteLine($"Database: {database}");
await using (var db = Open())
{
    if (!postgres) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
    await db.Database.MigrateAsync();
    await ReferenceData.SeedAsync(db, default);
    foreach (var role in Chikaya.Web.Infrastructure.Security.Roles.All.Where(r => !db.Roles.Any(x => x.Name == r)))
        db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
    await db.SaveChangesAsync();
    await new DemoData(db, new PasswordHasher<AppUser>(), TimeProvider.System).SeedAsync(0, default);
}
await new Generator(Open, now).FillAsync(target);
// PostgreSQL: VACUUM too, as autovacuum would have done by then (index-only scans need it), rather than in the middle of the measures
await using (var db = Open()) await db.Database.ExecuteSqlRawAsync(postgres ? "VACUUM ANALYZE;" : "ANALYZE;");

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
var engine = await Open().Database.SqlQueryRaw<string>(postgres
    ? "SELECT 'PostgreSQL ' || current_setting('server_version') AS \"Value\""
    : "SELECT 'SQLite ' || sqlite_version() AS \"Value\"").SingleAsync();
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {engine}, {DateTime.UtcNow:yyyy-MM-dd}");
Console.WriteLine("| measure | complaints | median | p95 |");
Console.WriteLine("| --- | --- | --- | --- |");
ReferenceSnapshot reference;
await using (var db = Open()) reference = await ReferenceSnapshot.LoadAsync(db, default);
var administrationKinds = reference.Administrations.ToDictionary(a => a.Key, a => a.Value.Kind);
var region = new DashboardFilter { Territory = "R06" };
var webThisYear = new DashboardFilter { Channel = Chikaya.Domain.Complaints.Channel.Web, From = new DateOnly(2026, 1, 1) };
await Measure("dashboard, whole country, computed by the database", async db => await DashboardQuery.RunAsync(db.Complaints.AsNoTracking(), now, default));
await Measure("dashboard, one region (R06), computed by the database", async db =>
    await DashboardQuery.RunAsync(region.Apply(db, reference, null), now, default));
await Measure("dashboard, web channel, this year, computed by the database", async db =>
    await DashboardQuery.RunAsync(webThisYear.Apply(db, reference, null), now, default));
await Measure("ranking, whole country, computed by the database", async db =>
    await Ranking.RunAsync(db.Complaints.AsNoTracking(), now, null, administrationKinds, default));

// the store as the pages use it: filter looked up, caught up with the database (nothing changed), then the loops
var before = GC.GetTotalMemory(forceFullCollection: true);
var store = new DashboardStore(Microsoft.Extensions.Logging.Abstractions.NullLogger<DashboardStore>.Instance);
var references = new ReferenceCache(); // as the pages use it: reference data kept in memory
var loading = Stopwatch.StartNew();
await using (var db = Open()) await store.LoadAsync(db, default);
var held = GC.GetTotalMemory(forceFullCollection: true) - before;
Console.WriteLine($"| store, full load at start (background) | {store.Count:N0} | {loading.ElapsedMilliseconds} ms | {held / 1_000_000} MB held, {store.Bytes / 1_000_000} MB of arrays |");
var anfa = (await Open().Administrations.SingleAsync(a => a.Code == "ARR-ANFA")).Id;
await Measure("dashboard, whole country, from the store", async db => await new DashboardReader(store, references, db).FiguresAsync(new DashboardFilter(), null, now, default));
await Measure("dashboard, one region (R06), from the store", async db => await new DashboardReader(store, references, db).FiguresAsync(region, null, now, default));
await Measure("dashboard, web channel, this year, from the store", async db => await new DashboardReader(store, references, db).FiguresAsync(webThisYear, null, now, default));
await Measure("dashboard, one administration's reader (ARR-ANFA), from the store", async db =>
    await new DashboardReader(store, references, db).FiguresAsync(new DashboardFilter(), new HashSet<int> { anfa }, now, default));
await Measure("warnings, whole country, from the store", async db => await new DashboardReader(store, references, db).WarningsAsync(new DashboardFilter(), null, now, default));
await Measure("ranking, whole country, from the store", async db => await new DashboardReader(store, references, db).RankingAsync(new DashboardFilter(), null, now, null, default));
await Measure("store, catching up with nothing changed", async db => await store.CatchUpAsync(db, default));
