namespace Chikaya.Domain.Deadlines;

public enum DeadlineState
{
    OnTime = 0,
    DueSoon = 1,
    Overdue = 2,
    Met = 3,
    MetLate = 4,
    NotApplicable = 5,
}

public static class Deadline
{
    /// <summary>A deadline this close is shown as due soon.</summary>
    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromDays(3);

    public static DeadlineState Evaluate(DateTime dueUtc, DateTime? completedUtc, DateTime nowUtc)
    {
        if (completedUtc is { } done) return done <= dueUtc ? DeadlineState.Met : DeadlineState.MetLate;
        if (nowUtc > dueUtc) return DeadlineState.Overdue;
        return dueUtc - nowUtc <= DueSoonWindow ? DeadlineState.DueSoon : DeadlineState.OnTime;
    }

    public static string Key(this DeadlineState state) => state switch
    {
        DeadlineState.OnTime => "deadline.on-time",
        DeadlineState.DueSoon => "deadline.due-soon",
        DeadlineState.Overdue => "deadline.overdue",
        DeadlineState.Met => "deadline.met",
        DeadlineState.MetLate => "deadline.met-late",
        _ => "deadline.not-applicable",
    };
}
