using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Chikaya.Bench;

/// <summary>
/// The platform as deployed: <c>dotnet Chikaya.Web.dll</c> (Release, Production settings and JSON logs) on a fresh data
/// folder, on SQLite or on a new PostgreSQL database (<c>postgres=Host=...;Username=...</c>), dropped afterwards.
/// </summary>
public sealed class BenchServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly string? _postgres;
    private readonly string _database = $"chikaya_load_{Guid.NewGuid():N}"[..24];

    private BenchServer(string database, IReadOnlyDictionary<string, string> options)
    {
        _folder = Path.Combine(Path.GetFullPath(options.GetValueOrDefault("folder", "bench-data")), $"load-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        // app=<path to Chikaya.Web.dll>: another build (an older commit, say), to compare two versions in one run
        var app = Path.GetFullPath(options.GetValueOrDefault("app", Path.Combine(AppContext.BaseDirectory, "Chikaya.Web.dll")));
        var info = new ProcessStartInfo("dotnet", [app, "--urls", Url])
        {
            WorkingDirectory = Path.GetDirectoryName(app)!, RedirectStandardOutput = true, UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Chikaya__DataDirectory"] = _folder;
        info.Environment["Chikaya__Demo"] = "true";
        info.Environment["Chikaya__DemoComplaints"] = "0";
        // one load tool speaks for many citizens: the per-address limits would measure themselves
        foreach (var limit in new[] { "Filing", "Tracking" })
            info.Environment[$"Chikaya__RateLimits__{limit}__PermitLimit"] = "1000000000";
        // settings to try, as environment variables: Logging__LogLevel__Default=Warning, Chikaya__...=...
        foreach (var (key, value) in options.Where(o => o.Key.Contains("__", StringComparison.Ordinal) || o.Key.StartsWith("DOTNET_", StringComparison.Ordinal)))
            info.Environment[key] = value;
        if (database == "postgres")
        {
            _postgres = options.GetValueOrDefault("postgres", "Host=127.0.0.1;Port=55432;Username=app");
            info.Environment["Chikaya__Database__Provider"] = "Postgres";
            info.Environment["ConnectionStrings__Chikaya"] = $"{_postgres};Database={_database};Maximum Pool Size=100";
        }
        _process = Process.Start(info)!;
        var log = File.CreateText(Path.Combine(_folder, "server.log"));
        _process.OutputDataReceived += (_, line) => { if (line.Data is { } text) lock (log) log.WriteLine(text); };
        _process.Exited += (_, _) => { lock (log) log.Dispose(); };
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
    }

    public string Url { get; }

    public static async Task<BenchServer> StartAsync(string database, IReadOnlyDictionary<string, string> options)
    {
        var server = new BenchServer(database, options);
        using var http = new HttpClient();
        for (var i = 0; ; i++)
        {
            try
            {
                if ((await http.GetAsync(server.Url + "/health/ready")).IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException) when (i < 600 && !server._process.HasExited) { }
            await Task.Delay(200);
        }
    }

    /// <summary>Resident memory now and at its peak, from /proc.</summary>
    public string Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        string Mb(string key) => $"{long.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024} MB";
        return $"{Mb("VmRSS:")} / {Mb("VmHWM:")}";
    }

    /// <summary>CPU time the server has used so far: what a request costs, whatever else the machine is doing.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        if (_postgres is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var connection = new Npgsql.NpgsqlConnection(_postgres + ";Database=postgres");
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }
}
