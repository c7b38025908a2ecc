using System.Security.Cryptography;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Chat;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Portal.Chat;

/// <summary>The portal's chat: the same conversation as on WhatsApp, in a page that needs no script.</summary>
public sealed class ChatModel(AppDbContext db, ChatEngine engine) : PageModel
{
    public const string Platform = ChatEngine.WebPlatform;
    private const string Cookie = "chikaya-chat";

    [BindProperty] public string? Text { get; set; }
    public IReadOnlyList<string> Transcript { get; private set; } = [];

    /// <summary>The reply that carries the secret code, shown once after the filing: the transcript keeps it masked.</summary>
    public string? Filed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filed = TempData[nameof(Filed)] as string;
        if (Request.Cookies[Cookie] is { Length: 32 } id)
            Transcript = await db.ChatConversations.AsNoTracking().Where(c => c.Platform == Platform && c.UserId == id)
                .Select(c => c.Transcript).FirstOrDefaultAsync(ct) ?? [];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Text) || Text.Length > 2000) return RedirectToPage();
        var id = Request.Cookies[Cookie] is { Length: 32 } known ? known : Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        Response.Cookies.Append(Cookie, id, new CookieOptions
        {
            HttpOnly = true, Secure = Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(7), IsEssential = true,
        });
        var replies = await engine.HandleAsync(new ChatMessage(Platform, id, Text), Channel.Chat, ct);
        if (engine.FiledReply(replies) is { } filed) TempData[nameof(Filed)] = filed;
        return RedirectToPage();
    }
}
