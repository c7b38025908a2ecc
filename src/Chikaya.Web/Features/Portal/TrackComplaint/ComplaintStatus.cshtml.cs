using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Chikaya.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Portal.TrackComplaint;

/// <summary>The citizen's view of one complaint: where it stands, its public history, and what they may do next.</summary>
public sealed class ComplaintStatusModel(CitizenAccess access, AppDbContext db, AttachmentIntake intake, IFileStore files,
    IOptions<DeadlineOptions> deadlines, TimeProvider clock, IStringLocalizer t) : PageModel
{
    public Complaint Complaint { get; private set; } = null!;
    public string ThemeName { get; private set; } = "";
    public string AdministrationName { get; private set; } = "";
    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    [BindProperty] public int? Score { get; set; }
    public TimeSpan ReopenWindow => TimeSpan.FromDays(deadlines.Value.ReopenWindowDays);

    /// <summary>Until when the citizen may reopen, when the complaint has been answered.</summary>
    public DateTime? ReopenUntilUtc => Complaint.AnsweredUtc is { } answered ? answered + ReopenWindow : null;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct) =>
        await LoadAsync(number, tracking: false, ct) ? Page() : RedirectToPage("TrackComplaint", new { number });

    public Task<IActionResult> OnPostInformationAsync(string number, CancellationToken ct) =>
        ActAsync(number, c => c.ProvideInformation(Citizen(c), Text ?? "", NowUtc), ct);

    public Task<IActionResult> OnPostReopenAsync(string number, CancellationToken ct) =>
        ActAsync(number, c => c.Reopen(Citizen(c), Text ?? "", NowUtc, ReopenWindow), ct);

    public Task<IActionResult> OnPostRateAsync(string number, CancellationToken ct) =>
        ActAsync(number, c => c.Rate(Citizen(c), Score ?? 0, Text, NowUtc), ct);

    public Task<IActionResult> OnPostRemarkAsync(string number, CancellationToken ct) =>
        ActAsync(number, c => c.AddRemark(Citizen(c), Text ?? "", NowUtc), ct);

    public async Task<IActionResult> OnPostDocumentsAsync(string number, CancellationToken ct)
    {
        if (!await LoadAsync(number, tracking: true, ct)) return NotFound();
        var incoming = AttachmentIntake.FromForm(Files);
        var errors = await intake.CheckAsync(incoming);
        if (incoming.Count == 0) errors = [("files", "complaint.documents.required")];
        if (errors.Count > 0) return Refused(errors);
        var stored = await intake.StoreAsync(incoming, ActorKind.Citizen, isPublic: true, ct);
        try
        {
            Complaint.AddDocuments(Citizen(Complaint), stored, NowUtc);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is ComplaintRuleException or DbUpdateConcurrencyException)
        {
            await intake.DiscardAsync(stored);
            return Refused([("files", e is ComplaintRuleException rule ? rule.Code : "complaint.concurrency")]);
        }
        return RedirectToPage(new { number = Complaint.TrackingNumber });
    }

    public async Task<IActionResult> OnGetDocumentAsync(string number, Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(number, tracking: false, ct)) return NotFound();
        var document = Complaint.Attachments.FirstOrDefault(a => a.Id == id && a.IsPublic);
        var stream = document is null ? null : await files.OpenReadAsync(document.StorageKey, ct);
        if (stream is null) return NotFound();
        // a download, never rendered in the page's origin
        return File(stream, document!.ContentType, document.FileName);
    }

    private async Task<IActionResult> ActAsync(string number, Action<Complaint> act, CancellationToken ct)
    {
        if (!await LoadAsync(number, tracking: true, ct)) return NotFound();
        try
        {
            act(Complaint);
            await db.SaveChangesAsync(ct);
        }
        catch (ComplaintRuleException rule) { return Refused([(rule.Field ?? "text", rule.Code)]); }
        catch (DbUpdateConcurrencyException) { return Refused([("", "complaint.concurrency")]); }
        return RedirectToPage(new { number = Complaint.TrackingNumber });
    }

    private IActionResult Refused(IEnumerable<(string Field, string Code)> errors)
    {
        foreach (var (_, code) in errors) ModelState.AddModelError("", t[code]);
        return Page();
    }

    private static Actor Citizen(Complaint c) => Actor.Citizen(c.CitizenUserId, c.ContactName);

    private async Task<bool> LoadAsync(string number, bool tracking, CancellationToken ct)
    {
        var complaint = await access.FindAsync(number, tracking, ct);
        if (complaint is null) return false;
        Complaint = complaint;
        var theme = await db.Themes.AsNoTracking().FirstAsync(x => x.Id == complaint.ThemeId, ct);
        var administration = await db.Administrations.AsNoTracking().FirstAsync(a => a.Id == complaint.AdministrationId, ct);
        ThemeName = Shared.Display.Name(theme.Name);
        AdministrationName = Shared.Display.Name(administration.Name);
        return true;
    }
}
