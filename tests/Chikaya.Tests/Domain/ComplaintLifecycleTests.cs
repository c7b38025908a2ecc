using Chikaya.Domain.Complaints;

namespace Chikaya.Tests.Domain;

public sealed class ComplaintLifecycleTests
{
    private static readonly Dictionary<ComplaintStatus, Func<ComplaintBuilder>> InState = new()
    {
        [ComplaintStatus.Received] = () => new ComplaintBuilder(),
        [ComplaintStatus.Transferred] = () => new ComplaintBuilder().Transferred(),
        [ComplaintStatus.Accepted] = () => new ComplaintBuilder().Accepted(),
        [ComplaintStatus.InProgress] = () => new ComplaintBuilder().InProgress(),
        [ComplaintStatus.AwaitingInformation] = () => new ComplaintBuilder().AwaitingInformation(),
        [ComplaintStatus.Answered] = () => new ComplaintBuilder().Answered(),
        [ComplaintStatus.Closed] = () => new ComplaintBuilder().Closed(),
        [ComplaintStatus.Rejected] = () => new ComplaintBuilder().Rejected(),
        [ComplaintStatus.Reopened] = () => new ComplaintBuilder().Reopened(),
    };

    private static readonly DateTime Later = new(2026, 4, 1, 9, 0, 0, DateTimeKind.Utc);

    // action -> (states it is allowed from, status after, refusal code)
    private static readonly Dictionary<string, (ComplaintStatus[] From, ComplaintStatus? After, string Code, Action<Complaint> Act)> Actions = new()
    {
        ["accept"] = ([ComplaintStatus.Received, ComplaintStatus.Transferred], ComplaintStatus.Accepted,
            "complaint.accept.not-awaiting-decision", c => c.Accept(ComplaintBuilder.Handler, Later)),
        ["reject"] = ([ComplaintStatus.Received, ComplaintStatus.Transferred], ComplaintStatus.Rejected,
            "complaint.reject.not-awaiting-decision", c => c.Reject(ComplaintBuilder.Handler, "Hors compétence", Later)),
        ["transfer"] = ([ComplaintStatus.Received, ComplaintStatus.Transferred, ComplaintStatus.Accepted, ComplaintStatus.InProgress,
            ComplaintStatus.AwaitingInformation, ComplaintStatus.Reopened], ComplaintStatus.Transferred,
            "complaint.transfer.not-open", c => c.Transfer(ComplaintBuilder.Handler, 99, "Compétence", Later)),
        ["assign"] = ([ComplaintStatus.Accepted, ComplaintStatus.InProgress, ComplaintStatus.AwaitingInformation, ComplaintStatus.Reopened], null,
            "complaint.assign.not-accepted", c => c.Assign(ComplaintBuilder.Handler, "handler-2", "Agent 2", Later)),
        ["request-information"] = ([ComplaintStatus.Accepted, ComplaintStatus.InProgress, ComplaintStatus.Reopened], ComplaintStatus.AwaitingInformation,
            "complaint.request-information.not-in-progress", c => c.RequestInformation(ComplaintBuilder.Handler, "Photo ?", Later)),
        ["provide-information"] = ([ComplaintStatus.AwaitingInformation], ComplaintStatus.InProgress,
            "complaint.provide-information.not-requested", c => c.ProvideInformation(ComplaintBuilder.Citizen, "Voici", Later)),
        ["answer"] = ([ComplaintStatus.Accepted, ComplaintStatus.InProgress, ComplaintStatus.AwaitingInformation, ComplaintStatus.Reopened], ComplaintStatus.Answered,
            "complaint.answer.not-accepted", c => c.Answer(ComplaintBuilder.Handler, "Réglé", Later)),
        ["close"] = ([ComplaintStatus.Answered], ComplaintStatus.Closed,
            "complaint.close.not-answered", c => c.Close(ComplaintBuilder.Handler, Later)),
        ["reopen"] = ([ComplaintStatus.Answered, ComplaintStatus.Closed], ComplaintStatus.Reopened,
            "complaint.reopen.not-answered", c => c.Reopen(ComplaintBuilder.Citizen, "Pas réglé", Later)),
    };

    public static TheoryData<string, ComplaintStatus> EveryActionFromEveryState()
    {
        var data = new TheoryData<string, ComplaintStatus>();
        foreach (var action in Actions.Keys)
        foreach (var status in Enum.GetValues<ComplaintStatus>())
            data.Add(action, status);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryActionFromEveryState))]
    public void Each_step_is_allowed_from_its_states_only_and_leaves_one_history_entry(string action, ComplaintStatus from)
    {
        var complaint = InState[from]().Build();
        Assert.Equal(from, complaint.Status);
        var (allowed, after, code, act) = Actions[action];
        var events = complaint.Events.Count;
        var version = complaint.Version;

        if (allowed.Contains(from))
        {
            act(complaint);
            Assert.Equal(after ?? (from == ComplaintStatus.AwaitingInformation ? from : ComplaintStatus.InProgress), complaint.Status);
            Assert.Equal(events + 1, complaint.Events.Count);
            Assert.Equal(complaint.Status, complaint.Events[^1].StatusAfter);
            Assert.Equal(Later, complaint.Events[^1].OccurredUtc);
            Assert.Equal(version + 1, complaint.Version);
        }
        else
        {
            var refused = Assert.Throws<ComplaintRuleException>(() => act(complaint));
            Assert.Equal(code, refused.Code);
            Assert.Equal(from, complaint.Status);
            Assert.Equal(events, complaint.Events.Count);
            Assert.Equal(version, complaint.Version);
        }
    }

    [Fact]
    public void A_transfer_keeps_the_receipt_date_and_deadlines_and_frees_the_assignee()
    {
        var complaint = new ComplaintBuilder().InProgress().Build();
        var (received, decision, answer) = (complaint.ReceivedUtc, complaint.DecisionDueUtc, complaint.AnswerDueUtc);

        complaint.Transfer(ComplaintBuilder.Handler, 42, "Relève de la Commune", Later);

        Assert.Equal(42, complaint.AdministrationId);
        Assert.Equal((received, decision, answer), (complaint.ReceivedUtc, complaint.DecisionDueUtc, complaint.AnswerDueUtc));
        Assert.Null(complaint.AssignedToUserId);
        Assert.Equal(42, complaint.Events[^1].AdministrationId);
        Assert.True(complaint.Events[^1].IsPublic);
    }

    [Theory]
    [InlineData("reject")]
    [InlineData("transfer")]
    [InlineData("reopen")]
    [InlineData("request-information")]
    [InlineData("answer")]
    public void Steps_that_need_a_reason_or_a_text_refuse_a_blank_one(string action)
    {
        var complaint = (action is "reopen" ? new ComplaintBuilder().Answered()
            : action is "request-information" or "answer" ? new ComplaintBuilder().Accepted() : new ComplaintBuilder()).Build();
        Action act = action switch
        {
            "reject" => () => complaint.Reject(ComplaintBuilder.Handler, "  ", Later),
            "transfer" => () => complaint.Transfer(ComplaintBuilder.Handler, 99, "", Later),
            "reopen" => () => complaint.Reopen(ComplaintBuilder.Citizen, " ", Later),
            "request-information" => () => complaint.RequestInformation(ComplaintBuilder.Handler, "", Later),
            _ => () => complaint.Answer(ComplaintBuilder.Handler, "\n", Later),
        };

        var refused = Assert.Throws<ComplaintRuleException>(act);
        Assert.EndsWith("required", refused.Code);
        Assert.NotNull(refused.Field);
    }

    [Fact]
    public void A_step_s_text_longer_than_a_description_is_refused_and_one_exactly_that_long_is_kept()
    {
        var longest = new string('a', NewComplaint.MaxDescriptionLength);

        var refused = Assert.Throws<ComplaintRuleException>(() => new ComplaintBuilder().InProgress().Build().Answer(ComplaintBuilder.Handler, longest + "a", Later));
        var note = Assert.Throws<ComplaintRuleException>(() => new ComplaintBuilder().Build().AddInternalNote(ComplaintBuilder.Handler, " " + longest + "b ", Later));
        var answered = new ComplaintBuilder().InProgress().Build();
        answered.Answer(ComplaintBuilder.Handler, " " + longest + " ", Later);

        Assert.Equal(("complaint.text.too-long", "answer"), (refused.Code, refused.Field));
        Assert.Equal("complaint.text.too-long", note.Code);
        Assert.Equal(longest, answered.Events[^1].Text);
    }

    [Fact]
    public void A_transfer_to_the_same_administration_is_refused()
    {
        var complaint = new ComplaintBuilder().InAdministration(7).Build();
        var refused = Assert.Throws<ComplaintRuleException>(() => complaint.Transfer(ComplaintBuilder.Handler, 7, "Même", Later));
        Assert.Equal("complaint.transfer.same-administration", refused.Code);
    }

    [Fact]
    public void Rejection_records_its_reason_and_closes_the_complaint()
    {
        var complaint = new ComplaintBuilder().Rejected().Build();
        Assert.Equal("Hors compétence", complaint.RejectionReason);
        Assert.NotNull(complaint.ClosedUtc);
        Assert.NotNull(complaint.DecidedUtc);
    }

    [Fact]
    public void Reopening_clears_the_closing_date_and_the_handler_can_answer_again()
    {
        var complaint = new ComplaintBuilder().Closed().Build();
        complaint.Reopen(ComplaintBuilder.Citizen, "Les ordures sont revenues", Later);
        Assert.Null(complaint.ClosedUtc);
        complaint.Answer(ComplaintBuilder.Handler, "Nouveau passage effectué", Later.AddDays(1));
        Assert.Equal(ComplaintStatus.Answered, complaint.Status);
    }

    [Fact]
    public void Internal_notes_and_assignments_never_reach_the_citizen()
    {
        var complaint = new ComplaintBuilder().InProgress().Build();
        complaint.AddInternalNote(ComplaintBuilder.Handler, "Appeler le prestataire", Later);

        Assert.DoesNotContain(complaint.PublicEvents, e => e.Type is ComplaintEventType.NoteAdded or ComplaintEventType.Assigned);
        Assert.Contains(complaint.Events, e => e.Type == ComplaintEventType.NoteAdded && !e.IsPublic);
        Assert.Equal("complaint.note.staff-only",
            Assert.Throws<ComplaintRuleException>(() => complaint.AddInternalNote(ComplaintBuilder.Citizen, "Moi aussi", Later)).Code);
    }

    [Fact]
    public void Documents_are_refused_on_a_rejected_complaint_and_need_at_least_one_file()
    {
        var rejected = new ComplaintBuilder().Rejected().Build();
        var open = new ComplaintBuilder().Build();
        var file = new Attachment("plan.pdf", "application/pdf", 10, "k", ActorKind.Citizen, true, Later);

        Assert.Equal("complaint.documents.rejected",
            Assert.Throws<ComplaintRuleException>(() => rejected.AddDocuments(ComplaintBuilder.Citizen, [file], Later)).Code);
        Assert.Equal("complaint.documents.required",
            Assert.Throws<ComplaintRuleException>(() => open.AddDocuments(ComplaintBuilder.Citizen, [], Later)).Code);
        open.AddDocuments(ComplaintBuilder.Citizen, [file], Later);
        Assert.Single(open.Attachments);
    }

    [Fact]
    public void The_secret_code_and_the_contact_email_prove_ownership_loosely_typed()
    {
        var complaint = new ComplaintBuilder().Build();
        Assert.True(complaint.OwnsSecretCode("abcd efgh"));
        Assert.False(complaint.OwnsSecretCode("ABCD-EFGX"));
        Assert.True(complaint.HasContactEmail(" Amina@Example.MA "));
        Assert.False(new ComplaintBuilder().Anonymous().Build().HasContactEmail("amina@example.ma"));
    }
}
