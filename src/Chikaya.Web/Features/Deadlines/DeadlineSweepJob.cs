using Chikaya.Domain.Complaints;
using Chikaya.Domain.Escalation;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Features.Deadlines;

/// <summary>
/// Watches the deadlines: warns before them, escalates after them (the supervisor, then the parent
/// administration), and closes answered complaints the citizen left alone. Each step goes into the
/// complaint's history, and its messages into the outbox, in the same save.
/// </summary>
public sealed class DeadlineSweepJob(AppDbContext db, IOptions<DeadlineOptions> options, IOptions<JobOptions> jobs) : IScheduledJob
{
    public string Name => "deadline-sweep";
    public TimeSpan Every => TimeSpan.FromMinutes(jobs.Value.DeadlineSweepEveryMinutes);

    public async Task RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        var settings = options.Value.Escalation;
        var horizon = nowUtc.AddDays(settings.WarningDaysBefore.Max());
        var parents = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ParentId, ct);
        // every status in which the administration owes a decision or an answer, waiting for the citizen's information
        // included: unless the clock is paused then (the policy sees to that), the decree's 60 days run on
        var open = ComplaintStatusExtensions.OpenStatuses;
        var watched = await db.Complaints.Include(c => c.Events)
            .Where(c => open.Contains(c.Status) && (c.DecisionDueUtc <= horizon || c.AnswerDueUtc <= horizon))
            .AsSplitQuery().ToListAsync(ct);
        foreach (var complaint in watched)
        {
            foreach (var step in EscalationPolicy.Due(complaint, nowUtc, settings, parents.GetValueOrDefault(complaint.AdministrationId)))
            {
                switch (step)
                {
                    case EscalationStep.Warn warn: complaint.RecordDeadlineWarning(warn.Deadline, warn.DaysBefore, nowUtc); break;
                    case EscalationStep.Escalate up: complaint.RecordEscalation(up.Deadline, up.Level, up.AdministrationId, nowUtc); break;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var quiet = TimeSpan.FromDays(options.Value.AutoCloseAfterDays);
        var answeredBefore = nowUtc - quiet;
        var answered = await db.Complaints.Include(c => c.Events)
            .Where(c => c.Status == ComplaintStatus.Answered && c.AnsweredUtc <= answeredBefore).AsSplitQuery().ToListAsync(ct);
        foreach (var complaint in answered.Where(c => EscalationPolicy.ShouldAutoClose(c, nowUtc, quiet)))
            complaint.Close(Actor.System, nowUtc);
        await db.SaveChangesAsync(ct);
    }
}
