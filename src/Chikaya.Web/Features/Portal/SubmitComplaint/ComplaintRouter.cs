using Chikaya.Domain.Routing;
using Chikaya.Domain.Territories;
using Chikaya.Web.Data;

namespace Chikaya.Web.Features.Portal.SubmitComplaint;

/// <summary>Finds the administration competent for a theme and a place, or checks the one the citizen named.</summary>
public sealed class ComplaintRouter(AppDbContext db, ReferenceCache references)
{
    public sealed record Route(int AdministrationId, int? TerritoryId);

    public async Task<(Route? Route, IReadOnlyList<(string Field, string Code)> Errors)> ResolveAsync(
        int? themeId, int? administrationId, string? territoryCode, CancellationToken ct)
    {
        var reference = await references.GetAsync(db, ct);
        var errors = new List<(string, string)>();
        var theme = themeId is { } id ? reference.Themes.GetValueOrDefault(id) : null;
        if (theme is not { IsActive: true }) errors.Add(("themeId", themeId is null ? "complaint.theme.required" : "complaint.theme.unknown"));

        Territory? territory = null;
        if (!string.IsNullOrWhiteSpace(territoryCode))
        {
            territory = reference.Territories.GetValueOrDefault(territoryCode.Trim());
            if (territory is null) errors.Add(("territoryCode", "complaint.territory.unknown"));
        }
        if (errors.Count > 0) return (null, errors);

        if (administrationId is { } named)
        {
            return reference.IsActiveAdministration(named)
                ? (new Route(named, territory?.Id), [])
                : (null, [("administrationId", "complaint.administration.unknown")]);
        }

        var chain = territory is null ? [] : reference.TerritoryTree.SelfAndAncestors(territory.Code).Select(t => t.Id).ToList();
        var routed = RoutingRules.Resolve(theme!.Id, chain, reference.RoutingRules);
        return routed is { } r && reference.IsActiveAdministration(r)
            ? (new Route(r, territory?.Id), [])
            : (null, [("administrationId", "complaint.administration.unresolved")]);
    }
}
