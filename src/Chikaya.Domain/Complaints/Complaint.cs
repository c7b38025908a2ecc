using Chikaya.Domain.Citizens;
using Chikaya.Domain.Deadlines;

namespace Chikaya.Domain.Complaints;

/// <summary>
/// A complaint, remark or suggestion and everything that happens to it. State changes are the
/// methods in Complaint.Transitions.cs; each guards its preconditions and writes one history entry.
/// </summary>
public sealed partial class Complaint
{
    private readonly List<ComplaintEvent> _events = [];
    private readonly List<Attachment> _attachments = [];

    private Complaint() { }

    public Guid Id { get; private set; }
    public string TrackingNumber { get; private set; } = "";
    public string SecretCodeHash { get; private set; } = "";
    public SubmissionKind Kind { get; private set; }
    public Channel Channel { get; private set; }
    public int ThemeId { get; private set; }
    public int AdministrationId { get; private set; }
    public int? TerritoryId { get; private set; }
    public string Subject { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string Language { get; private set; } = "fr";
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public string? Address { get; private set; }
    public string? CitizenUserId { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactEmail { get; private set; }
    public string? ContactPhone { get; private set; }

    /// <summary>Where to post the acknowledgement and the answer of a paper letter.</summary>
    public string? PostalAddress { get; private set; }

    /// <summary>The person behind it, whatever the channel; null for an anonymous complaint.</summary>
    public Guid? CitizenId { get; private set; }

    /// <summary>The channel's own reference: the mail office's register number of a letter.</summary>
    public string? ExternalReference { get; private set; }
    public DateTime ReceivedUtc { get; private set; }
    public DateTime DecisionDueUtc { get; private set; }
    public DateTime AnswerDueUtc { get; private set; }

    /// <summary>When it was first accepted, rejected or transferred: what the 15-day deadline measures.</summary>
    public DateTime? DecidedUtc { get; private set; }

    public DateTime? AnsweredUtc { get; private set; }

    /// <summary>Whole days from receipt to the (latest) answer: what the dashboards call processing time.</summary>
    public int? ProcessingDays { get; private set; }
    public DateTime? ClosedUtc { get; private set; }
    public ComplaintStatus Status { get; private set; }
    public string? AssignedToUserId { get; private set; }
    public string? AssignedToName { get; private set; }
    public string? RejectionReason { get; private set; }
    public string? AnswerText { get; private set; }

    /// <summary>Set while the answer clock is stopped, waiting for the citizen's information.</summary>
    public DateTime? AnswerPausedSinceUtc { get; private set; }

    /// <summary>The citizen's rating of the answer, 1 to 5.</summary>
    public int? SatisfactionScore { get; private set; }

    public string? SatisfactionComment { get; private set; }

    /// <summary>Grows with every change, so that two handlers acting at once cannot overwrite each other.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ComplaintEvent> Events => _events;
    public IReadOnlyList<Attachment> Attachments => _attachments;

    public bool IsAnonymous => CitizenId is null && CitizenUserId is null && PostalAddress is null && ContactName is null && ContactEmail is null && ContactPhone is null;

    /// <summary>
    /// Holds what <see cref="ErasePersonalData"/> removes: who filed it, how to reach them, where they are. An expression, so
    /// that a query finds the complaints still holding some by the same rule.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<Complaint, bool>> HoldsPersonalData =
        c => c.CitizenId != null || c.CitizenUserId != null || c.PostalAddress != null || c.ContactName != null
             || c.ContactEmail != null || c.ContactPhone != null || c.Address != null;

    private static readonly Func<Complaint, bool> Holds = HoldsPersonalData.Compile();

    public static Complaint Submit(NewComplaint input, string trackingNumber, string secretCode,
        IDeadlinePolicy deadlines, DateTime nowUtc, IEnumerable<Attachment>? attachments = null)
    {
        var errors = input.Validate(nowUtc);
        if (errors.Count > 0) throw new ComplaintRuleException(errors[0].Code, errors[0].Field);

        var received = input.ReceivedUtc ?? nowUtc;
        var complaint = new Complaint
        {
            Id = Guid.NewGuid(),
            TrackingNumber = trackingNumber,
            SecretCodeHash = SecretCode.Hash(trackingNumber, secretCode),
            Kind = input.Kind,
            Channel = input.Channel,
            ThemeId = input.ThemeId,
            AdministrationId = input.AdministrationId,
            TerritoryId = input.TerritoryId,
            Subject = input.Subject.Trim(),
            Description = input.Description.Trim(),
            Language = input.Language,
            Latitude = input.Latitude,
            Longitude = input.Longitude,
            Address = Clean(input.Address),
            CitizenUserId = input.CitizenUserId,
            ContactName = Clean(input.ContactName),
            ContactEmail = ContactRules.NormalizeEmail(input.ContactEmail),
            ContactPhone = ContactRules.NormalizePhone(input.ContactPhone),
            PostalAddress = Clean(input.PostalAddress),
            CitizenId = input.CitizenId,
            ExternalReference = Clean(input.ExternalReference),
            ReceivedUtc = received,
            DecisionDueUtc = deadlines.DecisionDueUtc(received),
            AnswerDueUtc = deadlines.AnswerDueUtc(received),
            Status = ComplaintStatus.Received,
        };
        complaint._attachments.AddRange(attachments ?? []);
        var submitter = Actor.Citizen(input.CitizenUserId, complaint.ContactName);
        complaint.Record(ComplaintEventType.Submitted, submitter, nowUtc, isPublic: true,
            administrationId: input.AdministrationId);
        if (input.RegisteredBy is { } staff)
            complaint.Record(ComplaintEventType.RegisteredOnBehalf, staff, nowUtc, isPublic: false, complaint.ExternalReference);
        return complaint;
    }

    public bool OwnsSecretCode(string? code) => SecretCode.Matches(TrackingNumber, code, SecretCodeHash);

    public bool HasContactEmail(string? email) =>
        ContactEmail is not null && ContactRules.NormalizeEmail(email) == ContactEmail;

    public DeadlineState DecisionDeadline(DateTime nowUtc) =>
        Deadline.Evaluate(DecisionDueUtc, DecidedUtc, nowUtc);

    public DeadlineState AnswerDeadline(DateTime nowUtc) => Status == ComplaintStatus.Rejected
        ? DeadlineState.NotApplicable
        : AnswerPausedSinceUtc is { } paused
            ? Deadline.Evaluate(AnswerDueUtc + (nowUtc - paused), AnsweredUtc, nowUtc)
            : Deadline.Evaluate(AnswerDueUtc, AnsweredUtc, nowUtc);

    /// <summary>The last time the citizen did something after the answer: rated, remarked, added a document.</summary>
    public DateTime? LastCitizenReactionUtc => AnsweredUtc is { } answered
        ? _events.Where(e => e.ActorKind == ActorKind.Citizen && e.OccurredUtc >= answered).Select(e => (DateTime?)e.OccurredUtc).Max()
        : null;

    /// <summary>The history the citizen may see: no internal notes, no assignments.</summary>
    public IEnumerable<ComplaintEvent> PublicEvents => _events.Where(e => e.IsPublic);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
