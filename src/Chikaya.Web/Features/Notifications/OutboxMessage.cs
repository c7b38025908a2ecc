namespace Chikaya.Web.Features.Notifications;

public enum MessageChannel
{
    Email = 0,
    Sms = 1,
}

/// <summary>
/// A message to send, saved in the same transaction as the change it announces; the outbox job
/// sends it, retrying with growing delays, so that nothing is lost while a server is down.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public MessageChannel Channel { get; set; }
    public string Recipient { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public string Language { get; set; } = "fr";
    public string TemplateKey { get; set; } = "";
    public Guid? ComplaintId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    public string? LastError { get; set; }
}

/// <summary>A message's text in one language, as administrators edited it; defaults live in <see cref="DefaultTemplates"/>.</summary>
public sealed class MessageTemplate
{
    public string Key { get; set; } = "";
    public string Language { get; set; } = "fr";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime UpdatedUtc { get; set; }
}
