using Chikaya.Domain.Territories;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Portal.SubmitComplaint;

/// <summary>The lists a filing form offers: active themes, places grouped by region, administrations.</summary>
public sealed class FormChoices(AppDbContext db, IStringLocalizer t)
{
    public const string ThemesKey = "ThemeChoices", PlacesKey = "PlaceChoices";

    /// <summary>For the shared filing fields of the call centre and the mail office.</summary>
    public async Task LoadAsync(Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary viewData, CancellationToken ct)
    {
        viewData[ThemesKey] = await ThemesAsync(ct);
        viewData[PlacesKey] = await PlacesAsync(ct);
    }

    public async Task<List<SelectListItem>> ThemesAsync(CancellationToken ct) =>
        (await db.Themes.AsNoTracking().Where(x => x.IsActive).OrderBy(x => x.SortOrder).ToListAsync(ct))
        .Select(x => new SelectListItem(Display.Name(x.Name), x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        .ToList();

    public async Task<List<SelectListItem>> PlacesAsync(CancellationToken ct)
    {
        var territories = await db.Territories.AsNoTracking().ToListAsync(ct);
        var tree = new TerritoryTree(territories);
        var items = new List<SelectListItem>();
        foreach (var region in territories.Where(x => x.Kind == TerritoryKind.Region).OrderBy(x => x.Code))
        {
            var group = new SelectListGroup { Name = Display.Name(region.Name) };
            var places = territories
                .Where(x => x.Kind is not (TerritoryKind.Region or TerritoryKind.ArrondissementsPrefecture)
                            && tree.SelfAndAncestors(x.Code).Any(a => a.Code == region.Code))
                .OrderBy(x => x.Kind is TerritoryKind.Arrondissement ? 2 : x.Kind is TerritoryKind.Commune ? 1 : 0)
                .ThenBy(x => Display.Name(x.Name));
            items.AddRange(places.Select(x => new SelectListItem($"{Display.Name(x.Name)} ({t[KindKey(x.Kind)]})", x.Code) { Group = group }));
        }
        return items;
    }

    public async Task<List<SelectListItem>> AdministrationsAsync(CancellationToken ct) =>
        (await db.Administrations.AsNoTracking().Where(a => a.IsActive).ToListAsync(ct))
        .OrderBy(a => a.Kind).ThenBy(a => Display.Name(a.Name))
        .Select(a => new SelectListItem(Display.Name(a.Name), a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        .ToList();

    public static string KindKey(TerritoryKind kind) => kind switch
    {
        TerritoryKind.ArrondissementsPrefecture => "territory-kind.arrondissements-prefecture",
        _ => "territory-kind." + kind.ToString().ToLowerInvariant(),
    };
}
