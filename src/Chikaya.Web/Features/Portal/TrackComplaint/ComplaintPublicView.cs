using Chikaya.Domain.Complaints;
using Chikaya.Domain.Deadlines;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Portal.TrackComplaint;

/// <summary>What the citizen may see of their complaint: no internal notes, no assignments, no staff names.</summary>
public sealed record ComplaintPublicView(
    string TrackingNumber, string Kind, string Channel, string Status, string StatusLabel, int ThemeId,
    int AdministrationId, string Subject, string Description, DateTime ReceivedAt, DateTime DecisionDueAt,
    DateTime AnswerDueAt, string AnswerDeadline, string? Answer, string? RejectionReason,
    IReadOnlyList<ComplaintPublicView.Step> History, IReadOnlyList<ComplaintPublicView.Document> Documents)
{
    public sealed record Step(string Type, string Label, DateTime At, string Status, string? Text);

    public sealed record Document(Guid Id, string FileName, string ContentType, long Size, DateTime AddedAt);

    public static ComplaintPublicView Of(Complaint c, DateTime nowUtc, IStringLocalizer t) => new(
        c.TrackingNumber, c.Kind.ToString(), c.Channel.ToString(), c.Status.ToString(), t[c.Status.Key()], c.ThemeId,
        c.AdministrationId, c.Subject, c.Description, c.ReceivedUtc, c.DecisionDueUtc, c.AnswerDueUtc,
        c.AnswerDeadline(nowUtc).ToString(), c.AnswerText, c.RejectionReason,
        c.PublicEvents.OrderBy(e => e.OccurredUtc).ThenBy(e => e.Id)
            .Select(e => new Step(e.Type.ToString(), t[e.Key], e.OccurredUtc, e.StatusAfter.ToString(), e.Text)).ToList(),
        c.Attachments.Where(a => a.IsPublic).OrderBy(a => a.AddedUtc)
            .Select(a => new Document(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.AddedUtc)).ToList());
}
