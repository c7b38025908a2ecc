using Chikaya.Web.Data;
using Chikaya.Web.Features.Dashboard;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.BackOffice.Dashboard;

/// <summary>Every table of the dashboard as CSV or XLSX, with the same filters.</summary>
public sealed class DashboardExportModel([FromKeyedServices(ReadOnlyDatabase.Key)] AppDbContext db, DashboardReader dashboards, TimeProvider clock, IStringLocalizer t) : DashboardFilterModel
{
    [BindProperty(SupportsGet = true)] public string Table { get; set; } = "channels";
    [BindProperty(SupportsGet = true)] public string Format { get; set; } = "csv";
    [BindProperty(SupportsGet = true)] public bool CollectivitiesOnly { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await StaffScope.ForAsync(User, db, ct) is not { } scope) return Forbid();
        if (Format is not ("csv" or "xlsx") || Table is not ("channels" or "themes" or "ranking")) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var names = await FilterChoices.LoadAsync(db, scope, ct);
        var visible = DashboardReader.Visible(scope);
        var table = Table switch
        {
            "themes" => DashboardTables.Themes(await dashboards.FiguresAsync(Filter, visible, now, ct), names, t),
            "ranking" => DashboardTables.Ranking(await dashboards.RankingAsync(Filter, visible, now,
                CollectivitiesOnly ? Ranking.Collectivities : null, ct), names, t),
            _ => DashboardTables.Channels(await dashboards.FiguresAsync(Filter, visible, now, ct), t),
        };
        var name = $"chikaya-{Table}-{Shared.Display.Local(now):yyyy-MM-dd}.{Format}";
        return Format == "csv"
            ? File(table.ToCsv(), "text/csv; charset=utf-8", name)
            : File(table.ToXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
}
