using Chikaya.Domain.Complaints;
using Chikaya.Domain.Territories;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Shared;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Dashboard;

/// <summary>What a dashboard counts: a place, an administration (with those below it), a period and the usual filters.</summary>
public sealed record DashboardFilter
{
    public string? Territory { get; init; }
    public int? AdministrationId { get; init; }
    public int? ThemeId { get; init; }
    public Channel? Channel { get; init; }
    public SubmissionKind? Kind { get; init; }
    public ComplaintStatus? Status { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>The complaints the filter keeps, within what the reader may see (null scope: everything, for public figures).</summary>
    public async Task<IQueryable<Complaint>> ApplyAsync(AppDbContext db, StaffScope? scope, CancellationToken ct) =>
        (await ResolveAsync(db, scope is null || scope.All ? null : scope.AdministrationIds, ct)).Apply(db);

    /// <summary>The filter with its places and administrations looked up: what the database and the store both apply.</summary>
    public async Task<ResolvedFilter> ResolveAsync(AppDbContext db, IReadOnlySet<int>? scope, CancellationToken ct)
    {
        List<int>? territories = Territory is { Length: > 0 } code ? await TerritoryIdsUnderAsync(db, code, ct) : null;
        List<int>? below = null;
        if (AdministrationId is { } administration)
        {
            var all = await db.Administrations.AsNoTracking().Select(a => new { a.Id, a.ParentId }).ToListAsync(ct);
            below = new Domain.Administrations.AdministrationHierarchy(all.Select(a => (a.Id, a.ParentId)))
                .SelfAndDescendants(administration).ToList();
        }
        DateTime? start = From is { } from ? TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), Display.Morocco) : null;
        DateTime? end = To is { } to ? TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), Display.Morocco) : null;
        return new ResolvedFilter(scope?.ToList(), territories, below, ThemeId, Channel, Kind, Status, start, end);
    }

    /// <summary>The territory and every territory inside it: a region covers its provinces, communes and arrondissements.</summary>
    public static async Task<List<int>> TerritoryIdsUnderAsync(AppDbContext db, string code, CancellationToken ct)
    {
        var all = await db.Territories.AsNoTracking().ToListAsync(ct);
        var tree = new TerritoryTree(all);
        return all.Where(t => tree.SelfAndAncestors(t.Code).Any(a => a.Code == code)).Select(t => t.Id).ToList();
    }

    public Dictionary<string, string?> ToRoute() => new()
    {
        ["Territory"] = Territory,
        ["AdministrationId"] = AdministrationId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ThemeId"] = ThemeId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Channel"] = Channel?.ToString(),
        ["Kind"] = Kind?.ToString(),
        ["Status"] = Status?.ToString(),
        ["From"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["To"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}
