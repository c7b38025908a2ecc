using System.Text.Json;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Open311;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Partners;

/// <summary>
/// Each step a partner subscribed to becomes a delivery row in the same SaveChanges as the step: a change
/// that is saved is reported, one that is not is never reported.
/// </summary>
public sealed class WebhookInterceptor(TimeProvider clock, ReferenceCache references) : BeforeSaveInterceptor
{
    public static WebhookEvents EventOf(ComplaintEventType type) => type switch
    {
        ComplaintEventType.Submitted => WebhookEvents.Filed,
        ComplaintEventType.Transferred => WebhookEvents.Routed,
        ComplaintEventType.Answered => WebhookEvents.Answered,
        ComplaintEventType.Closed => WebhookEvents.Closed,
        ComplaintEventType.Reopened => WebhookEvents.Reopened,
        ComplaintEventType.Rejected => WebhookEvents.Rejected,
        _ => WebhookEvents.None,
    };

    protected override async Task BeforeSaveAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.ImportMode) return;
        var steps = db.ChangeTracker.Entries<ComplaintEvent>()
            .Where(e => e.State == EntityState.Added && EventOf(e.Entity.Type) != WebhookEvents.None).Select(e => e.Entity).ToList();
        if (steps.Count == 0) return;
        var reference = await references.GetAsync(db, ct);
        var subscribers = reference.WebhookSubscribers;
        if (subscribers.Count == 0) return;
        var complaints = db.ChangeTracker.Entries<Complaint>().Select(e => e.Entity).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var step in steps)
        {
            if (complaints.FirstOrDefault(c => c.Events.Contains(step)) is not { } complaint) continue;
            var kind = EventOf(step.Type);
            var administrations = new[] { complaint.AdministrationId, step.AdministrationId ?? complaint.AdministrationId };
            var theme = reference.Themes.GetValueOrDefault(complaint.ThemeId);
            var administration = reference.Administrations.GetValueOrDefault(complaint.AdministrationId);
            foreach (var partner in subscribers.Where(p => p.WebhookEvents.HasFlag(kind) && administrations.Any(p.Covers)))
            {
                var payload = new Dictionary<string, object?>
                {
                    ["event"] = kind.ToString().ToLowerInvariant(),
                    ["occurred_at"] = Open311Format.W3C(step.OccurredUtc),
                    ["service_request_id"] = complaint.TrackingNumber,
                    ["status"] = ServiceRequestQuery.Closed.Contains(complaint.Status) ? "closed" : "open",
                    ["detailed_status"] = complaint.Status.ToString(),
                    ["service_code"] = theme?.Code,
                    ["jurisdiction_id"] = administration?.Code,
                    // the answer or the reason, only to a partner allowed to read the details
                    ["text"] = partner.May(PartnerPermissions.ReadDetails) && step.IsPublic ? step.Text : null,
                };
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    PartnerId = partner.Id, Event = kind.ToString().ToLowerInvariant(), TrackingNumber = complaint.TrackingNumber,
                    Payload = JsonSerializer.Serialize(payload), CreatedUtc = now, NextAttemptUtc = now,
                });
            }
        }
    }
}
