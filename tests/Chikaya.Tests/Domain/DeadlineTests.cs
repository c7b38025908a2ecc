using Chikaya.Domain.Deadlines;

namespace Chikaya.Tests.Domain;

public sealed class DeadlineTests
{
    private static readonly DateTime Received = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_decree_gives_15_days_to_decide_and_60_to_answer_from_receipt()
    {
        Assert.Equal(new DateTime(2026, 3, 16, 9, 0, 0, DateTimeKind.Utc), LegalDeadlines.Decree.DecisionDueUtc(Received));
        Assert.Equal(new DateTime(2026, 4, 30, 9, 0, 0, DateTimeKind.Utc), LegalDeadlines.Decree.AnswerDueUtc(Received));
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(15, 0)]
    [InlineData(30, 20)]
    [InlineData(-1, 60)]
    public void A_deployment_cannot_configure_impossible_deadlines(int decision, int answer) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LegalDeadlines.Create(decision, answer));

    [Fact]
    public void A_deployment_may_shorten_the_deadlines()
    {
        var city = LegalDeadlines.Create(2, 30);
        Assert.Equal(Received.AddDays(2), city.DecisionDueUtc(Received));
        Assert.Equal(Received.AddDays(30), city.AnswerDueUtc(Received));
    }

    [Theory]
    [InlineData(-5, DeadlineState.OnTime)]
    [InlineData(-3, DeadlineState.DueSoon)]
    [InlineData(-1, DeadlineState.DueSoon)]
    [InlineData(0, DeadlineState.DueSoon)]
    [InlineData(1, DeadlineState.Overdue)]
    public void An_open_deadline_is_on_time_then_due_soon_then_overdue(int daysFromDue, DeadlineState expected)
    {
        var due = Received.AddDays(60);
        Assert.Equal(expected, Deadline.Evaluate(due, null, due.AddDays(daysFromDue)));
    }

    [Fact]
    public void The_day_after_the_deadline_is_late_and_the_day_before_is_not()
    {
        var complaint = new ComplaintBuilder().ReceivedOn(Received).Build();
        Assert.Equal(DeadlineState.DueSoon, complaint.DecisionDeadline(Received.AddDays(14)));
        Assert.Equal(DeadlineState.Overdue, complaint.DecisionDeadline(Received.AddDays(16)));
        Assert.Equal(DeadlineState.DueSoon, complaint.AnswerDeadline(Received.AddDays(59)));
        Assert.Equal(DeadlineState.Overdue, complaint.AnswerDeadline(Received.AddDays(61)));
    }

    [Fact]
    public void A_deadline_met_in_time_stays_met_and_one_met_late_is_recorded_as_late()
    {
        var due = Received.AddDays(15);
        Assert.Equal(DeadlineState.Met, Deadline.Evaluate(due, due.AddHours(-1), due.AddDays(100)));
        Assert.Equal(DeadlineState.MetLate, Deadline.Evaluate(due, due.AddHours(1), due.AddDays(100)));
    }

    [Fact]
    public void Accepting_meets_the_decision_deadline_and_answering_meets_the_answer_deadline()
    {
        var complaint = new ComplaintBuilder().ReceivedOn(Received).Answered().Build();
        Assert.Equal(DeadlineState.Met, complaint.DecisionDeadline(Received.AddDays(90)));
        Assert.Equal(DeadlineState.Met, complaint.AnswerDeadline(Received.AddDays(90)));
    }

    [Fact]
    public void A_rejected_complaint_owes_no_answer()
    {
        var complaint = new ComplaintBuilder().ReceivedOn(Received).Rejected().Build();
        Assert.Equal(DeadlineState.NotApplicable, complaint.AnswerDeadline(Received.AddDays(90)));
        Assert.Equal(DeadlineState.Met, complaint.DecisionDeadline(Received.AddDays(90)));
    }
}
