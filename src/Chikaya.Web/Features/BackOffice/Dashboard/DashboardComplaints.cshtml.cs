using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Dashboard;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.BackOffice.Dashboard;

/// <summary>The complaints behind a figure of the dashboard.</summary>
public sealed class DashboardComplaintsModel([FromKeyedServices(ReadOnlyDatabase.Key)] AppDbContext db, ReferenceCache references, TimeProvider clock) : DashboardFilterModel
{
    [BindProperty(SupportsGet = true)] public string Group { get; set; } = DashboardQuery.All;
    [BindProperty(SupportsGet = true)] public bool CurrentYear { get; set; } = true;
    [BindProperty(SupportsGet = true)] public string Measure { get; set; } = "received";

    public sealed record Row(string TrackingNumber, string Subject, ComplaintStatus Status, DateTime ReceivedUtc, Channel Channel);

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await StaffScope.ForAsync(User, db, ct) is not { } scope) return Forbid();
        if (!DashboardQuery.ChannelGroups.Contains(Group)) return NotFound();
        var complaints = DashboardQuery.Cell(Filter.Apply(db, await references.GetAsync(db, ct), scope), Group, CurrentYear, Measure, clock.GetUtcNow().UtcDateTime);
        Total = await complaints.CountAsync(ct);
        Rows = await complaints.OrderBy(c => c.ReceivedUtc).Take(500)
            .Select(c => new Row(c.TrackingNumber, c.Subject, c.Status, c.ReceivedUtc, c.Channel)).ToListAsync(ct);
        return Page();
    }
}
