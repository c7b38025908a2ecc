using Chikaya.Web.Data;
using Chikaya.Web.Features.Dashboard;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chikaya.Web.Features.Portal.Stats;

/// <summary>
/// Public figures: how many complaints, on what, through which channel, how fast each administration
/// answers. Aggregates only: no complaint, no name, no text.
/// </summary>
public sealed class StatsModel([FromKeyedServices(ReadOnlyDatabase.Key)] AppDbContext db, DashboardCache cache, DashboardReader dashboards, TimeProvider clock) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Territory { get; set; }

    public DashboardFigures Figures { get; private set; } = null!;
    public IReadOnlyList<RankingRow> Ranking { get; private set; } = [];
    public FilterChoices Names { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var filter = new DashboardFilter { Territory = Territory };
        Figures = await cache.GetAsync("figures", "public", filter, () => dashboards.FiguresAsync(filter, scope: null, now, ct));
        Ranking = await cache.GetAsync("ranking", "public", filter, () => dashboards.RankingAsync(filter, scope: null, now, kinds: null, ct));
        Names = await FilterChoices.LoadAsync(db, scope: null, ct);
    }
}
