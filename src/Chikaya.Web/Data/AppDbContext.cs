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
public abstract class AppDbContext(DbContextOptions options, DatabaseWriteGate writeGate)
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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var _ = writeGate.Enter();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess,
        CancellationToken cancellationToken = default)
    {
        using var _ = await writeGate.EnterAsync(cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, DatabaseWriteGate writeGate)
    : AppDbContext(options, writeGate);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, DatabaseWriteGate writeGate)
    : AppDbContext(options, writeGate);
