using Chikaya.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chikaya.Web.Features.BackOffice.MailOffice;

/// <summary>The administration's answer as a letter to print and post, for citizens who wrote on paper.</summary>
public sealed class AnswerLetterModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public Letter Letter { get; private set; } = null!;
    public DateTime TodayUtc => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        if (await Letter.LoadAsync(User, db, number, ct) is not { Complaint.AnswerText: not null } letter) return NotFound();
        Letter = letter;
        return Page();
    }
}
