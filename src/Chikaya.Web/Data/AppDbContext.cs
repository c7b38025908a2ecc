using Chikaya.Domain.Administrations;
using Chikaya.Domain.Complaints;
using Chikaya.Domain.Routing;
using Chikaya.Domain.Territories;
using Chikaya.Domain.Themes;
using Chikaya.Web.Features.Jobs;
using Chikaya.Web.Features.Notifications;
using Chikaya.Web.Features.Portal.Faq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Data;

/// <summary>
/// The one DbContext. Each database provider has a subclass with its own migrations
/// (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>).
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect cookies and tokens, shared by every instance of the app.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<ComplaintEvent> ComplaintEvents => Set<ComplaintEvent>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Administration> Administrations => Set<Administration>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<Territory> Territories => Set<Territory>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<MessageTemplate> MessageTemplates => Set<MessageTemplate>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<FaqEntry> FaqEntries => Set<FaqEntry>();
    public DbSet<Features.Audit.AuditEntry> AuditEntries => Set<Features.Audit.AuditEntry>();
    public DbSet<Domain.Citizens.Citizen> Citizens => Set<Domain.Citizens.Citizen>();
    public DbSet<Features.Citizens.CitizenMerge> CitizenMerges => Set<Features.Citizens.CitizenMerge>();
    public DbSet<Features.Partners.Partner> Partners => Set<Features.Partners.Partner>();
    public DbSet<Features.Partners.PartnerUse> PartnerUses => Set<Features.Partners.PartnerUse>();
    public DbSet<Features.Partners.WebhookDelivery> WebhookDeliveries => Set<Features.Partners.WebhookDelivery>();
    public DbSet<Features.Partners.PartnerUpdateReceipt> PartnerUpdateReceipts => Set<Features.Partners.PartnerUpdateReceipt>();
    public DbSet<Features.Chat.ChatConversation> ChatConversations => Set<Features.Chat.ChatConversation>();
    public DbSet<Features.Chat.ChatMessageReceipt> ChatMessageReceipts => Set<Features.Chat.ChatMessageReceipt>();

    /// <summary>
    /// Set while complaints of a legacy system are imported: their history is old news, so no message,
    /// webhook or audit line per step (the import writes one audit line of its own).
    /// </summary>
    public bool ImportMode { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
