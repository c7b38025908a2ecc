using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chikaya.Web.Features.Chat;

/// <summary>Where a conversation stands: which question the citizen is answering, and what they said so far.</summary>
public sealed class ChatConversation
{
    public const int MaxTranscript = 40;

    public long Id { get; set; }
    public string Platform { get; set; } = "";
    public string UserId { get; set; } = "";
    public ChatStep Step { get; set; }
    public string Language { get; set; } = "fr";
    public int? ThemeId { get; set; }
    public string? Place { get; set; }
    public string? TerritoryCode { get; set; }
    public string? Description { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>The exchange as the web widget shows it: "> " starts the citizen's lines.</summary>
    public List<string> Transcript { get; set; } = [];

    public void Say(string line, bool citizen)
    {
        Transcript.Add((citizen ? "> " : "") + line);
        if (Transcript.Count > MaxTranscript) Transcript.RemoveRange(0, Transcript.Count - MaxTranscript);
    }

    /// <summary>After a filing or a cancel: nothing of the complaint stays in the conversation.</summary>
    public void Reset()
    {
        Step = ChatStep.Start;
        ThemeId = null;
        Place = null;
        TerritoryCode = null;
        Description = null;
    }
}

public enum ChatStep
{
    Start = 0,
    Theme = 1,
    Place = 2,
    Description = 3,
    Photo = 4,
}

/// <summary>A platform's message id, once handled: the platforms deliver again when unsure, the complaint is filed once.</summary>
public sealed class ChatMessageReceipt
{
    public string Platform { get; set; } = "";
    public string MessageId { get; set; } = "";
    public DateTime ReceivedUtc { get; set; }
}

public sealed class ChatConfiguration : IEntityTypeConfiguration<ChatConversation>, IEntityTypeConfiguration<ChatMessageReceipt>
{
    public void Configure(EntityTypeBuilder<ChatConversation> builder)
    {
        builder.Property(c => c.Platform).HasMaxLength(20);
        builder.Property(c => c.UserId).HasMaxLength(100);
        builder.HasIndex(c => new { c.Platform, c.UserId }).IsUnique();
        builder.Property(c => c.Language).HasMaxLength(2);
        builder.Property(c => c.Place).HasMaxLength(300);
        builder.Property(c => c.TerritoryCode).HasMaxLength(60);
        builder.Property(c => c.Description).HasMaxLength(8000);
        builder.PrimitiveCollection(c => c.Transcript);
    }

    public void Configure(EntityTypeBuilder<ChatMessageReceipt> builder)
    {
        builder.HasKey(r => new { r.Platform, r.MessageId });
        builder.Property(r => r.Platform).HasMaxLength(20);
        builder.Property(r => r.MessageId).HasMaxLength(200);
    }
}
