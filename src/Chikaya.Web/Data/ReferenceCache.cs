using System.Runtime.CompilerServices;
using Chikaya.Domain.Administrations;
using Chikaya.Domain.Routing;
using Chikaya.Domain.Territories;
using Chikaya.Domain.Themes;
using Chikaya.Web.Features.Notifications;
using Chikaya.Web.Features.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chikaya.Web.Data;

/// <summary>
/// The reference data a filing reads: themes, territories, administrations, routing rules, message templates and the
/// partners that receive webhooks. Read from the database once, not seven times per complaint. The entities are shared
/// and must only be read.
/// </summary>
public sealed class ReferenceSnapshot
{
    public required IReadOnlyDictionary<int, Theme> Themes { get; init; }
    public required IReadOnlyDictionary<string, Territory> Territories { get; init; }
    public required TerritoryTree TerritoryTree { get; init; }
    public required IReadOnlyDictionary<int, Administration> Administrations { get; init; }
    public required IReadOnlyList<RoutingRule> RoutingRules { get; init; }
    public required IReadOnlyDictionary<(string Key, string Language), MessageTemplate> Templates { get; init; }
    public required IReadOnlyList<Partner> WebhookSubscribers { get; init; }

    public bool IsActiveAdministration(int id) => Administrations.TryGetValue(id, out var a) && a.IsActive;

    public static async Task<ReferenceSnapshot> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var territories = await db.Territories.AsNoTracking().ToListAsync(ct);
        return new ReferenceSnapshot
        {
            Themes = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Id, ct),
            Territories = territories.ToDictionary(t => t.Code, StringComparer.Ordinal),
            TerritoryTree = new TerritoryTree(territories),
            Administrations = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, ct),
            RoutingRules = await db.RoutingRules.AsNoTracking().ToListAsync(ct),
            Templates = (await db.MessageTemplates.AsNoTracking().ToListAsync(ct)).ToDictionary(t => (t.Key, t.Language)),
            WebhookSubscribers = await db.Partners.AsNoTracking()
                .Where(p => p.RevokedUtc == null && p.WebhookUrl != null && p.WebhookEvents != WebhookEvents.None).ToListAsync(ct),
        };
    }
}

/// <summary>
/// Keeps the <see cref="ReferenceSnapshot"/> in memory. A change saved on this instance clears it at once (see
/// <see cref="ReferenceCacheInterceptor"/>); another instance sees it within <see cref="Lifetime"/>.
/// </summary>
public sealed class ReferenceCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private sealed record Entry(ReferenceSnapshot Snapshot, long ExpiresTicks);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Entry? _current;
    private long _version;

    public async ValueTask<ReferenceSnapshot> GetAsync(AppDbContext db, CancellationToken ct)
    {
        if (Fresh() is { } known) return known;
        await _loading.WaitAsync(ct);
        try
        {
            if (Fresh() is { } loaded) return loaded;
            var version = Interlocked.Read(ref _version);
            var snapshot = await ReferenceSnapshot.LoadAsync(db, ct);
            // a change saved while this was read makes what was read stale: use it once, keep it not
            if (version == Interlocked.Read(ref _version))
                _current = new Entry(snapshot, Environment.TickCount64 + (long)Lifetime.TotalMilliseconds);
            return snapshot;
        }
        finally { _loading.Release(); }
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _current = null;
    }

    private ReferenceSnapshot? Fresh() => _current is { } entry && entry.ExpiresTicks > Environment.TickCount64 ? entry.Snapshot : null;
}

/// <summary>Clears the <see cref="ReferenceCache"/> when a SaveChanges adds, edits or removes reference data.</summary>
public sealed class ReferenceCacheInterceptor(ReferenceCache cache) : SaveChangesInterceptor
{
    private static readonly HashSet<Type> Watched =
        [typeof(Theme), typeof(Territory), typeof(Administration), typeof(RoutingRule), typeof(MessageTemplate), typeof(Partner)];

    private readonly ConditionalWeakTable<DbContext, object> _changing = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Done(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Done(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Done(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null) return;
        if (!context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                                                    && Watched.Contains(e.Metadata.ClrType))) return;
        _changing.AddOrUpdate(context, this);
        cache.Invalidate();
    }

    // cleared again once the change is visible, so that nothing read in between is kept
    private void Done(DbContext? context)
    {
        if (context is not null && _changing.Remove(context)) cache.Invalidate();
    }
}
