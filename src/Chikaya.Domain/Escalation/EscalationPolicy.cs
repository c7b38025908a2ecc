using Chikaya.Domain.Complaints;

namespace Chikaya.Domain.Escalation;

/// <param name="WarningDaysBefore">Warn this many days before a deadline (7 and 2, say).</param>
/// <param name="ParentAfterDays">Once overdue, the supervisor is told at once; the parent administration this many days later.</param>
public sealed record EscalationSettings(IReadOnlyList<int> WarningDaysBefore, int ParentAfterDays);

public abstract record EscalationStep(string Deadline)
{
    public sealed record Warn(string Deadline, int DaysBefore) : EscalationStep(Deadline);

    /// <summary>Level 1: the administration's supervisor. Level 2: the parent administration.</summary>
    public sealed record Escalate(string Deadline, int Level, int AdministrationId) : EscalationStep(Deadline);
}

/// <summary>
/// What the deadline watch owes a complaint now: the warnings before its current deadline and the
/// escalations after it, each once. What was already done is read from the complaint's history.
/// </summary>
public static class EscalationPolicy
{
    public const string Decision = "decision";
    public const string Answer = "answer";

    public static IReadOnlyList<EscalationStep> Due(Complaint complaint, DateTime nowUtc, EscalationSettings settings,
        int? parentAdministrationId)
    {
        var (deadline, due) = complaint.Status.IsAwaitingDecision() ? (Decision, complaint.DecisionDueUtc)
            : complaint.Status.IsBeingHandled() && complaint.AnswerPausedSinceUtc is null ? (Answer, complaint.AnswerDueUtc)
            : (null, default(DateTime));
        if (deadline is null) return [];

        var done = complaint.Events.Where(e => e.Type is ComplaintEventType.DeadlineWarning or ComplaintEventType.Escalated)
            .Select(e => (e.Type, e.Text)).ToHashSet();
        var steps = new List<EscalationStep>();
        if (nowUtc <= due)
        {
            // only the closest warning not yet given: no burst of reminders for a complaint filed late
            var warning = settings.WarningDaysBefore.Where(d => nowUtc >= due.AddDays(-d)).Order().FirstOrDefault();
            if (warning > 0 && !done.Contains((ComplaintEventType.DeadlineWarning, $"{deadline}:{warning}")))
                steps.Add(new EscalationStep.Warn(deadline, warning));
            return steps;
        }
        if (!done.Contains((ComplaintEventType.Escalated, $"{deadline}:1")))
            steps.Add(new EscalationStep.Escalate(deadline, 1, complaint.AdministrationId));
        if (parentAdministrationId is { } parent && nowUtc >= due.AddDays(settings.ParentAfterDays)
            && !done.Contains((ComplaintEventType.Escalated, $"{deadline}:2")))
            steps.Add(new EscalationStep.Escalate(deadline, 2, parent));
        return steps;
    }

    /// <summary>An answered complaint the citizen left alone this long closes by itself.</summary>
    public static bool ShouldAutoClose(Complaint complaint, DateTime nowUtc, TimeSpan after) =>
        complaint.Status == ComplaintStatus.Answered
        && (complaint.LastCitizenReactionUtc ?? complaint.AnsweredUtc) is { } last && nowUtc >= last + after;
}
