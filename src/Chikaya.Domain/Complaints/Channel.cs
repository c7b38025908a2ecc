namespace Chikaya.Domain.Complaints;

/// <summary>How the complaint reached the platform.</summary>
public enum Channel
{
    Web = 0,
    Mobile = 1,
    CallCentre = 2,
    // "bureau d'ordre": paper letters registered at the mail office
    MailOffice = 3,
    Email = 4,
    Chat = 5,
    SocialNetwork = 6,
    // a partner's system through the open APIs (Open311): a city's app, a FixMyStreet instance
    Partner = 7,
}

/// <summary>Decree 2-17-265 receives complaints, remarks and suggestions alike.</summary>
public enum SubmissionKind
{
    Complaint = 0,
    Remark = 1,
    Suggestion = 2,
}

public static class ChannelExtensions
{
    public static string Key(this Channel channel) => "channel." + channel.ToString().ToLowerInvariant();

    public static string Key(this SubmissionKind kind) => "kind." + kind.ToString().ToLowerInvariant();
}
