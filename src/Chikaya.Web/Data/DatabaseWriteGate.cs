using System.Runtime.CompilerServices;
using Chikaya.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chikaya.Web.Data;

/// <summary>
/// SQLite allows one writer at a time and its driver retries a busy database by sleeping, which gives
/// second-long tails under load. Letting writes through one at a time is faster for everyone.
/// Registered after the other interceptors, so that the gate is held only while the rows are written:
/// what they compute first (the outbox's messages, the audit line) runs side by side. PostgreSQL needs no gate.
/// </summary>
public sealed class DatabaseWriteGate : SaveChangesInterceptor
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, object> _holders = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await _semaphore.WaitAsync(cancellationToken);
        _holders.Add(eventData.Context!, this);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        _semaphore.Wait();
        _holders.Add(eventData.Context!, this);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Holds the gate for a write that does not go through SaveChanges (the filing writer's inserts, the audit seal).</summary>
    public Task<IDisposable> HoldAsync(CancellationToken ct) => _semaphore.TakeTurnAsync(ct);

    private void Release(DbContext? context)
    {
        if (context is not null && _holders.Remove(context)) _semaphore.Release();
    }
}
