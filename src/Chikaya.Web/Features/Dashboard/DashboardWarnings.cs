using Chikaya.Domain.Complaints;
using Chikaya.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Dashboard;

public sealed record GrowingBacklog(int AdministrationId, int OpenMonthAgo, int OpenNow);

/// <summary>
/// What needs attention: open complaints about to pass or past a deadline, and the administrations
/// whose backlog grew by a fifth or more (and at least five complaints) over the last 30 days.
/// </summary>
public sealed record DashboardWarnings(int DueSoon, int Overdue, IReadOnlyList<GrowingBacklog> Growing)
{
    public static async Task<DashboardWarnings> RunAsync(IQueryable<Complaint> complaints, DateTime nowUtc, CancellationToken ct)
    {
        var open = ComplaintStatusExtensions.OpenStatuses;
        var soon = nowUtc + Deadline.DueSoonWindow;
        var watched = complaints.Where(c => open.Contains(c.Status));
        var overdue = await watched.CountAsync(c => (c.DecidedUtc == null && c.DecisionDueUtc < nowUtc) || c.AnswerDueUtc < nowUtc, ct);
        var dueSoon = await watched.CountAsync(c => !((c.DecidedUtc == null && c.DecisionDueUtc < nowUtc) || c.AnswerDueUtc < nowUtc)
            && ((c.DecidedUtc == null && c.DecisionDueUtc <= soon) || c.AnswerDueUtc <= soon), ct);

        var monthAgo = nowUtc.AddDays(-30);
        var now = await watched.GroupBy(c => c.AdministrationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        // open a month ago: received by then, and neither answered nor closed (rejected ones are closed) by then
        var then = await complaints.Where(c => c.ReceivedUtc <= monthAgo
                && (c.AnsweredUtc == null || c.AnsweredUtc > monthAgo) && (c.ClosedUtc == null || c.ClosedUtc > monthAgo))
            .GroupBy(c => c.AdministrationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var growing = GrowingBacklogs(now.ToDictionary(n => n.Key, n => n.Count), then.ToDictionary(t => t.Key, t => t.Count));
        return new DashboardWarnings(dueSoon, overdue, growing);
    }

    /// <summary>The administrations whose open complaints grew enough, from the counts per administration now and a month ago.</summary>
    public static IReadOnlyList<GrowingBacklog> GrowingBacklogs(IReadOnlyDictionary<int, int> openNow, IReadOnlyDictionary<int, int> openMonthAgo) =>
        openNow.Select(n => new GrowingBacklog(n.Key, openMonthAgo.GetValueOrDefault(n.Key), n.Value))
            .Where(g => g.OpenNow - g.OpenMonthAgo >= 5 && g.OpenNow >= g.OpenMonthAgo * 1.2)
            .OrderByDescending(g => g.OpenNow - g.OpenMonthAgo).ThenBy(g => g.AdministrationId).ToList();
}
