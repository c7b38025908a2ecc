using Chikaya.Domain.Complaints;
using Chikaya.Domain.Escalation;

namespace Chikaya.Tests.Domain;

public sealed class EscalationAndFeedbackTests
{
    private static readonly EscalationSettings Settings = new([7, 2], ParentAfterDays: 7);
    private static readonly DateTime Received = ComplaintBuilder.March1;

    private static IReadOnlyList<EscalationStep> At(Complaint c, DateTime now) => EscalationPolicy.Due(c, now, Settings, parentAdministrationId: 1);

    [Fact]
    public void Warnings_come_seven_and_two_days_before_the_deadline_once_each()
    {
        var complaint = new ComplaintBuilder().Build();
        var due = complaint.DecisionDueUtc;

        Assert.Empty(At(complaint, due.AddDays(-8)));
        var first = Assert.IsType<EscalationStep.Warn>(Assert.Single(At(complaint, due.AddDays(-7))));
        complaint.RecordDeadlineWarning(first.Deadline, first.DaysBefore, due.AddDays(-7));
        Assert.Empty(At(complaint, due.AddDays(-6)));
        var second = Assert.IsType<EscalationStep.Warn>(Assert.Single(At(complaint, due.AddDays(-1))));
        Assert.Equal((EscalationPolicy.Decision, 2), (second.Deadline, second.DaysBefore));
    }

    [Fact]
    public void Past_the_deadline_the_supervisor_is_told_then_the_parent_a_week_later()
    {
        var complaint = new ComplaintBuilder().InAdministration(10).Accepted().Build();
        var due = complaint.AnswerDueUtc;

        var supervisor = Assert.IsType<EscalationStep.Escalate>(Assert.Single(At(complaint, due.AddDays(1))));
        Assert.Equal((EscalationPolicy.Answer, 1, 10), (supervisor.Deadline, supervisor.Level, supervisor.AdministrationId));
        complaint.RecordEscalation(supervisor.Deadline, 1, 10, due.AddDays(1));
        Assert.Empty(At(complaint, due.AddDays(6)));
        var parent = Assert.IsType<EscalationStep.Escalate>(Assert.Single(At(complaint, due.AddDays(7))));
        Assert.Equal((2, 1), (parent.Level, parent.AdministrationId));
        complaint.RecordEscalation(parent.Deadline, 2, 1, due.AddDays(7));
        Assert.Empty(At(complaint, due.AddDays(30)));
        Assert.DoesNotContain(complaint.PublicEvents, e => e.Type is ComplaintEventType.Escalated or ComplaintEventType.DeadlineWarning);
    }

    [Fact]
    public void Answered_or_rejected_complaints_are_not_watched()
    {
        Assert.Empty(At(new ComplaintBuilder().Answered().Build(), Received.AddDays(200)));
        Assert.Empty(At(new ComplaintBuilder().Rejected().Build(), Received.AddDays(200)));
    }

    [Fact]
    public void A_paused_clock_moves_the_answer_deadline_by_the_length_of_the_pause()
    {
        var complaint = new ComplaintBuilder().Accepted().Build();
        var due = complaint.AnswerDueUtc;
        var asked = Received.AddDays(5);

        complaint.RequestInformation(ComplaintBuilder.Handler, "Quelle adresse ?", asked, pauseClock: true);
        Assert.Empty(At(complaint, due.AddDays(3)));
        complaint.ProvideInformation(ComplaintBuilder.Citizen, "Rue 5", asked.AddDays(10));

        Assert.Equal(due.AddDays(10), complaint.AnswerDueUtc);
        Assert.Null(complaint.AnswerPausedSinceUtc);
        Assert.Contains(complaint.PublicEvents, e => e.Type == ComplaintEventType.ClockPaused && e.Text == "Quelle adresse ?");
        Assert.Contains(complaint.PublicEvents, e => e.Type == ComplaintEventType.ClockResumed && e.Text == "10");
    }

    [Fact]
    public void A_running_clock_keeps_the_deadline_while_the_citizen_is_asked()
    {
        var complaint = new ComplaintBuilder().Accepted().Build();
        var due = complaint.AnswerDueUtc;
        complaint.RequestInformation(ComplaintBuilder.Handler, "Photo ?", Received.AddDays(5));
        complaint.ProvideInformation(ComplaintBuilder.Citizen, "Voici", Received.AddDays(15));
        Assert.Equal(due, complaint.AnswerDueUtc);
    }

    [Fact]
    public void An_answered_complaint_closes_itself_after_the_quiet_period_counted_from_the_last_reaction()
    {
        var complaint = new ComplaintBuilder().Answered().Build();
        var answered = complaint.AnsweredUtc!.Value;
        var quiet = TimeSpan.FromDays(15);

        Assert.False(EscalationPolicy.ShouldAutoClose(complaint, answered.AddDays(14), quiet));
        complaint.AddRemark(ComplaintBuilder.Citizen, "Merci, mais le trottoir reste sale.", answered.AddDays(10));
        Assert.False(EscalationPolicy.ShouldAutoClose(complaint, answered.AddDays(16), quiet));
        Assert.True(EscalationPolicy.ShouldAutoClose(complaint, answered.AddDays(25), quiet));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void A_rating_is_between_1_and_5(int score)
    {
        var complaint = new ComplaintBuilder().Answered().Build();
        Assert.Equal("complaint.rate.score-invalid",
            Assert.Throws<ComplaintRuleException>(() => complaint.Rate(ComplaintBuilder.Citizen, score, null, Received.AddDays(20))).Code);
    }

    [Fact]
    public void Rating_and_remarks_come_after_the_answer_and_the_latest_rating_counts()
    {
        var open = new ComplaintBuilder().Accepted().Build();
        Assert.Equal("complaint.rate.not-answered",
            Assert.Throws<ComplaintRuleException>(() => open.Rate(ComplaintBuilder.Citizen, 4, null, Received.AddDays(9))).Code);
        Assert.Equal("complaint.remark.not-answered",
            Assert.Throws<ComplaintRuleException>(() => open.AddRemark(ComplaintBuilder.Citizen, "x", Received.AddDays(9))).Code);

        var answered = new ComplaintBuilder().Answered().Build();
        answered.Rate(ComplaintBuilder.Citizen, 2, "Lent", Received.AddDays(20));
        answered.Rate(ComplaintBuilder.Citizen, 4, null, Received.AddDays(21));
        Assert.Equal(4, answered.SatisfactionScore);
        Assert.Null(answered.SatisfactionComment);
    }

    [Fact]
    public void Reopening_is_possible_only_within_the_window_after_the_answer()
    {
        var complaint = new ComplaintBuilder().Closed().Build();
        var answered = complaint.AnsweredUtc!.Value;
        var window = TimeSpan.FromDays(30);

        Assert.Equal("complaint.reopen.window-passed", Assert.Throws<ComplaintRuleException>(() =>
            complaint.Reopen(ComplaintBuilder.Citizen, "Toujours sale", answered.AddDays(31), window)).Code);
        complaint.Reopen(ComplaintBuilder.Citizen, "Toujours sale", answered.AddDays(29), window);
        Assert.Equal(ComplaintStatus.Reopened, complaint.Status);
    }

    [Fact]
    public void A_citizen_cannot_add_documents_to_a_closed_complaint()
    {
        var complaint = new ComplaintBuilder().Closed().Build();
        var file = new Attachment("plan.pdf", "application/pdf", 10, "k", ActorKind.Citizen, true, Received);
        Assert.Equal("complaint.documents.closed", Assert.Throws<ComplaintRuleException>(() =>
            complaint.AddDocuments(ComplaintBuilder.Citizen, [file], Received.AddDays(30))).Code);
    }
}
