using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Shared;
using Chikaya.Web.Infrastructure.Security;

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
    public IQueryable<Complaint> Apply(AppDbContext db, ReferenceSnapshot reference, StaffScope? scope) =>
        Resolve(reference, DashboardReader.Visible(scope)).Apply(db);

    /// <summary>The filter with its places and administrations looked up: what the database and the store both apply.</summary>
    public ResolvedFilter Resolve(ReferenceSnapshot reference, IReadOnlySet<int>? scope)
    {
        // the territory and every territory inside it: a region covers its provinces, communes and arrondissements
        var territories = Territory is { Length: > 0 } code
            ? reference.TerritoryTree.SelfAndDescendants(code).Select(c => reference.Territories.GetValueOrDefault(c)?.Id)
                .OfType<int>().ToList()
            : null;
        var below = AdministrationId is { } administration
            ? new Domain.Administrations.AdministrationHierarchy(reference.Administrations.Values.Select(a => (a.Id, a.ParentId)))
                .SelfAndDescendants(administration).ToList()
            : null;
        DateTime? start = From is { } from ? TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), Display.Morocco) : null;
        DateTime? end = To is { } to ? TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), Display.Morocco) : null;
        return new ResolvedFilter(scope?.ToList(), territories, below, ThemeId, Channel, Kind, Status, start, end);
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
