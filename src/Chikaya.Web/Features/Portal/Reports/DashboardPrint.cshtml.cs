using Chikaya.Web.Data;
using Chikaya.Web.Features.Dashboard;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chikaya.Web.Features.Portal.Reports;

/// <summary>The dashboard laid out for paper, opened by Chromium with a sealed token (nothing without it).</summary>
public sealed class DashboardPrintModel([FromKeyedServices(ReadOnlyDatabase.Key)] AppDbContext db, DashboardReader dashboards, IDataProtectionProvider protection, TimeProvider clock) : PageModel
{
    public DashboardFigures Figures { get; private set; } = null!;
    public FilterChoices Names { get; private set; } = null!;
    public DateTime NowUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken ct)
    {
        if (ReportToken.Read(protection, token) is not { } report) return NotFound();
        NowUtc = clock.GetUtcNow().UtcDateTime;
        Figures = await dashboards.FiguresAsync(report.ToFilter(), report.All ? null : report.AdministrationIds.ToHashSet(), NowUtc, ct);
        Names = await FilterChoices.LoadAsync(db, scope: null, ct);
        return Page();
    }
}
