using System.Security.Claims;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Portal.SubmitComplaint;
using Chikaya.Web.Features.Shared;
using Chikaya.Web.Infrastructure.Localization;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.CallCentre;

/// <summary>The agent files the caller's complaint through the one filing use case, channel "call centre".</summary>
public sealed class FileForCallerModel(SubmitComplaintHandler handler, FormChoices choices, AppDbContext db, IStringLocalizer t) : PageModel
{
    [BindProperty] public AssistedFilingInput Input { get; set; } = new();

    public async Task OnGetAsync(Guid? citizen, CancellationToken ct)
    {
        if (citizen is { } id && await db.Citizens.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } known)
            Input = new AssistedFilingInput { ContactName = known.Name, ContactPhone = known.Phone, ContactEmail = known.Email, Cin = known.Cin };
        await choices.LoadAsync(ViewData, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await choices.LoadAsync(ViewData, ct);
        if (!Input.Check(ModelState, t)) return Page();
        var agent = Actor.Staff(User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.FindFirstValue(ChikayaClaims.FullName) ?? "");
        var result = await handler.HandleAsync(Input.ToCommand(Channel.CallCentre, agent, LocalizationSetup.CurrentLanguage), ct);
        if (result is SubmitComplaintResult.Invalid invalid)
        {
            Input.ShowErrors(invalid, ModelState, t);
            return Page();
        }
        var filed = (SubmitComplaintResult.Filed)result;
        TempData[ReceiptModel.SecretCodeKey] = filed.SecretCode;
        return RedirectToPage("ReadStatus", new { number = filed.Complaint.TrackingNumber });
    }
}
