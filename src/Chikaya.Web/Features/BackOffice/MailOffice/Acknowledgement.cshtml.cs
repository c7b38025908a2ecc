using Chikaya.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chikaya.Web.Features.BackOffice.MailOffice;

/// <summary>The acknowledgement posted back to the sender of a letter, printed from this page.</summary>
public sealed class AcknowledgementModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const string SecretCodeKey = "LetterSecretCode";

    public Letter Letter { get; private set; } = null!;
    public string? SecretCode { get; private set; }
    public DateTime TodayUtc => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        if (await Letter.LoadAsync(User, db, number, ct) is not { } letter) return NotFound();
        Letter = letter;
        // kept for a reprint until the clerk registers the next letter, and shown with its own letter only
        SecretCode = TempData.Peek(SecretCodeKey) is string kept && kept.StartsWith(letter.Complaint.TrackingNumber + ":", StringComparison.Ordinal)
            ? kept[(letter.Complaint.TrackingNumber.Length + 1)..]
            : null;
        return Page();
    }
}
