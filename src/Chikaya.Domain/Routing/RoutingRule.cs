namespace Chikaya.Domain.Routing;

/// <summary>
/// "Complaints on this theme, in this territory, go to this administration". A rule without a
/// theme covers every theme of its territory; one without a territory covers the whole country.
/// </summary>
public sealed class RoutingRule
{
    private RoutingRule() { }

    public RoutingRule(int? themeId, int? territoryId, int administrationId)
    {
        ThemeId = themeId;
        TerritoryId = territoryId;
        AdministrationId = administrationId;
    }

    public int Id { get; private set; }
    public int? ThemeId { get; private set; }
    public int? TerritoryId { get; private set; }
    public int AdministrationId { get; private set; }
}
