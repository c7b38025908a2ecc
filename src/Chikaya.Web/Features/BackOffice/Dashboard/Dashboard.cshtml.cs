using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Shared;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

using Chikaya.Web.Features.Dashboard;

namespace Chikaya.Web.Features.BackOffice.Dashboard;

/// <summary>The dashboard for any territory and administration the reader oversees.</summary>
public sealed class DashboardModel([FromKeyedServices(ReadOnlyDatabase.Key)] AppDbContext db, DashboardReader dashboards, TimeProvider clock) : DashboardFilterModel
{
    public DashboardFigures Figures { get; private set; } = null!;
    public DashboardWarnings Warnings { get; private set; } = null!;
    public FilterChoices Choices { get; private set; } = null!;
    public DateTime NowUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await StaffScope.ForAsync(User, db, ct) is not { } scope) return Forbid();
        NowUtc = clock.GetUtcNow().UtcDateTime;
        Figures = await dashboards.FiguresAsync(Filter, DashboardReader.Visible(scope), NowUtc, ct);
        Warnings = await dashboards.WarningsAsync(Filter, DashboardReader.Visible(scope), NowUtc, ct);
        Choices = await FilterChoices.LoadAsync(db, scope, ct);
        return Page();
    }
}
