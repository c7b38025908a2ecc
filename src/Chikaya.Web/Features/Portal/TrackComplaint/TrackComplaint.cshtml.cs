using Chikaya.Domain.Complaints;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Portal.TrackComplaint;

/// <summary>Find a complaint by its number and the secret code or the e-mail address given when filing.</summary>
public sealed class TrackComplaintModel(CitizenAccess access, IStringLocalizer t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Number { get; set; }
        public string? SecretCode { get; set; }
        public string? Email { get; set; }
    }

    public void OnGet(string? number) => Input.Number = number;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (TrackingNumber.Normalize(Input.Number) is null)
            ModelState.AddModelError("Input.Number", t["track.number.invalid"]);
        if (string.IsNullOrWhiteSpace(Input.SecretCode) && string.IsNullOrWhiteSpace(Input.Email))
            ModelState.AddModelError("Input.SecretCode", t["track.proof.required"]);
        if (!ModelState.IsValid) return Page();

        var complaint = await access.ProveAsync(Input.Number, Input.SecretCode, Input.Email, ct);
        if (complaint is null)
        {
            // the same message whether the number exists or not: nothing to learn by guessing
            ModelState.AddModelError("", t["track.not-found"]);
            return Page();
        }
        access.Remember(complaint.TrackingNumber);
        return RedirectToPage("ComplaintStatus", new { number = complaint.TrackingNumber });
    }
}
