using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Chikaya.Tests.TestSupport;

/// <summary>
/// The platform as production runs it: <c>dotnet Chikaya.Web.dll</c> in its own process, Kestrel on a free
/// loopback port, on a data folder (and, when CHIKAYA_TEST_POSTGRES is set, the database <see cref="ChikayaApp"/>
/// would use for that folder). Killed with SIGKILL, as a crash or an out-of-memory kill would.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private ServerProcess(ChikayaApp database, IReadOnlyDictionary<string, string> settings)
    {
        var info = StartInfo(database, settings, "--urls", "http://127.0.0.1:0");
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, line) => Watch(line.Data);
        _process.ErrorDataReceived += (_, line) => Watch(line.Data);
        _process.Exited += (_, _) => _address.TrySetException(new InvalidOperationException($"The server exited: {Output}"));
        _process.EnableRaisingEvents = true;
    }

    private static ProcessStartInfo StartInfo(ChikayaApp database, IReadOnlyDictionary<string, string> settings, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Chikaya.Web.dll"));
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Chikaya__DataDirectory"] = database.DataDirectory;
        info.Environment["Chikaya__Demo"] = "true";
        info.Environment["Chikaya__DemoComplaints"] = "0";
        info.Environment["Chikaya__Jobs__Enabled"] = "false";
        foreach (var limit in new[] { "Filing", "Tracking", "SignIn" })
            info.Environment[$"Chikaya__RateLimits__{limit}__PermitLimit"] = "1000000";
        if (ChikayaApp.Postgres is { } server)
        {
            info.Environment["Chikaya__Database__Provider"] = "Postgres";
            info.Environment["ConnectionStrings__Chikaya"] = $"{server};Database={database.DatabaseName}";
        }
        foreach (var (key, value) in settings) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return info;
    }

    /// <summary>Runs one of the app's commands (<c>backup</c>, <c>verify-audit</c>) on the data of <paramref name="database"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(ChikayaApp database, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(database, new Dictionary<string, string>(), arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await errors);
    }

    public Uri BaseAddress { get; private set; } = null!;
    public string Output => string.Join('\n', _output.TakeLast(40));

    /// <summary>Starts the server on the data folder (and database) of <paramref name="database"/>, and waits until it is ready.</summary>
    public static async Task<ServerProcess> StartAsync(ChikayaApp database, IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = new ServerProcess(database, settings ?? new Dictionary<string, string>());
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        server.BaseAddress = new Uri(await server._address.Task.WaitAsync(TimeSpan.FromMinutes(2)));
        using var client = server.NewClient();
        while ((await client.GetAsync("/health/ready")).StatusCode != System.Net.HttpStatusCode.OK) await Task.Delay(100);
        return server;
    }

    public HttpClient NewClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>SIGKILL: no shutdown, no flush, nothing the app can do about it.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    private void Watch(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        if (ListeningOn().Match(line) is { Success: true } match) _address.TrySetResult(match.Value);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex ListeningOn();

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
