using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Shared;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

using Chikaya.Web.Features.Dashboard;

namespace Chikaya.Web.Features.BackOffice.Dashboard;

/// <summary>The dashboard for any territory and administration the reader oversees.</summary>
public sealed class DashboardModel([FromKeyedServices(ReadOnlyDatabase.Key)] AppDbContext db, DashboardCache cache, TimeProvider clock) : DashboardFilterModel
{
    public DashboardFigures Figures { get; private set; } = null!;
    public DashboardWarnings Warnings { get; private set; } = null!;
    public FilterChoices Choices { get; private set; } = null!;
    public DateTime NowUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await StaffScope.ForAsync(User, db, ct) is not { } scope) return Forbid();
        NowUtc = clock.GetUtcNow().UtcDateTime;
        var complaints = await Filter.ApplyAsync(db, scope, ct);
        var reader = scope.All ? "all" : string.Join(',', scope.AdministrationIds.Order());
        Figures = await cache.GetAsync("figures", reader, Filter, () => DashboardQuery.RunAsync(complaints, NowUtc, ct));
        Warnings = await DashboardWarnings.RunAsync(complaints, NowUtc, ct);
        Choices = await FilterChoices.LoadAsync(db, scope, ct);
        return Page();
    }
}
