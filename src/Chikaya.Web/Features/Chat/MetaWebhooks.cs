using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Features.Chat;

/// <summary>
/// The webhooks of WhatsApp Business and Messenger: the subscription handshake (GET with hub.challenge),
/// deliveries signed with the app secret (X-Hub-Signature-256), each message handled once, and the
/// replies sent back through the platform's send API.
/// </summary>
public static class MetaWebhooks
{
    public const string WhatsApp = "whatsapp";
    public const string Messenger = "messenger";
    public const string Client = "meta";

    public static WebApplication MapChatChannels(this WebApplication app)
    {
        var channels = app.MapGroup("/channels").DisableAntiforgery().ExcludeFromDescription();
        foreach (var platform in new[] { WhatsApp, Messenger })
        {
            channels.MapGet("/" + platform, (HttpContext http, IOptions<ChatOptions> options) => Verify(http, Options(options, platform)));
            channels.MapPost("/" + platform, (HttpContext http, IOptions<ChatOptions> options, AppDbContext db, ChatEngine engine,
                IHttpClientFactory clients, ILoggerFactory logs, TimeProvider clock, CancellationToken ct) =>
                ReceiveAsync(platform, http, Options(options, platform), db, engine, clients.CreateClient(Client), logs.CreateLogger(typeof(MetaWebhooks)), clock, ct));
        }
        return app;
    }

    private static MetaPlatformOptions Options(IOptions<ChatOptions> options, string platform) =>
        platform == WhatsApp ? options.Value.WhatsApp : options.Value.Messenger;

    private static IResult Verify(HttpContext http, MetaPlatformOptions options)
    {
        if (!options.IsConfigured) return Results.NotFound();
        var query = http.Request.Query;
        return query["hub.mode"] == "subscribe" && FixedTimeEquals(query["hub.verify_token"].ToString(), options.VerifyToken!)
            ? Results.Text(query["hub.challenge"].ToString(), "text/plain")
            : Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ReceiveAsync(string platform, HttpContext http, MetaPlatformOptions options, AppDbContext db,
        ChatEngine engine, HttpClient client, ILogger logger, TimeProvider clock, CancellationToken ct)
    {
        if (!options.IsConfigured) return Results.NotFound();
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        var body = buffer.ToArray();
        var expected = "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.AppSecret!), body)).ToLowerInvariant();
        if (!FixedTimeEquals(http.Request.Headers["X-Hub-Signature-256"].ToString(), expected)) return Results.StatusCode(StatusCodes.Status403Forbidden);

        List<(string Id, ChatMessage Message)> messages;
        try { messages = platform == WhatsApp ? MetaPayloads.WhatsApp(body) : MetaPayloads.Messenger(body); }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return Results.BadRequest();
        }
        foreach (var (id, message) in messages)
        {
            if (await db.ChatMessageReceipts.AnyAsync(r => r.Platform == platform && r.MessageId == id, ct)) continue;
            db.ChatMessageReceipts.Add(new ChatMessageReceipt { Platform = platform, MessageId = id, ReceivedUtc = clock.GetUtcNow().UtcDateTime });
            var replies = await engine.HandleAsync(message, platform == WhatsApp ? Channel.Chat : Channel.SocialNetwork, ct);
            foreach (var reply in replies) await SendAsync(platform, options, client, message.UserId, reply, logger, ct);
        }
        // the platforms want a 200 quickly, whatever happened to each message
        return Results.Ok();
    }

    private static async Task SendAsync(string platform, MetaPlatformOptions options, HttpClient client, string to, string text, ILogger logger, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(options.AccessToken)) return;
        using var request = platform == WhatsApp
            ? new HttpRequestMessage(HttpMethod.Post, $"{options.ApiUrl.TrimEnd('/')}/{options.PhoneNumberId}/messages")
            {
                Content = JsonContent.Create(new { messaging_product = "whatsapp", to, type = "text", text = new { body = text } }),
            }
            : new HttpRequestMessage(HttpMethod.Post, $"{options.ApiUrl.TrimEnd('/')}/me/messages")
            {
                Content = JsonContent.Create(new { recipient = new { id = to }, messaging_type = "RESPONSE", message = new { text } }),
            };
        request.Headers.Authorization = new("Bearer", options.AccessToken);
        try
        {
            using var response = await client.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode) logger.LogWarning("{Platform} send API answered {Status}", platform, (int)response.StatusCode);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("{Platform} send API unreachable: {Error}", platform, e.Message);
        }
    }

    private static bool FixedTimeEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
