using Chikaya.Web.Data;
using Chikaya.Web.Features.Dashboard;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace Chikaya.Web.Features.BackOffice.Dashboard;

public sealed class DashboardRankingModel([FromKeyedServices(ReadOnlyDatabase.Key)] AppDbContext db, DashboardReader dashboards, TimeProvider clock) : DashboardFilterModel
{
    [BindProperty(SupportsGet = true)] public bool CollectivitiesOnly { get; set; }

    public IReadOnlyList<RankingRow> Rows { get; private set; } = [];
    public IReadOnlyDictionary<int, string> Names { get; private set; } = new Dictionary<int, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await StaffScope.ForAsync(User, db, ct) is not { } scope) return Forbid();
        Rows = await dashboards.RankingAsync(Filter, DashboardReader.Visible(scope), clock.GetUtcNow().UtcDateTime,
            CollectivitiesOnly ? Ranking.Collectivities : null, ct);
        Names = (await FilterChoices.LoadAsync(db, scope, ct)).Administrations;
        return Page();
    }
}
