using System.Text;
using Chikaya.Domain.Administrations;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Jobs;
using Chikaya.Web.Features.Notifications;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Features.Deadlines;

/// <summary>Once a day, each supervisor receives what is open and what is late in their administrations.</summary>
public sealed class DailyDigestJob(AppDbContext db, IOptions<NotificationOptions> options) : IScheduledJob
{
    public string Name => "daily-digest";
    public TimeSpan Every => TimeSpan.FromDays(1);

    public async Task RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        var supervisors = await (from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == Roles.Supervisor && u.AdministrationId != null && u.Email != null
            select u).ToListAsync(ct);
        supervisors.RemoveAll(u => !u.IsActiveAt(nowUtc));
        if (supervisors.Count == 0) return;
        var parents = await db.Administrations.Select(a => new { a.Id, a.ParentId }).ToListAsync(ct);
        var hierarchy = new AdministrationHierarchy(parents.Select(a => (a.Id, a.ParentId)));
        var open = ComplaintStatusExtensions.OpenStatuses;

        foreach (var supervisor in supervisors)
        {
            var scope = hierarchy.SelfAndDescendants(supervisor.AdministrationId!.Value).ToList();
            var mine = db.Complaints.AsNoTracking().Where(c => scope.Contains(c.AdministrationId) && open.Contains(c.Status));
            var openCount = await mine.CountAsync(ct);
            var late = await mine.Where(c => c.AnswerDueUtc < nowUtc || (c.DecidedUtc == null && c.DecisionDueUtc < nowUtc))
                .OrderBy(c => c.AnswerDueUtc).Select(c => new { c.TrackingNumber, c.Subject }).ToListAsync(ct);
            var language = supervisor.PreferredLanguage == "ar" ? "ar" : "fr";
            var (subject, body) = await NotificationComposer.TemplateAsync(db, "staff.digest", language, ct);
            var list = new StringBuilder();
            foreach (var c in late.Take(20)) list.Append("- ").Append(c.TrackingNumber).Append(" · ").AppendLine(c.Subject);
            var values = new Dictionary<string, string>
            {
                ["open"] = openCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["overdue"] = late.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["list"] = list.ToString().TrimEnd(),
                ["link"] = options.Value.PublicUrl.TrimEnd('/') + "/backoffice/warnings",
            };
            db.Outbox.Add(new OutboxMessage
            {
                Channel = MessageChannel.Email, Recipient = supervisor.Email!, Language = language, TemplateKey = "staff.digest",
                Subject = NotificationComposer.Render(subject, values), Body = NotificationComposer.Render(body, values),
                CreatedUtc = nowUtc, NextAttemptUtc = nowUtc,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
