using System.Globalization;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Shared;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Features.Notifications;

/// <summary>Decides who hears of a step of a complaint, and writes their message from the templates.</summary>
public sealed class NotificationComposer(IOptions<NotificationOptions> options, ReferenceCache references)
{
    // steps older than this are history being loaded (the demo, an import), not news
    private static readonly TimeSpan News = TimeSpan.FromDays(1);

    private static readonly Dictionary<ComplaintEventType, string> CitizenTemplates = new()
    {
        [ComplaintEventType.Submitted] = "citizen.submitted",
        [ComplaintEventType.Accepted] = "citizen.accepted",
        [ComplaintEventType.Rejected] = "citizen.rejected",
        [ComplaintEventType.Transferred] = "citizen.transferred",
        [ComplaintEventType.InformationRequested] = "citizen.information-requested",
        [ComplaintEventType.Answered] = "citizen.answered",
        [ComplaintEventType.Closed] = "citizen.closed",
        [ComplaintEventType.Reopened] = "citizen.reopened",
    };

    public async Task<IReadOnlyList<OutboxMessage>> ComposeAsync(AppDbContext db, Complaint complaint, ComplaintEvent step,
        DateTime nowUtc, CancellationToken ct)
    {
        if (step.OccurredUtc < nowUtc - News) return [];
        var messages = new List<OutboxMessage>();
        var administrationId = step.Type == ComplaintEventType.Transferred ? step.AdministrationId ?? complaint.AdministrationId : complaint.AdministrationId;
        var reference = await references.GetAsync(db, ct);
        var administration = reference.Administrations.GetValueOrDefault(administrationId);

        void Add(MessageChannel channel, string to, string key, string language, bool staff, int? days = null)
        {
            var (subject, body) = reference.Templates.TryGetValue((key, language), out var edited)
                ? (edited.Subject, edited.Body) : DefaultTemplates.For(key, language);
            var values = new Dictionary<string, string>
            {
                ["number"] = complaint.TrackingNumber,
                ["subject"] = complaint.Subject,
                ["text"] = step.Text ?? "",
                ["administration"] = administration is null ? "" : language == "ar" ? administration.NameAr : administration.NameFr,
                ["due"] = FormatDate(step.Type is ComplaintEventType.Submitted || complaint.Status.IsAwaitingDecision() ? complaint.DecisionDueUtc : complaint.AnswerDueUtc, language),
                ["days"] = days?.ToString(CultureInfo.InvariantCulture) ?? "",
                ["link"] = options.Value.PublicUrl.TrimEnd('/') + (staff ? "/backoffice/complaints/" : "/track/") + complaint.TrackingNumber,
            };
            var renderedSubject = Render(subject, values);
            messages.Add(new OutboxMessage
            {
                Channel = channel, Recipient = to, Language = language, TemplateKey = key, ComplaintId = complaint.Id,
                Subject = renderedSubject,
                Body = channel == MessageChannel.Sms ? $"{renderedSubject} {values["link"]}" : Render(body, values),
                CreatedUtc = nowUtc, NextAttemptUtc = nowUtc,
            });
        }

        if (step.IsPublic && CitizenTemplates.TryGetValue(step.Type, out var citizenKey))
        {
            if (complaint.ContactEmail is { } email) Add(MessageChannel.Email, email, citizenKey, complaint.Language, staff: false);
            if (complaint.ContactPhone is { } phone && options.Value.Sms.Url is not null)
                Add(MessageChannel.Sms, phone, citizenKey, complaint.Language, staff: false);
        }

        var staffKey = step.Type switch
        {
            ComplaintEventType.Assigned when complaint.AssignedToUserId != step.ActorUserId => "staff.assigned",
            ComplaintEventType.DeadlineWarning => "staff.warning",
            ComplaintEventType.Escalated => "staff.escalated",
            _ => null,
        };
        if (staffKey is null) return messages;
        var days = step.Type == ComplaintEventType.DeadlineWarning && int.TryParse(step.Text?.Split(':').Last(), out var d) ? d : (int?)null;
        foreach (var (email, language) in await StaffToTellAsync(db, complaint, step, ct))
            Add(MessageChannel.Email, email, staffKey, language, staff: true, days);
        return messages;
    }

    /// <summary>
    /// An assignment goes to the assignee. A warning goes to the assigned handler (or the whole team if
    /// nobody is assigned) and the nearest supervisors; an escalation to the nearest supervisors of its level.
    /// </summary>
    private static async Task<List<(string Email, string Language)>> StaffToTellAsync(AppDbContext db, Complaint complaint,
        ComplaintEvent step, CancellationToken ct)
    {
        var people = new List<AppUser>();
        if (step.Type == ComplaintEventType.Assigned)
            people.AddRange(await db.Users.Where(u => u.Id == complaint.AssignedToUserId).ToListAsync(ct));
        else
        {
            var target = step.Type == ComplaintEventType.Escalated ? step.AdministrationId ?? complaint.AdministrationId : complaint.AdministrationId;
            people.AddRange(await NearestSupervisorsAsync(db, target, ct));
            if (step.Type == ComplaintEventType.DeadlineWarning)
                people.AddRange(complaint.AssignedToUserId is { } assignee
                    ? await db.Users.Where(u => u.Id == assignee).ToListAsync(ct)
                    : await UsersInRole(db, Roles.Handler).Where(u => u.AdministrationId == complaint.AdministrationId).ToListAsync(ct));
        }
        return people.Where(u => u.Email is not null && u.IsActiveAt(step.OccurredUtc)).DistinctBy(u => u.Id)
            .Select(u => (u.Email!, u.PreferredLanguage == "ar" ? "ar" : "fr")).ToList();
    }

    private static async Task<List<AppUser>> NearestSupervisorsAsync(AppDbContext db, int administrationId, CancellationToken ct)
    {
        var parents = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.ParentId, ct);
        for (int? current = administrationId, hops = 0; current is { } id && hops < 20; current = parents.GetValueOrDefault(id), hops++)
        {
            var found = await UsersInRole(db, Roles.Supervisor).Where(u => u.AdministrationId == id).ToListAsync(ct);
            if (found.Count > 0) return found;
        }
        return [];
    }

    private static IQueryable<AppUser> UsersInRole(AppDbContext db, string role) =>
        from u in db.Users
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == role
        select u;

    public static async Task<(string Subject, string Body)> TemplateAsync(AppDbContext db, string key, string language, CancellationToken ct)
    {
        var edited = await db.MessageTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key && t.Language == language, ct);
        return edited is null ? DefaultTemplates.For(key, language) : (edited.Subject, edited.Body);
    }

    public static string Render(string template, IReadOnlyDictionary<string, string> values) =>
        values.Aggregate(template, (text, value) => text.Replace("{" + value.Key + "}", value.Value, StringComparison.Ordinal));

    private static string FormatDate(DateTime utc, string language) =>
        Display.Local(utc).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(language == "ar" ? "ar-MA" : "fr-MA"));
}
