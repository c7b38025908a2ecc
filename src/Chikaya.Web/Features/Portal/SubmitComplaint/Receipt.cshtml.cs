using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Portal.TrackComplaint;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Portal.SubmitComplaint;

/// <summary>The receipt: tracking number, and the secret code shown this once.</summary>
public sealed class ReceiptModel(CitizenAccess access, AppDbContext db) : PageModel
{
    public const string SecretCodeKey = "SecretCode";

    public Complaint Complaint { get; private set; } = null!;
    public string? SecretCode { get; private set; }
    public string AdministrationName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        var complaint = await access.FindAsync(number, tracking: false, ct);
        if (complaint is null) return NotFound();
        Complaint = complaint;
        SecretCode = TempData[SecretCodeKey] as string;
        var administration = await db.Administrations.AsNoTracking().FirstAsync(a => a.Id == complaint.AdministrationId, ct);
        AdministrationName = Shared.Display.Name(administration.Name);
        return Page();
    }
}
