using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Notifications;

/// <summary>
/// Whatever changed a complaint (a page, the API, a job), the messages it calls for are added to the
/// outbox, and a line to the audit log, in the same SaveChanges: saved together with the change, or not at all.
/// </summary>
public sealed class OutboxInterceptor(NotificationComposer composer, TimeProvider clock) : BeforeSaveInterceptor
{
    protected override async Task BeforeSaveAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.ImportMode) return;
        db.ChangeTracker.DetectChanges();
        var steps = db.ChangeTracker.Entries<ComplaintEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (steps.Count == 0) return;
        var complaints = db.ChangeTracker.Entries<Complaint>().Select(e => e.Entity).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var step in steps)
        {
            var complaint = complaints.FirstOrDefault(c => c.Events.Contains(step));
            if (complaint is null) continue;
            db.Outbox.AddRange(await composer.ComposeAsync(db, complaint, step, now, ct));
            db.AuditEntries.Add(new Audit.AuditEntry
            {
                OccurredUtc = step.OccurredUtc, ActorUserId = step.ActorUserId, ActorName = step.ActorKind == ActorKind.Citizen ? "citizen" : step.ActorName,
                Action = "complaint." + step.Type.ToString().ToLowerInvariant(), Subject = complaint.TrackingNumber,
                Details = $"status={step.StatusAfter}; administration={step.AdministrationId ?? complaint.AdministrationId}",
            });
        }
    }
}
