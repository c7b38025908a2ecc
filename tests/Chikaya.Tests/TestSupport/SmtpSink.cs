using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Chikaya.Tests.TestSupport;

/// <summary>
/// A real SMTP server on loopback (npm's smtp-server, in tests/smtp-sink) that keeps every message it
/// accepts. It can be stopped and started again on the same port, to play a mail server that is down.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static bool _installed;
    private Process? _process;

    public SmtpSink()
    {
        Port = FreePort();
        Folder = Path.Combine(Path.GetTempPath(), "chikaya-smtp", Guid.NewGuid().ToString("N"));
    }

    public int Port { get; }
    public string Folder { get; }

    public static string SinkDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "tests", "smtp-sink"))) directory = directory.Parent;
        return Path.Combine(directory?.FullName ?? throw new DirectoryNotFoundException("tests/smtp-sink"), "tests", "smtp-sink");
    }

    public async Task StartAsync()
    {
        await EnsureInstalledAsync();
        var start = new ProcessStartInfo("node", ["server.js", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Folder])
        {
            WorkingDirectory = SinkDirectory(), RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var ready = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (ready != "listening") throw new InvalidOperationException("SMTP sink: " + ready + await _process.StandardError.ReadToEndAsync());
    }

    public async Task StopAsync()
    {
        if (_process is null) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*.eml").Order().Select(f => MimeMessage.Load(f)).ToList()
            : [];

    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            var directory = SinkDirectory();
            if (_installed || Directory.Exists(Path.Combine(directory, "node_modules", "smtp-server"))) { _installed = true; return; }
            var install = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"])
            {
                WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            })!;
            var errors = install.StandardError.ReadToEndAsync();
            await install.StandardOutput.ReadToEndAsync();
            await install.WaitForExitAsync();
            if (install.ExitCode != 0) throw new InvalidOperationException("npm ci in tests/smtp-sink failed: " + await errors);
            _installed = true;
        }
        finally { InstallLock.Release(); }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
