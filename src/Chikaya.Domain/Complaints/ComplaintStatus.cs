namespace Chikaya.Domain.Complaints;

public enum ComplaintStatus
{
    Received = 0,
    Transferred = 1,
    Accepted = 2,
    InProgress = 3,
    AwaitingInformation = 4,
    Answered = 5,
    Closed = 6,
    Rejected = 7,
    Reopened = 8,
}

public static class ComplaintStatusExtensions
{
    /// <summary>Waiting for the competent administration to accept, reject or transfer it.</summary>
    public static bool IsAwaitingDecision(this ComplaintStatus status) =>
        status is ComplaintStatus.Received or ComplaintStatus.Transferred;

    /// <summary>Accepted and not yet answered: the administration owes an answer.</summary>
    public static bool IsBeingHandled(this ComplaintStatus status) =>
        status is ComplaintStatus.Accepted or ComplaintStatus.InProgress
            or ComplaintStatus.AwaitingInformation or ComplaintStatus.Reopened;

    public static bool IsOpen(this ComplaintStatus status) =>
        status.IsAwaitingDecision() || status.IsBeingHandled();

    /// <summary>Every open status, for queries: the administration owes a decision or an answer.</summary>
    public static readonly ComplaintStatus[] OpenStatuses = Enum.GetValues<ComplaintStatus>().Where(IsOpen).ToArray();

    /// <summary>The localization key of the status' name.</summary>
    public static string Key(this ComplaintStatus status) => "status." + status.ToString().ToLowerInvariant();
}
