using Chikaya.Domain.Routing;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Admin.Routing;

/// <summary>Which administration receives a theme in a territory; the most specific rule wins.</summary>
public sealed class RoutingRulesModel(AppDbContext db, ReferenceCache references, IStringLocalizer t) : PageModel
{
    [BindProperty] public int? ThemeId { get; set; }
    [BindProperty] public int? TerritoryId { get; set; }
    [BindProperty] public int? AdministrationId { get; set; }

    public List<RoutingRule> Rules { get; private set; } = [];
    public Dictionary<int, string> Themes { get; private set; } = [];
    public Dictionary<int, string> Territories { get; private set; } = [];
    public Dictionary<int, string> Administrations { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (AdministrationId is not { } administration || !Administrations.ContainsKey(administration))
            ModelState.AddModelError(nameof(AdministrationId), t["admin.routing.administration-required"]);
        if (ThemeId is { } theme && !Themes.ContainsKey(theme)) ModelState.AddModelError(nameof(ThemeId), t["complaint.theme.unknown"]);
        if (TerritoryId is { } territory && !Territories.ContainsKey(territory))
            ModelState.AddModelError(nameof(TerritoryId), t["complaint.territory.unknown"]);
        if (Rules.Any(r => r.ThemeId == ThemeId && r.TerritoryId == TerritoryId))
            ModelState.AddModelError("", t["admin.routing.duplicate"]);
        if (!ModelState.IsValid) return Page();
        db.RoutingRules.Add(new RoutingRule(ThemeId, TerritoryId, AdministrationId!.Value));
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        await db.RoutingRules.Where(r => r.Id == id).ExecuteDeleteAsync(ct);
        references.Invalidate();
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Themes = (await db.Themes.AsNoTracking().OrderBy(x => x.SortOrder).ToListAsync(ct)).ToDictionary(x => x.Id, x => Display.Name(x.Name));
        Territories = (await db.Territories.AsNoTracking().ToListAsync(ct)).OrderBy(x => x.Code).ToDictionary(x => x.Id, x => Display.Name(x.Name));
        Administrations = (await db.Administrations.AsNoTracking().ToListAsync(ct)).OrderBy(a => a.Kind).ThenBy(a => a.NameFr)
            .ToDictionary(a => a.Id, a => Display.Name(a.Name));
        Rules = (await db.RoutingRules.AsNoTracking().ToListAsync(ct))
            .OrderBy(r => r.TerritoryId is null).ThenBy(r => r.TerritoryId).ThenBy(r => r.ThemeId is null).ThenBy(r => r.ThemeId).ToList();
    }
}
