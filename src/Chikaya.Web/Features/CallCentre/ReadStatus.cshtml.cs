using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Portal.SubmitComplaint;
using Chikaya.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.CallCentre;

/// <summary>Status and deadlines of a complaint from its tracking number, to read aloud; no personal data on it.</summary>
public sealed class ReadStatusModel(AppDbContext db, TimeProvider clock, IStringLocalizer t) : PageModel
{
    public string Number { get; private set; } = "";
    public List<string> Sentences { get; private set; } = [];
    public string? SecretCode { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        var canonical = TrackingNumber.Normalize(number);
        var complaint = canonical is null ? null : await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.TrackingNumber == canonical, ct);
        if (complaint is null) return NotFound();
        var administration = await db.Administrations.AsNoTracking().FirstAsync(a => a.Id == complaint.AdministrationId, ct);
        Number = complaint.TrackingNumber;
        Sentences = StatusSentences.For(complaint, Display.Name(administration.Name), clock.GetUtcNow().UtcDateTime, t).ToList();
        SecretCode = TempData[ReceiptModel.SecretCodeKey] as string;
        return Page();
    }
}
