using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chikaya.Web.Data;

/// <summary>Adds rows to a SaveChanges before it runs, so that they are saved with the change or not at all.</summary>
public abstract class BeforeSaveInterceptor : SaveChangesInterceptor
{
    protected abstract Task BeforeSaveAsync(AppDbContext db, CancellationToken ct);

    /// <summary>Adds the rows now, for a write that will not go through SaveChanges (<see cref="NewRows"/>).</summary>
    public Task AddRowsAsync(AppDbContext db, CancellationToken ct) => BeforeSaveAsync(db, ct);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db) await BeforeSaveAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db) BeforeSaveAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }
}
