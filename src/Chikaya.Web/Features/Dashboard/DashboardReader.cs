using Chikaya.Domain.Administrations;
using Chikaya.Web.Data;
using Chikaya.Web.Infrastructure.Security;

namespace Chikaya.Web.Features.Dashboard;

/// <summary>
/// The dashboards' figures, ranking and warnings for a filter within what the reader may see (null: everything):
/// from this instance's <see cref="DashboardStore"/> once it is loaded, from the database's grouped queries until then.
/// </summary>
public sealed class DashboardReader(DashboardStore store, ReferenceCache references, [FromKeyedServices(ReadOnlyDatabase.Key)] AppDbContext db)
{
    public static IReadOnlySet<int>? Visible(StaffScope? scope) => scope is null || scope.All ? null : scope.AdministrationIds;

    public async Task<DashboardFigures> FiguresAsync(DashboardFilter filter, IReadOnlySet<int>? scope, DateTime nowUtc, CancellationToken ct)
    {
        var resolved = filter.Resolve(await references.GetAsync(db, ct), scope);
        return await store.CatchUpAsync(db, ct)
            ? store.Read((rows, limits) => StoreQueries.Figures(rows, new StoreFilter(resolved, limits), limits, nowUtc))
            : await DashboardQuery.RunAsync(resolved.Apply(db), nowUtc, ct);
    }

    public async Task<DashboardWarnings> WarningsAsync(DashboardFilter filter, IReadOnlySet<int>? scope, DateTime nowUtc, CancellationToken ct)
    {
        var resolved = filter.Resolve(await references.GetAsync(db, ct), scope);
        return await store.CatchUpAsync(db, ct)
            ? store.Read((rows, limits) => StoreQueries.Warnings(rows, new StoreFilter(resolved, limits), limits, nowUtc))
            : await DashboardWarnings.RunAsync(resolved.Apply(db), nowUtc, ct);
    }

    /// <summary>The ranking of every administration, or of the kinds asked for (collectivities, say).</summary>
    public async Task<IReadOnlyList<RankingRow>> RankingAsync(DashboardFilter filter, IReadOnlySet<int>? scope, DateTime nowUtc,
        IReadOnlySet<AdministrationKind>? kinds, CancellationToken ct, int minimum = Ranking.MinimumComplaints)
    {
        var reference = await references.GetAsync(db, ct);
        var resolved = filter.Resolve(reference, scope);
        var administrationKinds = reference.Administrations.ToDictionary(a => a.Key, a => a.Value.Kind);
        return await store.CatchUpAsync(db, ct)
            ? store.Read((rows, limits) => StoreQueries.Ranking(rows, new StoreFilter(resolved, limits), limits, nowUtc,
                (totals, medians) => Ranking.Compose(totals, medians, kinds, administrationKinds, minimum)))
            : await Ranking.RunAsync(resolved.Apply(db), nowUtc, kinds, administrationKinds, ct, minimum);
    }
}
