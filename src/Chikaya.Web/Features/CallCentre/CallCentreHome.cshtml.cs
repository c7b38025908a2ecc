using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.CallCentre;

public sealed class CallCentreHomeModel(AppDbContext db, IStringLocalizer t) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Query { get; set; }
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    public List<CallerRow>? Callers { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Number))
        {
            var number = TrackingNumber.Normalize(Number);
            if (number is not null && await db.Complaints.AnyAsync(c => c.TrackingNumber == number, ct))
                return RedirectToPage("ReadStatus", new { number });
            ModelState.AddModelError(nameof(Number), t["callcentre.number.unknown"]);
        }
        if (string.IsNullOrWhiteSpace(Query)) return Page();
        if (Query.Trim().Length < CallerSearch.MinNameLength || Query.Length > 200)
            ModelState.AddModelError(nameof(Query), t["callcentre.query.too-short"]);
        else Callers = await CallerSearch.FindAsync(db, Query, ct);
        return Page();
    }
}
