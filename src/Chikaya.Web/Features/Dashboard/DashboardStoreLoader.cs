using Chikaya.Web.Data;

namespace Chikaya.Web.Features.Dashboard;

/// <summary>
/// Fills this instance's <see cref="DashboardStore"/> after start, in the background (tries again a minute later if it
/// fails), then catches up every half minute, so that a dashboard read after a quiet hour has little to read again.
/// </summary>
public sealed class DashboardStoreLoader(IServiceScopeFactory scopes, DashboardStore store, ILogger<DashboardStoreLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!store.IsLoaded && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await store.LoadAsync(scope.ServiceProvider.GetRequiredKeyedService<AppDbContext>(ReadOnlyDatabase.Key), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Dashboard store not loaded: the database computes the dashboards meanwhile");
                await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            }
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await store.CatchUpAsync(scope.ServiceProvider.GetRequiredKeyedService<AppDbContext>(ReadOnlyDatabase.Key), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException) { logger.LogWarning(e, "Dashboard store did not catch up"); }
        }
    }
}
