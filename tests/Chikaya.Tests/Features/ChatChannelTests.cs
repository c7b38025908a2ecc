using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chikaya.Domain.Complaints;
using Chikaya.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Tests.Features;

/// <summary>WhatsApp Business and Messenger as Meta calls them: signed deliveries in, replies out through a send API on loopback.</summary>
public sealed class ChatChannelTests : IAsyncLifetime
{
    private const string Secret = "app-secret-for-tests", Verify = "verify-me";
    private readonly HttpInbox _sendApi = new();
    private readonly ChikayaApp _app;

    public ChatChannelTests()
    {
        var settings = new Dictionary<string, string>();
        foreach (var platform in new[] { "WhatsApp", "Messenger" })
        {
            settings[$"Chikaya:Chat:{platform}:VerifyToken"] = Verify;
            settings[$"Chikaya:Chat:{platform}:AppSecret"] = Secret;
            settings[$"Chikaya:Chat:{platform}:AccessToken"] = "send-token";
            settings[$"Chikaya:Chat:{platform}:ApiUrl"] = _sendApi.Url.TrimEnd('/');
        }
        settings["Chikaya:Chat:WhatsApp:PhoneNumberId"] = "1055";
        _app = new ChikayaApp { Settings = settings };
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        _sendApi.Dispose();
        await _app.DisposeAsync();
    }

    private static string WhatsAppText(string id, string text) => JsonSerializer.Serialize(new
    {
        @object = "whatsapp_business_account",
        entry = new[] { new { id = "waba", changes = new[] { new { field = "messages", value = new
        {
            messaging_product = "whatsapp", metadata = new { phone_number_id = "1055" },
            messages = new object[] { new { from = "212612345678", id, timestamp = "1764061200", type = "text", text = new { body = text } } },
        } } } } },
    });

    private static string WhatsAppImage(string id) => JsonSerializer.Serialize(new
    {
        @object = "whatsapp_business_account",
        entry = new[] { new { id = "waba", changes = new[] { new { field = "messages", value = new
        {
            messaging_product = "whatsapp",
            messages = new object[] { new { from = "212612345678", id, timestamp = "1764061200", type = "image", image = new { id = "media-77", mime_type = "image/jpeg" } } },
        } } } } },
    });

    private static string MessengerText(string mid, string text, string? imageUrl = null) => JsonSerializer.Serialize(new
    {
        @object = "page",
        entry = new[] { new { id = "page-1", time = 1764061200, messaging = new[] { new
        {
            sender = new { id = "psid-42" }, recipient = new { id = "page-1" }, timestamp = 1764061200,
            message = new { mid, text, attachments = imageUrl is null ? Array.Empty<object>() : [new { type = "image", payload = new { url = imageUrl } }] },
        } } } },
    });

    private async Task<HttpResponseMessage> DeliverAsync(string platform, string body, string? secret = Secret)
    {
        using var client = _app.NewApiClient();
        var content = new StringContent(body, Encoding.UTF8, "application/json");
        if (secret is not null)
            content.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body))).ToLowerInvariant());
        return await client.PostAsync($"/channels/{platform}", content);
    }

    private List<JsonElement> Sent() => _sendApi.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();

    [Theory]
    [InlineData("whatsapp")]
    [InlineData("messenger")]
    public async Task The_subscription_handshake_echoes_the_challenge_only_for_the_right_token(string platform)
    {
        using var client = _app.NewApiClient();
        var ok = await client.GetAsync($"/channels/{platform}?hub.mode=subscribe&hub.verify_token={Verify}&hub.challenge=1158201444");
        var wrong = await client.GetAsync($"/channels/{platform}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");

        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
    }

    [Fact]
    public async Task A_delivery_without_the_app_s_signature_is_refused_and_answered_nothing()
    {
        var unsigned = await DeliverAsync("whatsapp", WhatsAppText("wamid.1", "Bonjour"), secret: null);
        var forged = await DeliverAsync("whatsapp", WhatsAppText("wamid.2", "Bonjour"), secret: "not-the-secret");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (unsigned.StatusCode, forged.StatusCode));
        Assert.Empty(_sendApi.Requests);
    }

    [Fact]
    public async Task A_WhatsApp_conversation_files_a_complaint_step_by_step_and_a_redelivery_files_nothing_twice()
    {
        await DeliverAsync("whatsapp", WhatsAppText("wamid.a", "Bonjour"));
        await DeliverAsync("whatsapp", WhatsAppText("wamid.b", "1"));
        await DeliverAsync("whatsapp", WhatsAppText("wamid.c", "Rue Tahar Sebti, Anfa"));
        await DeliverAsync("whatsapp", WhatsAppText("wamid.d", "Les poubelles débordent depuis lundi."));
        var last = await DeliverAsync("whatsapp", WhatsAppImage("wamid.e"));
        await DeliverAsync("whatsapp", WhatsAppImage("wamid.e"));

        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        await using var db = _app.Database();
        var complaint = await db.Complaints.SingleAsync(c => c.Channel == Channel.Chat);
        var firstTheme = await db.Themes.Where(t => t.IsActive).OrderBy(t => t.SortOrder).FirstAsync();
        Assert.Equal((firstTheme.Id, await _app.AdministrationIdAsync("ARR-ANFA")), (complaint.ThemeId, complaint.AdministrationId));
        Assert.Equal(("+212612345678", "Rue Tahar Sebti, Anfa"), (complaint.ContactPhone, complaint.Address));
        Assert.Contains("media-77", complaint.Description);
        Assert.Empty((await db.ChatConversations.SingleAsync(c => c.Platform == "whatsapp")).Transcript);

        var sent = Sent();
        Assert.All(sent, s => Assert.Equal("212612345678", s.GetProperty("to").GetString()));
        Assert.Contains(complaint.TrackingNumber, sent[^1].GetProperty("text").GetProperty("body").GetString());
        Assert.Equal(1, sent.Count(s => s.GetProperty("text").GetProperty("body").GetString()!.Contains(complaint.TrackingNumber)));
    }

    [Fact]
    public async Task A_tracking_number_sent_on_Messenger_gets_the_status_and_the_deadline_in_Arabic()
    {
        var filed = await _app.FileAsync();
        await DeliverAsync("messenger", MessengerText("m_1", "ما هو مآل " + filed.TrackingNumber));

        var reply = Sent().Single();
        Assert.Equal("psid-42", reply.GetProperty("recipient").GetProperty("id").GetString());
        var text = reply.GetProperty("message").GetProperty("text").GetString()!;
        Assert.Contains(filed.TrackingNumber, text);
        Assert.Contains("الجواب منتظر", text);
    }

    [Fact]
    public async Task A_Messenger_conversation_in_Arabic_files_from_the_social_network_channel_with_the_photo_link()
    {
        foreach (var (mid, text) in new[] { ("m_a", "السلام عليكم"), ("m_b", "2"), ("m_c", "شارع الزرقطوني، المعاريف"), ("m_d", "الإنارة معطلة في الشارع كله.") })
            await DeliverAsync("messenger", MessengerText(mid, text));
        await DeliverAsync("messenger", MessengerText("m_e", "", "https://scontent.example/photo.jpg"));

        await using var db = _app.Database();
        var complaint = await db.Complaints.SingleAsync(c => c.Channel == Channel.SocialNetwork);
        Assert.Equal(("ar", await _app.AdministrationIdAsync("ARR-MAARIF")), (complaint.Language, complaint.AdministrationId));
        Assert.Contains("https://scontent.example/photo.jpg", complaint.Description);
        Assert.Null(complaint.ContactPhone);
        Assert.Contains("مرحبا", Sent()[0].GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_portal_chat_files_a_complaint_without_any_script()
    {
        var browser = _app.NewBrowser();
        var page = await browser.GetAsync("/chat");
        foreach (var text in new[] { "Bonjour", "1", "Sidi Belyout, boulevard Mohammed V", "Trottoir défoncé devant le n° 12.", "non" })
            page = await browser.SubmitAsync(page, "form.chat-form", new Dictionary<string, string?> { ["Text"] = text });

        await using var db = _app.Database();
        var complaint = await db.Complaints.SingleAsync(c => c.Channel == Channel.Chat && c.Description.StartsWith("Trottoir"));
        Assert.Contains(complaint.TrackingNumber, page.Text("ol.chat"));
        // the code is shown once; what the conversation keeps has it masked, like every stored secret code
        Assert.Contains(complaint.TrackingNumber, page.Text("#chat-filed"));
        Assert.True(complaint.OwnsSecretCode(System.Text.RegularExpressions.Regex.Match(page.Text("#chat-filed"), @"\w{4}-\w{4}(?=\.)").Value));
        var kept = await db.ChatConversations.SingleAsync(c => c.Platform == "web");
        Assert.Contains(kept.Transcript, line => line.Contains(Chikaya.Web.Features.Chat.ChatEngine.MaskedCode));
        Assert.Equal(await _app.AdministrationIdAsync("ARR-SIDI-BELYOUT"), complaint.AdministrationId);
    }
}
