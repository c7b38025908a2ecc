using Chikaya.Domain.Deadlines;
using Chikaya.Tests.Domain;
using Chikaya.Web.Features.Citizens;

namespace Chikaya.Tests.Features;

/// <summary>Which deadline the call centre reads to a caller and the citizen's history shows.</summary>
public sealed class NextDeadlineTests
{
    private static readonly DateTime Now = ComplaintBuilder.March1;

    [Fact]
    public void A_received_complaint_owes_the_decision()
    {
        var c = new ComplaintBuilder().Build();
        Assert.Equal((c.DecisionDueUtc, DeadlineState.OnTime, "decision"), ComplaintSummary.NextDeadline(c, Now));
    }

    [Fact]
    public void A_transferred_complaint_owes_the_answer_counted_from_its_first_receipt()
    {
        var c = new ComplaintBuilder().Transferred().Build();
        Assert.Equal((c.AnswerDueUtc, DeadlineState.OnTime, "answer"), ComplaintSummary.NextDeadline(c, Now));
    }

    [Fact]
    public void An_accepted_complaint_past_its_answer_date_is_overdue()
    {
        var c = new ComplaintBuilder().Accepted().Build();
        Assert.Equal((c.AnswerDueUtc, DeadlineState.Overdue, "answer"), ComplaintSummary.NextDeadline(c, c.AnswerDueUtc.AddDays(1)));
    }

    [Fact]
    public void An_answered_or_rejected_complaint_owes_nothing()
    {
        Assert.Null(ComplaintSummary.NextDeadline(new ComplaintBuilder().Answered().Build(), Now).DueUtc);
        Assert.Null(ComplaintSummary.NextDeadline(new ComplaintBuilder().Rejected().Build(), Now).DueUtc);
    }
}
