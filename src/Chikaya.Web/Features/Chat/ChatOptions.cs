namespace Chikaya.Web.Features.Chat;

/// <summary><c>Chikaya:Chat</c>: the messaging platforms this deployment answers on. An unset platform has no webhook.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chikaya:Chat";

    public MetaPlatformOptions WhatsApp { get; set; } = new();
    public MetaPlatformOptions Messenger { get; set; } = new();
}

/// <summary>A Meta app's settings, as WhatsApp Business (Cloud API) and Messenger both use them.</summary>
public sealed class MetaPlatformOptions
{
    /// <summary>What the platform sends back in the subscription handshake (hub.verify_token).</summary>
    public string? VerifyToken { get; set; }

    /// <summary>The app secret that signs each delivery (X-Hub-Signature-256).</summary>
    public string? AppSecret { get; set; }

    /// <summary>The token the send API takes: WhatsApp's access token, Messenger's page access token.</summary>
    public string? AccessToken { get; set; }

    /// <summary>WhatsApp only: the sending number's id.</summary>
    public string? PhoneNumberId { get; set; }

    public string ApiUrl { get; set; } = "https://graph.facebook.com/v21.0";

    public bool IsConfigured => !string.IsNullOrEmpty(VerifyToken) && !string.IsNullOrEmpty(AppSecret);
}
