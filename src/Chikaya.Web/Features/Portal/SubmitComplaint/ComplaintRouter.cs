using Chikaya.Domain.Routing;
using Chikaya.Domain.Territories;
using Chikaya.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Chikaya.Web.Features.Portal.SubmitComplaint;

/// <summary>Finds the administration competent for a theme and a place, or checks the one the citizen named.</summary>
public sealed class ComplaintRouter(AppDbContext db, IMemoryCache cache)
{
    public sealed record Route(int AdministrationId, int? TerritoryId);

    public async Task<(Route? Route, IReadOnlyList<(string Field, string Code)> Errors)> ResolveAsync(
        int? themeId, int? administrationId, string? territoryCode, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        var theme = themeId is { } id ? await db.Themes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) : null;
        if (theme is not { IsActive: true }) errors.Add(("themeId", themeId is null ? "complaint.theme.required" : "complaint.theme.unknown"));

        Territory? territory = null;
        if (!string.IsNullOrWhiteSpace(territoryCode))
        {
            territory = await db.Territories.AsNoTracking().FirstOrDefaultAsync(t => t.Code == territoryCode.Trim(), ct);
            if (territory is null) errors.Add(("territoryCode", "complaint.territory.unknown"));
        }
        if (errors.Count > 0) return (null, errors);

        if (administrationId is { } named)
        {
            var exists = await db.Administrations.AnyAsync(a => a.Id == named && a.IsActive, ct);
            return exists
                ? (new Route(named, territory?.Id), [])
                : (null, [("administrationId", "complaint.administration.unknown")]);
        }

        var chain = territory is null ? [] : await TerritoryChainAsync(territory.Code, ct);
        var rules = await db.RoutingRules.AsNoTracking().ToListAsync(ct);
        var routed = RoutingRules.Resolve(theme!.Id, chain, rules);
        var active = routed is { } r && await db.Administrations.AnyAsync(a => a.Id == r && a.IsActive, ct);
        return active
            ? (new Route(routed!.Value, territory?.Id), [])
            : (null, [("administrationId", "complaint.administration.unresolved")]);
    }

    private async Task<IReadOnlyList<int>> TerritoryChainAsync(string code, CancellationToken ct)
    {
        // the territories are reference data, loaded once at the first start: no need to read 112 rows per filing
        var tree = await cache.GetOrCreateAsync("routing:territory-tree", async entry =>
        {
            entry.SetSize(1).SetAbsoluteExpiration(TimeSpan.FromMinutes(10));
            return new TerritoryTree(await db.Territories.AsNoTracking().ToListAsync(ct));
        });
        return tree!.SelfAndAncestors(code).Select(t => t.Id).ToList();
    }
}
