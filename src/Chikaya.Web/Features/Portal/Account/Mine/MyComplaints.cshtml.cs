using System.Security.Claims;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Portal.Account.Mine;

public sealed class MyComplaintsModel(AppDbContext db) : PageModel
{
    public sealed record Row(string TrackingNumber, string Subject, SubmissionKind Kind, ComplaintStatus Status, DateTime ReceivedUtc);

    public List<Row> Complaints { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        // what the person filed by phone or letter too, once their record is linked to the account
        var records = db.Citizens.Where(c => c.UserId == userId).Select(c => (Guid?)c.Id);
        Complaints = await db.Complaints.AsNoTracking().Where(c => c.CitizenUserId == userId || records.Contains(c.CitizenId))
            .OrderByDescending(c => c.ReceivedUtc)
            .Select(c => new Row(c.TrackingNumber, c.Subject, c.Kind, c.Status, c.ReceivedUtc)).Take(200).ToListAsync(ct);
    }
}
