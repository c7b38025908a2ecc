using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Chikaya.Domain.Citizens;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Portal.TrackComplaint;
using Chikaya.Web.Infrastructure.Files;
using Chikaya.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Portal.SubmitComplaint;

public sealed class SubmitComplaintModel(SubmitComplaintHandler handler, FormChoices choices, CitizenAccess access,
    UserManager<AppUser> users, Infrastructure.Security.SpamGuard spam, IStringLocalizer t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public List<SelectListItem> Themes { get; private set; } = [];
    public List<SelectListItem> Places { get; private set; } = [];
    public List<SelectListItem> Administrations { get; private set; } = [];
    public AppUser? Citizen { get; private set; }

    public sealed class InputModel
    {
        public SubmissionKind Kind { get; set; } = SubmissionKind.Complaint;
        public int? ThemeId { get; set; }
        public string? TerritoryCode { get; set; }
        public int? AdministrationId { get; set; }
        public string? Subject { get; set; }
        public string? Description { get; set; }
        public string? Address { get; set; }
        public string? Latitude { get; set; }
        public string? Longitude { get; set; }
        public string? ContactName { get; set; }
        public string? ContactEmail { get; set; }
        public string? ContactPhone { get; set; }
        public List<IFormFile> Files { get; set; } = [];
        [MaxLength(100)] public string? IdempotencyKey { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.IdempotencyKey = Guid.NewGuid().ToString("N");
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // a signed-in citizen is known; an anonymous form must look filled in by a person
        if (Citizen is null && !spam.LooksHuman(Request)) ModelState.AddModelError("", t["request.spam"]);
        var latitude = Coordinate(Input.Latitude, "Input.Latitude");
        var longitude = Coordinate(Input.Longitude, "Input.Longitude");
        if (!ModelState.IsValid) return Page();

        var result = await handler.HandleAsync(new SubmitComplaintCommand
        {
            Kind = Input.Kind, Channel = Channel.Web, ThemeId = Input.ThemeId, AdministrationId = Input.AdministrationId,
            TerritoryCode = Input.TerritoryCode, Subject = Input.Subject, Description = Input.Description,
            Language = LocalizationSetup.CurrentLanguage, Latitude = latitude, Longitude = longitude, Address = Input.Address,
            CitizenUserId = Citizen?.Id, ContactName = Citizen?.FullName ?? Input.ContactName,
            ContactEmail = Citizen?.Email ?? Input.ContactEmail, ContactPhone = Input.ContactPhone ?? Citizen?.PhoneNumber,
            // the account is verified, and its e-mail once confirmed; what an anonymous visitor types is not
            Citizen = Citizen is null ? null : new CitizenIdentity
            {
                UserId = Citizen.Id, Name = Citizen.FullName, Email = Citizen.EmailConfirmed ? Citizen.Email : null,
            },
            Files = AttachmentIntake.FromForm(Input.Files),
            IdempotencyKey = string.IsNullOrWhiteSpace(Input.IdempotencyKey) ? null : "web:" + Input.IdempotencyKey,
        }, ct);

        if (result is SubmitComplaintResult.Invalid invalid)
        {
            foreach (var (field, code) in invalid.Errors) ModelState.AddModelError(FieldNames.OnForm(field), t[code]);
            return Page();
        }
        var filed = (SubmitComplaintResult.Filed)result;
        access.Remember(filed.Complaint.TrackingNumber);
        TempData[ReceiptModel.SecretCodeKey] = filed.SecretCode;
        return RedirectToPage("Receipt", new { number = filed.Complaint.TrackingNumber });
    }

    private double? Coordinate(string? text, string key)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        ModelState.AddModelError(key, t["complaint.location.invalid"]);
        return null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Themes = await choices.ThemesAsync(ct);
        Places = await choices.PlacesAsync(ct);
        Administrations = await choices.AdministrationsAsync(ct);
        if (User.Identity?.IsAuthenticated == true) Citizen = await users.GetUserAsync(User);
    }
}
