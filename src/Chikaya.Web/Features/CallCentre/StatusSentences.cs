using Chikaya.Domain.Complaints;
using Chikaya.Domain.Deadlines;
using Chikaya.Web.Features.Citizens;
using Chikaya.Web.Features.Shared;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.CallCentre;

/// <summary>A complaint's state in sentences an agent can read to the caller as they are.</summary>
public static class StatusSentences
{
    public static IEnumerable<string> For(Complaint c, string administration, DateTime nowUtc, IStringLocalizer t)
    {
        yield return t["La demande {0} a été reçue le {1} et confiée à : {2}.", c.TrackingNumber, Display.Date(c.ReceivedUtc), administration];
        yield return t["Son état aujourd'hui : {0}.", t[c.Status.Key()]];
        if (c.Status == ComplaintStatus.AwaitingInformation)
            yield return t["L'administration attend un complément d'information du citoyen."];
        if (c.AnsweredUtc is { } answered && !c.Status.IsOpen())
            yield return t["La réponse a été donnée le {0}.", Display.Date(answered)];
        if (c.Status == ComplaintStatus.Rejected && c.ClosedUtc is { } rejected)
            yield return t["Elle a été rejetée le {0}.", Display.Date(rejected)];

        var (due, state, deadline) = ComplaintSummary.NextDeadline(c, nowUtc);
        if (due is not { } date) yield break;
        var kind = t["deadline-kind." + deadline];
        var days = (int)Math.Ceiling((date - nowUtc).TotalDays);
        yield return state == DeadlineState.Overdue
            ? t["L'échéance {0} était le {1} : elle est dépassée de {2} jours.", kind, Display.Date(date), -days]
            : t["Prochaine échéance {0} : le {1}, dans {2} jours.", kind, Display.Date(date), days];
    }
}
