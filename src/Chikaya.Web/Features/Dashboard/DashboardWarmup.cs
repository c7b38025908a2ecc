using Chikaya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Dashboard;

/// <summary>
/// On every instance, every 50 seconds, computes the whole-country figures (public page and
/// national observers) in the background, so that the most read dashboards answer at once even
/// when computing them takes a second.
/// </summary>
public sealed class DashboardWarmup(IServiceScopeFactory scopes, DashboardCache cache, TimeProvider clock,
    IConfiguration configuration, ILogger<DashboardWarmup> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Chikaya:Jobs:Enabled", true)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await WarmAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { logger.LogWarning(e, "Dashboard warm-up failed"); }
            await Task.Delay(Every, clock, stoppingToken);
        }
    }

    public async Task WarmAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredKeyedService<AppDbContext>(ReadOnlyDatabase.Key);
        var now = clock.GetUtcNow().UtcDateTime;
        var everything = new DashboardFilter();
        var figures = await DashboardQuery.RunAsync(db.Complaints.AsNoTracking(), now, ct);
        cache.Set("figures", "public", everything, figures);
        cache.Set("figures", "all", everything, figures);
        var kinds = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Kind, ct);
        cache.Set("ranking", "public", everything, await Ranking.RunAsync(db.Complaints.AsNoTracking(), now, null, kinds, ct));
    }
}
