namespace Chikaya.Domain.Complaints;

public enum ComplaintEventType
{
    Submitted = 0,
    Accepted = 1,
    Rejected = 2,
    Transferred = 3,
    Assigned = 4,
    InformationRequested = 5,
    InformationProvided = 6,
    Answered = 7,
    Closed = 8,
    Reopened = 9,
    NoteAdded = 10,
    DocumentAdded = 11,
    DeadlineWarning = 12,
    Escalated = 13,
    ClockPaused = 14,
    ClockResumed = 15,
    Rated = 16,
    RemarkAdded = 17,
    PersonalDataErased = 18,
    RegisteredOnBehalf = 19,
    CitizenMerged = 20,
    CitizenMergeUndone = 21,
    MessageReceived = 22,
}

/// <summary>
/// One immutable entry of a complaint's history: the audit trail and the source of
/// every statistic. Internal entries (<see cref="IsPublic"/> false) never reach the citizen.
/// </summary>
public sealed class ComplaintEvent
{
    private ComplaintEvent() { }

    internal ComplaintEvent(ComplaintEventType type, Actor actor, DateTime occurredUtc, bool isPublic,
        ComplaintStatus statusAfter, string? text, int? administrationId)
    {
        Type = type;
        ActorKind = actor.Kind;
        ActorUserId = actor.UserId;
        ActorName = actor.Name;
        OccurredUtc = occurredUtc;
        IsPublic = isPublic;
        StatusAfter = statusAfter;
        Text = text;
        AdministrationId = administrationId;
    }

    public long Id { get; private set; }
    public Guid ComplaintId { get; private set; }
    public ComplaintEventType Type { get; private set; }
    public DateTime OccurredUtc { get; private set; }
    public ActorKind ActorKind { get; private set; }
    public string? ActorUserId { get; private set; }
    public string ActorName { get; private set; } = "";
    public bool IsPublic { get; private set; }
    public ComplaintStatus StatusAfter { get; private set; }

    /// <summary>The reason, question, answer or note that goes with the step.</summary>
    public string? Text { get; private set; }

    /// <summary>The administration the step concerns: where it was filed or transferred to.</summary>
    public int? AdministrationId { get; private set; }

    public string Key => "event." + Type.ToString().ToLowerInvariant();

    /// <summary>The citizen's name leaves the history when their personal data is erased; what happened stays.</summary>
    internal void ForgetCitizen()
    {
        if (ActorKind != ActorKind.Citizen) return;
        ActorName = "";
        ActorUserId = null;
    }
}
