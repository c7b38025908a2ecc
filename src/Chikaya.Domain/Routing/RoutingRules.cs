namespace Chikaya.Domain.Routing;

/// <summary>Picks the competent administration for a theme and a place.</summary>
public static class RoutingRules
{
    /// <param name="territoryChain">The territory of the complaint first, then each enclosing territory.</param>
    /// <returns>The administration of the most specific rule, or null when no rule applies.</returns>
    /// <remarks>
    /// The closest territory wins; at the same territory a rule naming the theme beats a rule for
    /// every theme; country-wide rules come last, theme-specific first.
    /// </remarks>
    public static int? Resolve(int themeId, IReadOnlyList<int> territoryChain, IEnumerable<RoutingRule> rules)
    {
        var applicable = rules.Where(r => r.ThemeId is null || r.ThemeId == themeId).ToList();
        foreach (var territoryId in territoryChain)
        {
            var here = applicable.Where(r => r.TerritoryId == territoryId).ToList();
            var match = here.FirstOrDefault(r => r.ThemeId == themeId) ?? here.FirstOrDefault();
            if (match is not null) return match.AdministrationId;
        }
        var national = applicable.Where(r => r.TerritoryId is null).ToList();
        return (national.FirstOrDefault(r => r.ThemeId == themeId) ?? national.FirstOrDefault())?.AdministrationId;
    }
}
