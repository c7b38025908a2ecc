using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Citizens;
using Chikaya.Web.Features.Portal.SubmitComplaint;
using Chikaya.Web.Features.Shared;
using Chikaya.Web.Infrastructure.Files;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.BackOffice.ComplaintDetail;

public sealed class ComplaintDetailModel(AppDbContext db, HandleComplaintHandler handler, IFileStore files,
    TimeProvider clock, IStringLocalizer t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public StaffScope Scope { get; private set; } = null!;
    public Complaint Complaint { get; private set; } = null!;
    public string ThemeName { get; private set; } = "";
    public Dictionary<int, string> AdministrationNames { get; private set; } = [];
    public List<(string Id, string Name)> Handlers { get; private set; } = [];
    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;
    public string? Done { get; private set; }

    /// <summary>The citizen's other complaints, from every channel, that this reader may see.</summary>
    public CitizenComplaintsView? CitizenHistory { get; private set; }

    public sealed class InputModel
    {
        public ComplaintAction Action { get; set; }
        public int Version { get; set; }
        public string? Text { get; set; }
        public int? AdministrationId { get; set; }
        public string? AssigneeId { get; set; }
        public List<IFormFile> Files { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(string number, string? done, CancellationToken ct)
    {
        Done = done is null ? null : t["backoffice.done"].Value;
        if (!await LoadAsync(number, ct)) return NotFound();
        if (Scope.SeesPersonalData && !Complaint.IsAnonymous)
        {
            // law 09-08: who looked at a citizen's personal data, and when
            db.AuditEntries.Add(new Audit.AuditEntry
            {
                OccurredUtc = NowUtc, ActorUserId = Scope.UserId, ActorName = Scope.Name, Action = "personal-data.view",
                Subject = Complaint.TrackingNumber,
            });
            await db.SaveChangesAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string number, CancellationToken ct)
    {
        if (await StaffScope.ForAsync(User, db, ct) is not { } scope) return Forbid();
        var result = await handler.HandleAsync(scope, new HandleComplaintCommand(number, Input.Action, Input.Version,
            Input.Text, Input.AdministrationId, Input.AssigneeId, AttachmentIntake.FromForm(Input.Files)), ct);
        if (result.Outcome == HandleOutcome.NotFound) return NotFound();
        if (result.Outcome == HandleOutcome.Done)
        {
            // after a transfer the complaint may have left this user's scope: back to the inbox
            var stillVisible = await scope.Filter(db.Complaints).AnyAsync(c => c.TrackingNumber == number, ct);
            return stillVisible ? RedirectToPage(new { number, done = 1 }) : RedirectToPage("/BackOffice/Inbox/Inbox");
        }
        foreach (var (field, code) in result.Errors) ModelState.AddModelError(field.Length == 0 ? "" : FieldNames.OnForm(field), t[code]);
        await LoadAsync(number, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetDocumentAsync(string number, Guid id, CancellationToken ct)
    {
        // photos, scanned letters and e-mailed files carry names, addresses and signatures: not for observers
        if (!await LoadAsync(number, ct) || !Scope.SeesPersonalData) return NotFound();
        var document = Complaint.Attachments.FirstOrDefault(a => a.Id == id);
        var stream = document is null ? null : await files.OpenReadAsync(document.StorageKey, ct);
        return stream is null ? NotFound() : File(stream, document!.ContentType, document.FileName);
    }

    private async Task<bool> LoadAsync(string number, CancellationToken ct)
    {
        if (await StaffScope.ForAsync(User, db, ct) is not { } scope) return false;
        Scope = scope;
        var complaint = await scope.Filter(db.Complaints.AsNoTracking()).Include(c => c.Events).Include(c => c.Attachments)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.TrackingNumber == number, ct);
        if (complaint is null) return false;
        Complaint = complaint;
        ThemeName = Display.Name((await db.Themes.AsNoTracking().FirstAsync(x => x.Id == complaint.ThemeId, ct)).Name);
        AdministrationNames = (await db.Administrations.AsNoTracking().Where(a => a.IsActive || a.Id == complaint.AdministrationId)
            .ToListAsync(ct)).OrderBy(a => a.Kind).ThenBy(a => Display.Name(a.Name)).ToDictionary(a => a.Id, a => Display.Name(a.Name));
        Handlers = (await db.Users.AsNoTracking().Where(u => u.AdministrationId == complaint.AdministrationId)
            .Select(u => new { u.Id, u.FullName }).ToListAsync(ct)).Select(u => (u.Id, u.FullName)).OrderBy(u => u.FullName).ToList();
        Input.Version = complaint.Version;
        if (scope.SeesPersonalData && complaint.CitizenId is { } citizenId)
        {
            var rows = await ComplaintSummary.OfCitizenAsync(scope.Filter(db.Complaints), db, citizenId, NowUtc, ct);
            CitizenHistory = new CitizenComplaintsView(rows.Where(r => r.TrackingNumber != number).ToList(), "/backoffice/complaints/");
        }
        return true;
    }
}
