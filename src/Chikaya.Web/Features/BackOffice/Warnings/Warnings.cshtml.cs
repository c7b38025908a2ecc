using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.BackOffice.Warnings;

/// <summary>
/// The supervisor's watch: the warnings and escalations of the deadline watch, newest first, for
/// the complaints of their administrations and those escalated to them.
/// </summary>
public sealed class WarningsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(string TrackingNumber, string Subject, ComplaintStatus Status, DateTime AnswerDueUtc,
        ComplaintEvent Event);

    public List<Row> Rows { get; private set; } = [];
    public DateTime NowUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await StaffScope.ForAsync(User, db, ct) is not { } scope) return Forbid();
        NowUtc = clock.GetUtcNow().UtcDateTime;
        var since = NowUtc.AddDays(-60);
        var kinds = new[] { ComplaintEventType.DeadlineWarning, ComplaintEventType.Escalated };
        var visible = scope.Filter(db.Complaints).Select(c => c.Id);
        var events = db.ComplaintEvents.AsNoTracking().Where(e => kinds.Contains(e.Type) && e.OccurredUtc >= since);
        events = scope.All
            ? events
            : events.Where(e => visible.Contains(e.ComplaintId) || (e.AdministrationId != null && scope.AdministrationIds.Contains(e.AdministrationId.Value)));
        Rows = await (from e in events
                join c in db.Complaints.AsNoTracking() on e.ComplaintId equals c.Id
                orderby e.OccurredUtc descending
                select new Row(c.TrackingNumber, c.Subject, c.Status, c.AnswerDueUtc, e))
            .Take(300).ToListAsync(ct);
        return Page();
    }
}
