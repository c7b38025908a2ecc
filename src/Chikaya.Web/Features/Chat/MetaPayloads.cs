using System.Text.Json;

namespace Chikaya.Web.Features.Chat;

/// <summary>The messages inside a delivery of each platform; statuses, reactions and echoes are left aside.</summary>
public static class MetaPayloads
{
    public static List<(string Id, ChatMessage Message)> WhatsApp(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        var messages = new List<(string, ChatMessage)>();
        foreach (var entry in Array(json.RootElement, "entry"))
        foreach (var change in Array(entry, "changes"))
        foreach (var m in Array(change.GetProperty("value"), "messages"))
        {
            var from = m.GetProperty("from").GetString()!;
            var type = m.GetProperty("type").GetString();
            string? text = type == "text" ? m.GetProperty("text").GetProperty("body").GetString() : null;
            string? image = null;
            if (type == "image")
            {
                var media = m.GetProperty("image");
                image = "whatsapp-media:" + media.GetProperty("id").GetString();
                text = media.TryGetProperty("caption", out var caption) ? caption.GetString() : null;
            }
            messages.Add((m.GetProperty("id").GetString()!, new ChatMessage(Chat.MetaWebhooks.WhatsApp, from, text, image, "+" + from)));
        }
        return messages;
    }

    public static List<(string Id, ChatMessage Message)> Messenger(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        var messages = new List<(string, ChatMessage)>();
        foreach (var entry in Array(json.RootElement, "entry"))
        foreach (var m in Array(entry, "messaging"))
        {
            if (!m.TryGetProperty("message", out var message) || message.TryGetProperty("is_echo", out _)) continue;
            var image = Array(message, "attachments").Where(a => a.GetProperty("type").GetString() == "image")
                .Select(a => a.GetProperty("payload").GetProperty("url").GetString()).FirstOrDefault();
            var text = message.TryGetProperty("text", out var t) ? t.GetString() : null;
            messages.Add((message.GetProperty("mid").GetString()!,
                new ChatMessage(Chat.MetaWebhooks.Messenger, m.GetProperty("sender").GetProperty("id").GetString()!, text, image)));
        }
        return messages;
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];
}
