using System.Security.Claims;
using System.Text.Json;
using Chikaya.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Portal.Account.Mine;

/// <summary>Law 09-08: a citizen downloads everything held about them, and may close their account.</summary>
public sealed class MyDataModel(AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock,
    IStringLocalizer t) : PageModel
{
    [BindProperty] public string? Confirm { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var complaints = await db.Complaints.AsNoTracking().Include(c => c.Events).Include(c => c.Attachments).AsSplitQuery()
            .Where(c => c.CitizenUserId == user.Id).ToListAsync(ct);
        var data = new
        {
            account = new { user.Email, user.FullName, user.PhoneNumber, user.PreferredLanguage, user.CreatedUtc },
            complaints = complaints.Select(c => new
            {
                c.TrackingNumber, kind = c.Kind.ToString(), channel = c.Channel.ToString(), status = c.Status.ToString(), c.Subject,
                c.Description, c.Address, c.Latitude, c.Longitude, c.ContactName, c.ContactEmail, c.ContactPhone, c.ReceivedUtc,
                c.AnswerText, c.SatisfactionScore, c.SatisfactionComment,
                history = c.PublicEvents.OrderBy(e => e.OccurredUtc).ThenBy(e => e.Id).Select(e => new { type = e.Type.ToString(), e.OccurredUtc, e.Text }),
                documents = c.Attachments.Where(a => a.IsPublic).Select(a => new { a.FileName, a.ContentType, a.SizeBytes, a.AddedUtc }),
            }),
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(data, new JsonSerializerOptions { WriteIndented = true });
        return File(json, "application/json", "chikaya-my-data.json");
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!string.Equals(Confirm?.Trim(), user.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Confirm), t["account.close.confirm-email"]);
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // the person's record goes too, with what they filed by phone or letter under it
        var records = await db.Citizens.Where(c => c.UserId == user.Id).ToListAsync(ct);
        var recordIds = records.Select(c => (Guid?)c.Id).ToList();
        var complaints = await db.Complaints.Include(c => c.Events).AsSplitQuery()
            .Where(c => c.CitizenUserId == user.Id || recordIds.Contains(c.CitizenId)).ToListAsync(ct);
        foreach (var complaint in complaints) complaint.ErasePersonalData(now);
        foreach (var record in records) record.Forget();
        await db.SaveChangesAsync(ct);
        await users.DeleteAsync(user);
        await signIn.SignOutAsync();
        return LocalRedirect("/?closed=1");
    }
}
