using Chikaya.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Features.Jobs;

/// <summary>
/// Runs the scheduled jobs. Several instances may run side by side: before a job runs, its row in
/// JobLeases is taken with a conditional update, which only one instance can win.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, IOptions<JobOptions> options, TimeProvider clock,
    ILogger<JobRunner> logger) : BackgroundService
{
    private static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(5);
    private static readonly DateTime Never = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);
    public string InstanceId { get; } = $"{Guid.NewGuid():N} {Environment.MachineName}/{Environment.ProcessId}" is var id && id.Length > 100 ? id[..100] : id;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await RunDueJobsAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { logger.LogError(e, "Scheduled jobs failed"); }
            await Task.Delay(TimeSpan.FromSeconds(options.Value.TickSeconds), clock, stoppingToken);
        }
    }

    /// <summary>Runs every job whose time has come and whose lease this instance wins; returns the names run.</summary>
    public async Task<IReadOnlyList<string>> RunDueJobsAsync(CancellationToken ct)
    {
        var ran = new List<string>();
        await using var scope = scopes.CreateAsyncScope();
        foreach (var job in scope.ServiceProvider.GetServices<IScheduledJob>())
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (!await TryLeaseAsync(scope.ServiceProvider, job, now, ct)) continue;
            try
            {
                await using var jobScope = scopes.CreateAsyncScope();
                var instance = jobScope.ServiceProvider.GetServices<IScheduledJob>().First(j => j.Name == job.Name);
                await instance.RunAsync(now, ct);
                ran.Add(job.Name);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Job {Job} failed", job.Name);
            }
            finally
            {
                await ReleaseAsync(scope.ServiceProvider, job.Name, now, ct);
            }
        }
        return ran;
    }

    private async Task<bool> TryLeaseAsync(IServiceProvider services, IScheduledJob job, DateTime now, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (!await db.JobLeases.AnyAsync(l => l.Name == job.Name, ct))
        {
            try
            {
                db.JobLeases.Add(new JobLease { Name = job.Name, LeasedUntilUtc = Never });
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) { /* another instance created it */ }
            db.ChangeTracker.Clear();
        }
        var dueBefore = now - job.Every;
        var until = now + LeaseLength;
        var won = await db.JobLeases
            .Where(l => l.Name == job.Name && l.LeasedUntilUtc < now && (l.LastRunUtc == null || l.LastRunUtc <= dueBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, InstanceId).SetProperty(l => l.LeasedUntilUtc, until), ct);
        return won == 1;
    }

    private async Task ReleaseAsync(IServiceProvider services, string name, DateTime startedUtc, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        await db.JobLeases.Where(l => l.Name == name && l.Holder == InstanceId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LeasedUntilUtc, Never).SetProperty(l => l.LastRunUtc, startedUtc),
                CancellationToken.None);
    }
}
