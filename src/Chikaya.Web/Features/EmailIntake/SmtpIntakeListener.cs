using System.Net;
using System.Net.Sockets;
using System.Text;
using Chikaya.Domain.Complaints;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Chikaya.Web.Features.EmailIntake;

/// <summary>
/// A minimal SMTP receiver (RFC 5321: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for the mail server that relays
/// the complaints mailbox. Each message is handed to <see cref="EmailIntakeHandler"/> before it is acknowledged,
/// so a message the platform could not file is refused and stays with the relay, which retries.
/// </summary>
public sealed class SmtpIntakeListener(IOptions<EmailIntakeOptions> options, IServiceScopeFactory scopes,
    ILogger<SmtpIntakeListener> logger) : BackgroundService
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(2);
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The port it listens on, once started.</summary>
    public Task<int> PortAsync => _port.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var listener = new TcpListener(IPAddress.Parse(options.Value.Address), options.Value.Port);
        listener.Start();
        _port.TrySetResult(((IPEndPoint)listener.LocalEndpoint).Port);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stoppingToken);
                _ = Task.Run(() => ServeAsync(client, stoppingToken), stoppingToken);
            }
        }
        catch (OperationCanceledException) { }
        finally { listener.Stop(); }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stoppingToken)
    {
        using var _ = client;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.Latin1);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        try
        {
            await writer.WriteLineAsync("220 chikaya ESMTP");
            var haveSender = false;
            var haveRecipient = false;
            while (true)
            {
                timeout.CancelAfter(IdleTimeout);
                var line = await reader.ReadLineAsync(timeout.Token);
                if (line is null) return;
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO": await writer.WriteLineAsync($"250-chikaya\r\n250-SIZE {options.Value.MaxMessageBytes}\r\n250 8BITMIME"); break;
                    case "HELO": await writer.WriteLineAsync("250 chikaya"); break;
                    case "MAIL": haveSender = true; haveRecipient = false; await writer.WriteLineAsync("250 OK"); break;
                    case "RCPT" when haveSender: haveRecipient = true; await writer.WriteLineAsync("250 OK"); break;
                    case "RSET": haveSender = haveRecipient = false; await writer.WriteLineAsync("250 OK"); break;
                    case "NOOP": await writer.WriteLineAsync("250 OK"); break;
                    case "QUIT": await writer.WriteLineAsync("221 Bye"); return;
                    case "DATA" when haveRecipient:
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = await ReadDataAsync(reader, timeout.Token);
                        await writer.WriteLineAsync(data is null ? "552 Message too large" : await FileAsync(data, stoppingToken));
                        haveSender = haveRecipient = false;
                        break;
                    default: await writer.WriteLineAsync("503 Bad sequence of commands"); break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
        {
            logger.LogDebug(e, "SMTP connection closed");
        }
    }

    /// <summary>The message up to the lone dot, dot-stuffing removed; null when it exceeds the size limit.</summary>
    private async Task<byte[]?> ReadDataAsync(StreamReader reader, CancellationToken ct)
    {
        using var message = new MemoryStream();
        var tooLarge = false;
        while (await reader.ReadLineAsync(ct) is { } line && line != ".")
        {
            if (tooLarge) continue;
            var bytes = Encoding.Latin1.GetBytes((line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line) + "\r\n");
            message.Write(bytes);
            tooLarge = message.Length > options.Value.MaxMessageBytes;
        }
        return tooLarge ? null : message.ToArray();
    }

    private async Task<string> FileAsync(byte[] data, CancellationToken ct)
    {
        try
        {
            var message = await MimeMessage.LoadAsync(new MemoryStream(data), ct);
            await using var scope = scopes.CreateAsyncScope();
            var number = await scope.ServiceProvider.GetRequiredService<EmailIntakeHandler>().HandleAsync(message, ct);
            return $"250 OK {number}";
        }
        // a message the complaint cannot take (a reply to a rejected complaint, a document for a closed one) will not be taken
        // later either: refused for good, so that the sender hears of it instead of the relay trying for days
        catch (Exception e) when (e is InvalidDataException or FormatException or ParseException or ComplaintRuleException)
        {
            logger.LogWarning("E-mail refused: {Reason}", e.Message);
            return "554 " + e.Message.ReplaceLineEndings(" ");
        }
        catch (Exception e)
        {
            logger.LogError(e, "E-mail could not be filed");
            return "451 Try again later";
        }
    }
}
