namespace Chikaya.Web.Features.Notifications;

/// <summary><c>Chikaya:Notifications</c>: where messages go out and how links back to the platform are written.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Chikaya:Notifications";

    /// <summary>The platform's public address, for the links in messages.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";

    public SmtpOptions Smtp { get; set; } = new();
    public SmsOptions Sms { get; set; } = new();

    /// <summary>Attempts before a message is given up (it stays in the outbox with its last error).</summary>
    public int MaxAttempts { get; set; } = 12;
}

public sealed class SmtpOptions
{
    /// <summary>No host: e-mails wait in the outbox.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool UseTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Chikaya <no-reply@chikaya.ma>";
}

public sealed class SmsOptions
{
    /// <summary>The provider's HTTP endpoint: receives a JSON POST { to, text }. No URL: no SMS.</summary>
    public string? Url { get; set; }
    public string? ApiKey { get; set; }
    public string Sender { get; set; } = "Chikaya";
}
