using Chikaya.Web.Data;
using Chikaya.Web.Features.CallCentre;
using Chikaya.Web.Features.Citizens;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.BackOffice.Citizens;

/// <summary>A supervisor finds two records of one person among those who filed with their administrations, and merges them.</summary>
public sealed class CitizensModel(AppDbContext db, MergeCitizensHandler merges, IStringLocalizer t) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Query { get; set; }
    public List<CallerRow>? Found { get; private set; }
    public List<CitizenMerge> Merges { get; private set; } = [];
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool done, CancellationToken ct)
    {
        if (await StaffScope.ForAsync(User, db, ct) is not { } scope) return Forbid();
        Done = done ? t["backoffice.done"].Value : null;
        await LoadAsync(scope, ct);
        return Page();
    }

    public Task<IActionResult> OnPostMergeAsync(Guid merged, Guid kept, CancellationToken ct) =>
        ActAsync(scope => merges.MergeAsync(scope, merged, kept, ct), ct);

    public Task<IActionResult> OnPostUndoAsync(long merge, CancellationToken ct) =>
        ActAsync(scope => merges.UndoAsync(scope, merge, ct), ct);

    private async Task<IActionResult> ActAsync(Func<StaffScope, Task<string?>> action, CancellationToken ct)
    {
        if (await StaffScope.ForAsync(User, db, ct) is not { } scope) return Forbid();
        if (await action(scope) is not { } refusal) return RedirectToPage(new { Query, done = true });
        ModelState.AddModelError("", t[refusal]);
        await LoadAsync(scope, ct);
        return Page();
    }

    private async Task LoadAsync(StaffScope scope, CancellationToken ct)
    {
        var inScope = scope.Filter(db.Complaints).Where(c => c.CitizenId != null).Select(c => c.CitizenId!.Value);
        if (!string.IsNullOrWhiteSpace(Query) && Query.Trim().Length >= CallerSearch.MinNameLength && Query.Length <= 200)
        {
            var rows = await CallerSearch.FindAsync(db, Query, ct);
            var ids = rows.Select(r => r.Id).ToList();
            var visible = await inScope.Where(id => ids.Contains(id)).Distinct().ToListAsync(ct);
            Found = rows.Where(r => visible.Contains(r.Id)).ToList();
        }
        else if (!string.IsNullOrWhiteSpace(Query)) ModelState.AddModelError(nameof(Query), t["callcentre.query.too-short"]);
        Merges = await db.CitizenMerges.AsNoTracking().Where(m => inScope.Contains(m.KeptCitizenId) || inScope.Contains(m.MergedCitizenId))
            .OrderByDescending(m => m.MergedUtc).Take(20).ToListAsync(ct);
    }
}
