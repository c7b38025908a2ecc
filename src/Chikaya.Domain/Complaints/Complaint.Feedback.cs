namespace Chikaya.Domain.Complaints;

/// <summary>The citizen's word after the answer, and what the deadline watch records.</summary>
public sealed partial class Complaint
{
    public const int MaxRemarkLength = 2000;

    /// <summary>Satisfaction with the answer, 1 (not at all) to 5 (fully). A later rating replaces the earlier one.</summary>
    public void Rate(Actor by, int score, string? comment, DateTime nowUtc)
    {
        Require(Status is ComplaintStatus.Answered or ComplaintStatus.Closed, "complaint.rate.not-answered");
        Require(score is >= 1 and <= 5, "complaint.rate.score-invalid", "score");
        Require(comment is null || comment.Trim().Length <= MaxRemarkLength, "complaint.remark.too-long", "comment");
        SatisfactionScore = score;
        SatisfactionComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        Record(ComplaintEventType.Rated, by, nowUtc, isPublic: true,
            score.ToString(System.Globalization.CultureInfo.InvariantCulture) + (SatisfactionComment is { } c ? " · " + c : ""));
    }

    /// <summary>A remark or a suggestion on the outcome, once answered.</summary>
    public void AddRemark(Actor by, string text, DateTime nowUtc)
    {
        Require(Status is ComplaintStatus.Answered or ComplaintStatus.Closed, "complaint.remark.not-answered");
        var remark = Required(text, "complaint.remark.text-required", "remark");
        Require(remark.Length <= MaxRemarkLength, "complaint.remark.too-long", "remark");
        Record(ComplaintEventType.RemarkAdded, by, nowUtc, isPublic: true, remark);
    }

    /// <summary>
    /// Law 09-08: the citizen closed their account, or the retention period passed. Who filed it and how to
    /// reach them goes; what the complaint was about and what the administration did stays, for the statistics.
    /// </summary>
    public void ErasePersonalData(DateTime nowUtc)
    {
        if (!Holds(this)) return;
        CitizenId = null;
        PostalAddress = null;
        CitizenUserId = null;
        ContactName = null;
        ContactEmail = null;
        ContactPhone = null;
        Address = null;
        foreach (var e in _events) e.ForgetCitizen();
        Record(ComplaintEventType.PersonalDataErased, Actor.System, nowUtc, isPublic: false);
    }

    /// <summary>A reminder that a deadline approaches, sent to the assigned handler and the supervisor.</summary>
    public void RecordDeadlineWarning(string deadline, int daysBefore, DateTime nowUtc) =>
        Record(ComplaintEventType.DeadlineWarning, Actor.System, nowUtc, isPublic: false,
            $"{deadline}:{daysBefore.ToString(System.Globalization.CultureInfo.InvariantCulture)}", AdministrationId);

    /// <summary>The deadline passed: the complaint is brought to a higher level's attention.</summary>
    public void RecordEscalation(string deadline, int level, int toAdministrationId, DateTime nowUtc) =>
        Record(ComplaintEventType.Escalated, Actor.System, nowUtc, isPublic: false,
            $"{deadline}:{level.ToString(System.Globalization.CultureInfo.InvariantCulture)}", toAdministrationId);

    /// <summary>The citizen writes again about their complaint (an e-mail reply, say) while it is handled.</summary>
    public void AddCitizenMessage(Actor by, string text, DateTime nowUtc)
    {
        Require(by.Kind == ActorKind.Citizen, "complaint.message.citizen-only");
        Require(Status != ComplaintStatus.Rejected, "complaint.message.rejected");
        var message = Required(text, "complaint.message.text-required", "message");
        Require(message.Length <= NewComplaint.MaxDescriptionLength, "complaint.description.too-long", "message");
        Record(ComplaintEventType.MessageReceived, by, nowUtc, isPublic: true, message);
    }

    /// <summary>A supervisor found two citizen records to be one person: the complaint follows to the one kept.</summary>
    public void MoveToCitizen(Guid citizenId, Actor by, DateTime nowUtc, bool undoingMerge)
    {
        Require(CitizenId is not null, "complaint.citizen.anonymous");
        CitizenId = citizenId;
        Record(undoingMerge ? ComplaintEventType.CitizenMergeUndone : ComplaintEventType.CitizenMerged, by, nowUtc,
            isPublic: false, citizenId.ToString());
    }
}
