using System.Globalization;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Portal.SubmitComplaint;
using Chikaya.Web.Features.Shared;
using Chikaya.Web.Infrastructure.Files;
using Chikaya.Web.Infrastructure.Localization;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.BackOffice.MailOffice;

/// <summary>The mail office ("bureau d'ordre") registers a paper letter: scanned pages, date of receipt, register number.</summary>
public sealed class RegisterLetterModel(SubmitComplaintHandler handler, FormChoices choices, AppDbContext db, IStringLocalizer t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public List<(int Id, string Name)> Administrations { get; private set; } = [];

    public sealed class InputModel : AssistedFilingInput
    {
        public int? AdministrationId { get; set; }
        public string? ReceivedOn { get; set; }
        public string? Reference { get; set; }
        public List<IFormFile> Files { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) is null ? Forbid() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } scope) return Forbid();
        var received = ReceivedUtc();
        if (string.IsNullOrWhiteSpace(Input.Reference)) ModelState.AddModelError("Input.Reference", t["complaint.letter.reference-required"]);
        if (Input.Files.Count == 0) ModelState.AddModelError("Input.Files", t["complaint.letter.pages-required"]);
        if (Input.AdministrationId is not { } administrationId || !scope.Covers(administrationId))
            ModelState.AddModelError("Input.AdministrationId", t["complaint.administration.unknown"]);
        if (!Input.Check(ModelState, t)) return Page();

        var result = await handler.HandleAsync(Input.ToCommand(Channel.MailOffice, scope.Actor, LocalizationSetup.CurrentLanguage) with
        {
            AdministrationId = Input.AdministrationId, ReceivedUtc = received, ExternalReference = Input.Reference,
            Files = AttachmentIntake.FromForm(Input.Files),
        }, ct);
        if (result is SubmitComplaintResult.Invalid invalid)
        {
            Input.ShowErrors(invalid, ModelState, t);
            return Page();
        }
        var filed = (SubmitComplaintResult.Filed)result;
        TempData[AcknowledgementModel.SecretCodeKey] = filed.Complaint.TrackingNumber + ":" + filed.SecretCode;
        return RedirectToPage("Acknowledgement", new { number = filed.Complaint.TrackingNumber });
    }

    /// <summary>The letter's date, at the start of that day in Morocco: the deadlines count from it.</summary>
    private DateTime? ReceivedUtc()
    {
        if (DateOnly.TryParseExact(Input.ReceivedOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Display.Morocco);
        ModelState.AddModelError("Input.ReceivedOn", t["complaint.received.invalid"]);
        return null;
    }

    private async Task<StaffScope?> LoadAsync(CancellationToken ct)
    {
        if (await StaffScope.ForAsync(User, db, ct) is not { CanAct: true } scope) return null;
        await choices.LoadAsync(ViewData, ct);
        Administrations = (await choices.AdministrationsAsync(ct))
            .Select(a => (int.Parse(a.Value, CultureInfo.InvariantCulture), a.Text)).Where(a => scope.Covers(a.Item1)).ToList();
        Input.AdministrationId ??= Administrations.FirstOrDefault().Id;
        return scope;
    }
}
