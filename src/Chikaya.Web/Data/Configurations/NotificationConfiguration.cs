using Chikaya.Web.Features.Jobs;
using Chikaya.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chikaya.Web.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Recipient).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Language).HasMaxLength(5);
        builder.Property(m => m.TemplateKey).HasMaxLength(80);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasIndex(m => new { m.SentUtc, m.NextAttemptUtc });
        builder.HasIndex(m => m.ComplaintId);
    }
}

public sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> builder)
    {
        builder.HasKey(t => new { t.Key, t.Language });
        builder.Property(t => t.Key).HasMaxLength(80);
        builder.Property(t => t.Language).HasMaxLength(5);
        builder.Property(t => t.Subject).HasMaxLength(300);
        builder.Property(t => t.Body).HasMaxLength(8000);
    }
}

public sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(80);
        builder.Property(l => l.Holder).HasMaxLength(100);
    }
}

public sealed class FaqEntryConfiguration : IEntityTypeConfiguration<Chikaya.Web.Features.Portal.Faq.FaqEntry>
{
    public void Configure(EntityTypeBuilder<Chikaya.Web.Features.Portal.Faq.FaqEntry> builder)
    {
        builder.Property(f => f.QuestionFr).HasMaxLength(500);
        builder.Property(f => f.QuestionAr).HasMaxLength(500);
        builder.Property(f => f.AnswerFr).HasMaxLength(8000);
        builder.Property(f => f.AnswerAr).HasMaxLength(8000);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<Chikaya.Web.Features.Audit.AuditEntry>
{
    public void Configure(EntityTypeBuilder<Chikaya.Web.Features.Audit.AuditEntry> builder)
    {
        builder.Property(a => a.ActorUserId).HasMaxLength(100);
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(80);
        builder.Property(a => a.Subject).HasMaxLength(100);
        builder.Property(a => a.Details).HasMaxLength(500);
        builder.Property(a => a.Hash).HasMaxLength(64);
        // finds the lines waiting for the seal (null) and the end of the chain (the highest)
        builder.HasIndex(a => a.Position).IsUnique();
        builder.HasIndex(a => new { a.Subject, a.OccurredUtc });
    }
}
