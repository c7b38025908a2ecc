using Chikaya.Domain.Territories;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Shared;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Dashboard;

/// <summary>Names for the filters and the figures: themes, places, administrations the reader may see.</summary>
public sealed record FilterChoices(Dictionary<int, string> Themes, List<(string Code, string Name)> Territories,
    Dictionary<int, string> Administrations)
{
    public static async Task<FilterChoices> LoadAsync(AppDbContext db, StaffScope? scope, CancellationToken ct)
    {
        var themes = (await db.Themes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct)).ToDictionary(t => t.Id, t => Display.Name(t.Name));
        var territories = (await db.Territories.AsNoTracking().Where(t => t.Kind != TerritoryKind.ArrondissementsPrefecture).ToListAsync(ct))
            .OrderBy(t => t.Kind).ThenBy(t => Display.Name(t.Name)).Select(t => (t.Code, Display.Name(t.Name))).ToList();
        var administrations = (await db.Administrations.AsNoTracking().ToListAsync(ct))
            .Where(a => scope is null || scope.Covers(a.Id)).OrderBy(a => a.Kind).ThenBy(a => a.NameFr)
            .ToDictionary(a => a.Id, a => Display.Name(a.Name));
        return new FilterChoices(themes, territories, administrations);
    }
}
