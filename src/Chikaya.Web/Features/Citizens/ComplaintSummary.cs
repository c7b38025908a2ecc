using Chikaya.Domain.Complaints;
using Chikaya.Domain.Deadlines;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Citizens;

/// <summary>One line of a citizen's complaints, whatever the channel: what a caller asks about.</summary>
public sealed record ComplaintSummary(string TrackingNumber, string Subject, Channel Channel, ComplaintStatus Status,
    DateTime ReceivedUtc, string Administration, DateTime? NextDueUtc, DeadlineState NextState)
{
    public static async Task<List<ComplaintSummary>> OfCitizenAsync(IQueryable<Complaint> visible, AppDbContext db, Guid citizenId,
        DateTime nowUtc, CancellationToken ct)
    {
        var complaints = await visible.AsNoTracking().Where(c => c.CitizenId == citizenId)
            .OrderByDescending(c => c.ReceivedUtc).Take(100).ToListAsync(ct);
        var ids = complaints.Select(c => c.AdministrationId).Distinct().ToList();
        var names = (await db.Administrations.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct))
            .ToDictionary(a => a.Id, a => Display.Name(a.Name));
        return complaints.Select(c =>
        {
            var (due, state, _) = NextDeadline(c, nowUtc);
            return new ComplaintSummary(c.TrackingNumber, c.Subject, c.Channel, c.Status, c.ReceivedUtc,
                names.GetValueOrDefault(c.AdministrationId, ""), due, state);
        }).ToList();
    }

    /// <summary>
    /// The deadline the administration still owes, with its kind ("decision" or "answer"): the decision until one
    /// is taken (a transfer is one), then the answer; none once answered or rejected.
    /// </summary>
    public static (DateTime? DueUtc, DeadlineState State, string Kind) NextDeadline(Complaint c, DateTime nowUtc) =>
        c.DecidedUtc is null && c.Status.IsAwaitingDecision() ? (c.DecisionDueUtc, c.DecisionDeadline(nowUtc), "decision")
        : c.Status.IsOpen() ? (c.AnswerDueUtc, c.AnswerDeadline(nowUtc), "answer")
        : (null, DeadlineState.NotApplicable, "");
}

/// <summary>A citizen's complaints as a table, each number linking to where this reader opens it.</summary>
public sealed record CitizenComplaintsView(IReadOnlyList<ComplaintSummary> Rows, string LinkPrefix);
