using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Chikaya.Tests.TestSupport;

/// <summary>
/// A real clamd (Debian's clamav-daemon) on loopback. The official signature databases are downloaded
/// from the internet, which tests cannot reach, so clamd loads one signature: the EICAR test string.
/// </summary>
public sealed class Clamd : IAsyncDisposable
{
    public const string Eicar = @"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    private Process? _process;

    public int Port { get; } = NodeServer.FreePort();
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "chikaya-clamd", Guid.NewGuid().ToString("N"));

    public async Task StartAsync()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "db"));
        var hex = Convert.ToHexString(Encoding.ASCII.GetBytes(Eicar)).ToLowerInvariant();
        await File.WriteAllTextAsync(Path.Combine(Folder, "db", "eicar.ndb"), $"Eicar-Test-Signature:0:*:{hex}\n");
        var config = Path.Combine(Folder, "clamd.conf");
        await File.WriteAllTextAsync(config, $"""
            Foreground true
            DatabaseDirectory {Folder}/db
            TCPSocket {Port}
            TCPAddr 127.0.0.1
            PidFile {Folder}/clamd.pid
            User root
            """);
        _process = Process.Start(new ProcessStartInfo("/usr/sbin/clamd", ["-c", config])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException("clamd did not start");
        // a loaded machine can take a while to start it; what it said is read once it is stopped, or reading would wait for its end
        for (var i = 0; i < 600 && !_process.HasExited; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) { await Task.Delay(100); }
        }
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("clamd did not listen within 60 s: " + await _process.StandardError.ReadToEndAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
