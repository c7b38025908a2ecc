using System.Diagnostics;
using MimeKit;

namespace Chikaya.Tests.TestSupport;

/// <summary>
/// A real SMTP server on loopback (npm's smtp-server, in tests/smtp-sink) that keeps every message it
/// accepts. It can be stopped and started again on the same port, to play a mail server that is down.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private Process? _process;

    public SmtpSink()
    {
        Port = NodeServer.FreePort();
        Folder = Path.Combine(Path.GetTempPath(), "chikaya-smtp", Guid.NewGuid().ToString("N"));
    }

    public int Port { get; }
    public string Folder { get; }

    public async Task StartAsync() =>
        _process = await NodeServer.StartAsync("smtp-sink", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Folder);

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
}
