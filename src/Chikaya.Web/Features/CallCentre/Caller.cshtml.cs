using System.Security.Claims;
using Chikaya.Domain.Citizens;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Audit;
using Chikaya.Web.Features.Citizens;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.CallCentre;

/// <summary>The caller's record and every complaint of theirs, from every channel and administration.</summary>
public sealed class CallerModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public Citizen Citizen { get; private set; } = null!;
    public List<ComplaintSummary> Complaints { get; private set; } = [];
    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;
    public CitizenComplaintsView History => new(Complaints, "/callcentre/complaints/");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var citizen = await db.Citizens.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (citizen is null) return NotFound();
        if (citizen.MergedIntoId is { } kept) return RedirectToPage(new { id = kept });
        Citizen = citizen;
        Complaints = await ComplaintSummary.OfCitizenAsync(db.Complaints, db, id, NowUtc, ct);
        // law 09-08: who opened a citizen's personal data, and when
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredUtc = NowUtc, ActorUserId = User.FindFirstValue(ClaimTypes.NameIdentifier),
            ActorName = User.FindFirstValue(ChikayaClaims.FullName) ?? "", Action = "personal-data.view", Subject = id.ToString(),
        });
        await db.SaveChangesAsync(ct);
        return Page();
    }
}
