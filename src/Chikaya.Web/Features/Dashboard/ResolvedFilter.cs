using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Dashboard;

/// <summary>
/// A dashboard filter with its lists of ids: the administrations the reader may see (null: all), the places
/// and the administrations asked for (null: any), and the received period as UTC bounds [start, end).
/// </summary>
public sealed record ResolvedFilter(List<int>? Scope, List<int>? Territories, List<int>? Administrations, int? ThemeId,
    Channel? Channel, SubmissionKind? Kind, ComplaintStatus? Status, DateTime? StartUtc, DateTime? EndUtc)
{
    public IQueryable<Complaint> Apply(AppDbContext db)
    {
        var query = db.Complaints.AsNoTracking();
        if (Scope is { } scope) query = query.Where(c => scope.Contains(c.AdministrationId));
        if (Territories is { } ids) query = query.Where(c => c.TerritoryId != null && ids.Contains(c.TerritoryId.Value));
        if (Administrations is { } below) query = query.Where(c => below.Contains(c.AdministrationId));
        if (ThemeId is { } theme) query = query.Where(c => c.ThemeId == theme);
        if (Channel is { } channel) query = query.Where(c => c.Channel == channel);
        if (Kind is { } kind) query = query.Where(c => c.Kind == kind);
        if (Status is { } status) query = query.Where(c => c.Status == status);
        if (StartUtc is { } start) query = query.Where(c => c.ReceivedUtc >= start);
        if (EndUtc is { } end) query = query.Where(c => c.ReceivedUtc < end);
        return query;
    }
}
