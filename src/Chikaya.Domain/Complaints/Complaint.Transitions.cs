namespace Chikaya.Domain.Complaints;

public sealed partial class Complaint
{
    /// <summary>The competent administration takes it on.</summary>
    public void Accept(Actor by, DateTime nowUtc)
    {
        Require(Status.IsAwaitingDecision(), "complaint.accept.not-awaiting-decision");
        Status = ComplaintStatus.Accepted;
        DecidedUtc ??= nowUtc;
        Record(ComplaintEventType.Accepted, by, nowUtc, isPublic: true, administrationId: AdministrationId);
    }

    public void Reject(Actor by, string reason, DateTime nowUtc)
    {
        Require(Status.IsAwaitingDecision(), "complaint.reject.not-awaiting-decision");
        var text = Required(reason, "complaint.reject.reason-required", "reason");
        Status = ComplaintStatus.Rejected;
        RejectionReason = text;
        DecidedUtc ??= nowUtc;
        ClosedUtc = nowUtc;
        Record(ComplaintEventType.Rejected, by, nowUtc, isPublic: true, text);
    }

    /// <summary>Sends it to the administration that is competent. The receipt date, and so the deadlines, stay.</summary>
    public void Transfer(Actor by, int toAdministrationId, string reason, DateTime nowUtc)
    {
        Require(Status.IsOpen(), "complaint.transfer.not-open");
        Require(toAdministrationId != AdministrationId, "complaint.transfer.same-administration", "administrationId");
        var text = Required(reason, "complaint.transfer.reason-required", "reason");
        Status = ComplaintStatus.Transferred;
        AdministrationId = toAdministrationId;
        AssignedToUserId = null;
        AssignedToName = null;
        DecidedUtc ??= nowUtc;
        Record(ComplaintEventType.Transferred, by, nowUtc, isPublic: true, text, toAdministrationId);
    }

    public void Assign(Actor by, string handlerUserId, string handlerName, DateTime nowUtc)
    {
        Require(Status.IsBeingHandled(), "complaint.assign.not-accepted");
        AssignedToUserId = handlerUserId;
        AssignedToName = handlerName;
        if (Status != ComplaintStatus.AwaitingInformation) Status = ComplaintStatus.InProgress;
        Record(ComplaintEventType.Assigned, by, nowUtc, isPublic: false, handlerName);
    }

    /// <param name="pauseClock">The deployment stops the answer clock while the citizen is asked; the question is the pause's reason.</param>
    public void RequestInformation(Actor by, string question, DateTime nowUtc, bool pauseClock = false)
    {
        Require(Status is ComplaintStatus.Accepted or ComplaintStatus.InProgress or ComplaintStatus.Reopened,
            "complaint.request-information.not-in-progress");
        var text = Required(question, "complaint.request-information.question-required", "question");
        Status = ComplaintStatus.AwaitingInformation;
        Record(ComplaintEventType.InformationRequested, by, nowUtc, isPublic: true, text);
        if (!pauseClock) return;
        AnswerPausedSinceUtc = nowUtc;
        Record(ComplaintEventType.ClockPaused, by, nowUtc, isPublic: true, text);
    }

    /// <summary>The citizen answers the administration's question.</summary>
    public void ProvideInformation(Actor by, string information, DateTime nowUtc)
    {
        Require(Status == ComplaintStatus.AwaitingInformation, "complaint.provide-information.not-requested");
        var text = Required(information, "complaint.provide-information.text-required", "information");
        Status = ComplaintStatus.InProgress;
        Record(ComplaintEventType.InformationProvided, by, nowUtc, isPublic: true, text);
        ResumeClock(nowUtc);
    }

    private void ResumeClock(DateTime nowUtc)
    {
        if (AnswerPausedSinceUtc is not { } paused) return;
        var pause = nowUtc - paused;
        AnswerDueUtc += pause;
        AnswerPausedSinceUtc = null;
        var days = Math.Round(pause.TotalDays, 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Record(ComplaintEventType.ClockResumed, Actor.System, nowUtc, isPublic: true, days);
    }

    public void Answer(Actor by, string answer, DateTime nowUtc, IEnumerable<Attachment>? documents = null)
    {
        Require(Status.IsBeingHandled(), "complaint.answer.not-accepted");
        var text = Required(answer, "complaint.answer.text-required", "answer");
        ResumeClock(nowUtc);
        Status = ComplaintStatus.Answered;
        AnswerText = text;
        AnsweredUtc = nowUtc;
        ProcessingDays = (int)Math.Floor((nowUtc - ReceivedUtc).TotalDays);
        _attachments.AddRange(documents ?? []);
        Record(ComplaintEventType.Answered, by, nowUtc, isPublic: true, text);
    }

    public void Close(Actor by, DateTime nowUtc)
    {
        Require(Status == ComplaintStatus.Answered, "complaint.close.not-answered");
        Status = ComplaintStatus.Closed;
        ClosedUtc = nowUtc;
        Record(ComplaintEventType.Closed, by, nowUtc, isPublic: true);
    }

    /// <summary>The citizen is not satisfied with the answer: the administration handles it again.</summary>
    /// <param name="window">How long after the answer the citizen may reopen; null for no limit.</param>
    public void Reopen(Actor by, string reason, DateTime nowUtc, TimeSpan? window = null)
    {
        Require(Status is ComplaintStatus.Answered or ComplaintStatus.Closed, "complaint.reopen.not-answered");
        Require(window is not { } w || AnsweredUtc is not { } answered || nowUtc <= answered + w, "complaint.reopen.window-passed");
        var text = Required(reason, "complaint.reopen.reason-required", "reason");
        Status = ComplaintStatus.Reopened;
        ClosedUtc = null;
        Record(ComplaintEventType.Reopened, by, nowUtc, isPublic: true, text);
    }

    /// <summary>A note between staff; the citizen never sees it.</summary>
    public void AddInternalNote(Actor by, string note, DateTime nowUtc)
    {
        Require(by.Kind == ActorKind.Staff, "complaint.note.staff-only");
        var text = Required(note, "complaint.note.text-required", "note");
        Record(ComplaintEventType.NoteAdded, by, nowUtc, isPublic: false, text);
    }

    public void AddDocuments(Actor by, IReadOnlyCollection<Attachment> documents, DateTime nowUtc)
    {
        Require(documents.Count > 0, "complaint.documents.required", "files");
        Require(Status != ComplaintStatus.Rejected, "complaint.documents.rejected");
        Require(by.Kind != ActorKind.Citizen || Status != ComplaintStatus.Closed, "complaint.documents.closed");
        _attachments.AddRange(documents);
        var names = string.Join(", ", documents.Select(d => d.FileName));
        Record(ComplaintEventType.DocumentAdded, by, nowUtc, documents.All(d => d.IsPublic), names);
    }

    private void Record(ComplaintEventType type, Actor by, DateTime nowUtc, bool isPublic,
        string? text = null, int? administrationId = null)
    {
        _events.Add(new ComplaintEvent(type, by, nowUtc, isPublic, Status, text, administrationId));
        Version++;
    }

    private static void Require(bool condition, string code, string? field = null)
    {
        if (!condition) throw new ComplaintRuleException(code, field);
    }

    /// <summary>Given, and no longer than a complaint's description (what a step's text column holds on every database).</summary>
    private static string Required(string? text, string code, string field)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) throw new ComplaintRuleException(code, field);
        Require(trimmed.Length <= NewComplaint.MaxDescriptionLength, "complaint.text.too-long", field);
        return trimmed;
    }
}
