using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Infrastructure.Files;

/// <summary><c>Chikaya:Antivirus</c>: an optional clamd (ClamAV's daemon) that scans every upload.</summary>
public sealed class AntivirusOptions
{
    public const string Section = "Chikaya:Antivirus";

    /// <summary>No host: uploads are not scanned.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 3310;

    /// <summary>Refuse uploads while clamd cannot be reached (the safe default), rather than accept them unscanned.</summary>
    public bool FailClosed { get; set; } = true;
}

public enum ScanVerdict { Clean, Infected, Unavailable }

/// <summary>Streams a file to clamd with its INSTREAM command and reads the verdict.</summary>
public sealed class VirusScanner(IOptions<AntivirusOptions> options, ILogger<VirusScanner> logger)
{
    public bool IsEnabled => !string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task<(ScanVerdict Verdict, string? Name)> ScanAsync(Stream content, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            await client.ConnectAsync(options.Value.Host!, options.Value.Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), timeout.Token);
            var buffer = new byte[64 * 1024];
            var size = new byte[4];
            int read;
            while ((read = await content.ReadAsync(buffer, timeout.Token)) > 0)
            {
                BinaryPrimitives.WriteUInt32BigEndian(size, (uint)read);
                await stream.WriteAsync(size, timeout.Token);
                await stream.WriteAsync(buffer.AsMemory(0, read), timeout.Token);
            }
            await stream.WriteAsync(new byte[4], timeout.Token);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            var answer = (await reader.ReadToEndAsync(timeout.Token)).TrimEnd('\0', '\n');
            if (answer.EndsWith(" FOUND", StringComparison.Ordinal))
                return (ScanVerdict.Infected, answer["stream: ".Length..^" FOUND".Length]);
            return answer.EndsWith("OK", StringComparison.Ordinal) ? (ScanVerdict.Clean, null) : (ScanVerdict.Unavailable, answer);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("clamd unreachable: {Error}", e.Message);
            return (ScanVerdict.Unavailable, null);
        }
    }

    public bool RefusesWhenUnavailable => options.Value.FailClosed;
}
