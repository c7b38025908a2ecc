using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Chikaya.Web.Features.Notifications;

public interface IMessageSender
{
    MessageChannel Channel { get; }

    /// <summary>False when the channel is not configured: the message waits.</summary>
    bool IsConfigured { get; }

    /// <summary>Throws <see cref="MessageRejectedException"/> when this message itself is refused, anything else when the channel failed.</summary>
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>The message itself was refused (a malformed address, a mailbox that does not exist): the channel works.</summary>
public sealed class MessageRejectedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// E-mail through any SMTP server; Arabic messages are laid out right to left. One connection serves every message of
/// an outbox run (the sender lives as long as the run's scope), and is opened again after a failure.
/// </summary>
public sealed class SmtpSender(IOptions<NotificationOptions> options) : IMessageSender, IAsyncDisposable, IDisposable
{
    private SmtpClient? _client;

    public MessageChannel Channel => MessageChannel.Email;
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Smtp.Host);

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(smtp.From));
        if (!MailboxAddress.TryParse(message.Recipient, out var recipient))
            throw new MessageRejectedException($"Not an e-mail address: {message.Recipient}");
        mail.To.Add(recipient);
        mail.Subject = message.Subject;
        mail.Headers.Add("Content-Language", message.Language);
        var direction = message.Language == "ar" ? "rtl" : "ltr";
        var html = System.Net.WebUtility.HtmlEncode(message.Body).Replace("\n", "<br>\n", StringComparison.Ordinal);
        mail.Body = new BodyBuilder
        {
            TextBody = message.Body,
            HtmlBody = $"<!DOCTYPE html><html lang=\"{message.Language}\" dir=\"{direction}\"><body dir=\"{direction}\" style=\"font-family:sans-serif\">{html}</body></html>",
        }.ToMessageBody();

        try
        {
            var client = await ConnectedAsync(ct);
            await client.SendAsync(mail, ct);
        }
        catch (SmtpCommandException e) when (e.ErrorCode is SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
        {
            // the server refused this mailbox for good; the connection goes on serving the others
            throw new MessageRejectedException(e.Message, e);
        }
        catch
        {
            // the connection may be what failed: the next message opens a new one
            Close();
            throw;
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true } open) return open;
        Close();
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = 15000 };
        _client = client;
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        return client;
    }

    private void Close()
    {
        _client?.Dispose();
        _client = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true } open)
        {
            // a polite QUIT, but not one that holds the job or the app's shutdown: the messages are already sent
            open.Timeout = 2000;
            try { await open.DisconnectAsync(quit: true); }
            catch (Exception e) when (e is not OutOfMemoryException) { }
        }
        Close();
    }

    public void Dispose() => Close();
}

/// <summary>SMS through the deployment's provider: a JSON POST { to, text, sender } with a bearer key.</summary>
public sealed class HttpSmsSender(HttpClient http, IOptions<NotificationOptions> options) : IMessageSender
{
    public MessageChannel Channel => MessageChannel.Sms;
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Sms.Url);

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var sms = options.Value.Sms;
        using var request = new HttpRequestMessage(HttpMethod.Post, sms.Url)
        {
            Content = JsonContent.Create(new { to = message.Recipient, text = message.Body, sender = sms.Sender }),
        };
        if (!string.IsNullOrEmpty(sms.ApiKey)) request.Headers.Authorization = new("Bearer", sms.ApiKey);
        using var response = await http.SendAsync(request, ct);
        // the provider refused this number or text (400, 422); a refused key (401, 403) or a busy provider is the channel's
        if (response.StatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.UnprocessableEntity)
            throw new MessageRejectedException($"The SMS provider refused the message ({(int)response.StatusCode}).");
        response.EnsureSuccessStatusCode();
    }
}
