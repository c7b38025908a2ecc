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
    public async Task<IQueryable<Complaint>> ApplyAsync(AppDbContext db, StaffScope? scope, CancellationToken ct)
    {
        var query = db.Complaints.AsNoTracking();
        if (scope is not null) query = scope.Filter(query);
        if (Territory is { Length: > 0 } code)
        {
            var ids = await TerritoryIdsUnderAsync(db, code, ct);
            query = query.Where(c => c.TerritoryId != null && ids.Contains(c.TerritoryId.Value));
        }
        if (AdministrationId is { } administration)
        {
            var all = await db.Administrations.AsNoTracking().Select(a => new { a.Id, a.ParentId }).ToListAsync(ct);
            var below = new Domain.Administrations.AdministrationHierarchy(all.Select(a => (a.Id, a.ParentId)))
                .SelfAndDescendants(administration).ToList();
            query = query.Where(c => below.Contains(c.AdministrationId));
        }
        if (ThemeId is { } theme) query = query.Where(c => c.ThemeId == theme);
        if (Channel is { } channel) query = query.Where(c => c.Channel == channel);
        if (Kind is { } kind) query = query.Where(c => c.Kind == kind);
        if (Status is { } status) query = query.Where(c => c.Status == status);
        if (From is { } from)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), Display.Morocco);
            query = query.Where(c => c.ReceivedUtc >= start);
        }
        if (To is { } to)
        {
            var end = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), Display.Morocco);
            query = query.Where(c => c.ReceivedUtc < end);
        }
        return query;
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
