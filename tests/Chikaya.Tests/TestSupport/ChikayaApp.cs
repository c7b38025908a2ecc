using Chikaya.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

[assembly: AssemblyFixture(typeof(Chikaya.Tests.TestSupport.ChikayaApp))]

namespace Chikaya.Tests.TestSupport;

/// <summary>
/// The whole platform in process, on a real SQLite file in a fresh folder, with the demo
/// administrations and users (no demo complaints) and a clock the tests control.
/// </summary>
public sealed class ChikayaApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public ChikayaApp() : this(demoComplaints: 0) { }

    internal ChikayaApp(int demoComplaints, string? dataDirectory = null)
    {
        DemoComplaints = demoComplaints;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "chikaya-tests", Guid.NewGuid().ToString("N"));
    }

    /// <summary>More configuration, as key and value.</summary>
    internal Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>Keeps the data folder on dispose, to start another instance on it.</summary>
    internal bool KeepData { get; init; }

    public string DataDirectory { get; }

    /// <summary>Set by .ci/run for the second pass of the suite: every test runs on PostgreSQL too.</summary>
    public static readonly string? Postgres = Environment.GetEnvironmentVariable("CHIKAYA_TEST_POSTGRES");

    public string DatabaseName => "chikaya_" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(DataDirectory)))[..16].ToLowerInvariant();
    public int DemoComplaints { get; }
    public FakeTimeProvider Clock { get; } = new(Start);
    public ErrorLog Errors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Chikaya:DataDirectory", DataDirectory);
        builder.UseSetting("Chikaya:Demo", "true");
        builder.UseSetting("Chikaya:Jobs:Enabled", "false");
        builder.UseSetting("Chikaya:Spam:MinSeconds", "0");
        if (Postgres is { } server)
        {
            // the same data folder, the same database: a restart test finds its data again
            builder.UseSetting("Chikaya:Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Chikaya", $"{server};Database={DatabaseName}");
        }
        foreach (var limit in new[] { "Filing", "Tracking", "SignIn" })
            builder.UseSetting($"Chikaya:RateLimits:{limit}:PermitLimit", "1000000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.UseSetting("Chikaya:DemoComplaints", DemoComplaints.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));
    }

    /// <summary>Starts the host once, before tests running in parallel ask for clients.</summary>
    public ValueTask InitializeAsync()
    {
        _ = Server;
        return ValueTask.CompletedTask;
    }

    /// <summary>What the scheduler does a minute from now (every frequent job is due again by then).</summary>
    public Task<IReadOnlyList<string>> RunJobsAsync()
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        return Services.GetRequiredService<Chikaya.Web.Features.Jobs.JobRunner>().RunDueJobsAsync(CancellationToken.None);
    }

    public Browser NewBrowser(string? language = null) => new(this, language);

    public HttpClient NewApiClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A database context for checking what was stored, outside any request.</summary>
    public AppDbContext Database()
    {
        var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (KeepData) return;
        if (Postgres is { } server)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var connection = new Npgsql.NpgsqlConnection(server + ";Database=postgres");
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
