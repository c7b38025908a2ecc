using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Shared;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Chikaya.Web.Features.BackOffice.Search;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.BackOffice.Inbox;

/// <summary>The complaints of the user's administrations, with the filters a team works with.</summary>
public sealed class InboxModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public ComplaintStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Queue { get; set; }
    [BindProperty(SupportsGet = true)] public Channel? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public int? ThemeId { get; set; }
    [BindProperty(SupportsGet = true)] public int? AdministrationId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public StaffScope Scope { get; private set; } = null!;
    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Dictionary<int, string> Themes { get; private set; } = [];
    public Dictionary<int, string> Administrations { get; private set; } = [];
    public DateTime NowUtc { get; private set; }

    public sealed record Row(string TrackingNumber, string Subject, SubmissionKind Kind, ComplaintStatus Status, int ThemeId,
        int AdministrationId, DateTime ReceivedUtc, DateTime DecisionDueUtc, DateTime AnswerDueUtc, DateTime? DecidedUtc,
        DateTime? AnsweredUtc, string? AssignedToName);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await StaffScope.ForAsync(User, db, ct) is not { } scope) return Forbid();
        Scope = scope;
        NowUtc = clock.GetUtcNow().UtcDateTime;
        Themes = (await db.Themes.AsNoTracking().ToListAsync(ct)).ToDictionary(t => t.Id, t => Display.Name(t.Name));
        Administrations = (await db.Administrations.AsNoTracking().ToListAsync(ct))
            .Where(a => scope.Covers(a.Id)).ToDictionary(a => a.Id, a => Display.Name(a.Name));

        var query = Filter(scope.Filter(db.Complaints.AsNoTracking()));
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = await query.OrderBy(c => c.AnswerDueUtc).ThenBy(c => c.ReceivedUtc).ThenBy(c => c.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new Row(c.TrackingNumber, c.Subject, c.Kind, c.Status, c.ThemeId, c.AdministrationId, c.ReceivedUtc,
                c.DecisionDueUtc, c.AnswerDueUtc, c.DecidedUtc, c.AnsweredUtc, c.AssignedToName))
            .ToListAsync(ct);
        return Page();
    }

    private IQueryable<Complaint> Filter(IQueryable<Complaint> query)
    {
        var now = NowUtc;
        var open = ComplaintStatusExtensions.OpenStatuses;
        query = Queue switch
        {
            "mine" => query.Where(c => c.AssignedToUserId == Scope.UserId && open.Contains(c.Status)),
            "to-decide" => query.Where(c => c.Status == ComplaintStatus.Received || c.Status == ComplaintStatus.Transferred),
            "overdue" => query.Where(c => open.Contains(c.Status) && c.AnswerDueUtc < now),
            "all" => query,
            _ => query.Where(c => open.Contains(c.Status)),
        };
        if (Status is { } status) query = query.Where(c => c.Status == status);
        if (Channel is { } channel) query = query.Where(c => c.Channel == channel);
        if (ThemeId is { } theme) query = query.Where(c => c.ThemeId == theme);
        if (AdministrationId is { } administration) query = query.Where(c => c.AdministrationId == administration);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var number = TrackingNumber.Normalize(Search);
            var text = Search.Trim();
            query = number is not null
                ? query.Where(c => c.TrackingNumber == number)
                : query.Matching(db, text);
        }
        return query;
    }
}
