using System.Security.Claims;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Portal.TrackComplaint;

/// <summary>
/// A citizen sees a complaint when they prove it is theirs: the secret code of the receipt, the e-mail
/// address given when filing, or the account that filed it. Proven numbers are remembered in an
/// encrypted cookie for the rest of the visit.
/// </summary>
public sealed class CitizenAccess(AppDbContext db, IDataProtectionProvider protection, IHttpContextAccessor accessor)
{
    private const string CookieName = "chikaya.tracked";
    private const int MaxRemembered = 20;
    private readonly IDataProtector _protector = protection.CreateProtector("Chikaya.Tracked");

    public async Task<Complaint?> ProveAsync(string? number, string? secretCode, string? email, CancellationToken ct)
    {
        var canonical = TrackingNumber.Normalize(number);
        if (canonical is null || (string.IsNullOrWhiteSpace(secretCode) && string.IsNullOrWhiteSpace(email))) return null;
        await db.Database.OpenConnectionAsync(ct);
        var complaint = await db.Complaints.AsNoTracking().Include(c => c.Events).Include(c => c.Attachments)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.TrackingNumber == canonical, ct);
        if (complaint is null) return null;
        var proven = (!string.IsNullOrWhiteSpace(secretCode) && complaint.OwnsSecretCode(secretCode))
                     || (!string.IsNullOrWhiteSpace(email) && complaint.HasContactEmail(email));
        return proven ? complaint : null;
    }

    /// <summary>The complaint, with its history, if this visitor has proven it is theirs; otherwise null.</summary>
    public async Task<Complaint?> FindAsync(string number, bool tracking, CancellationToken ct)
    {
        var canonical = TrackingNumber.Normalize(number);
        if (canonical is null) return null;
        var query = db.Complaints.Include(c => c.Events).Include(c => c.Attachments).AsSplitQuery();
        var complaint = await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(c => c.TrackingNumber == canonical, ct);
        if (complaint is null) return null;
        var userId = accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var owns = (userId is not null && (complaint.CitizenUserId == userId || await IsOnAccountRecordAsync(complaint, userId, ct)))
                   || Remembered().Contains(canonical);
        return owns ? complaint : null;
    }

    /// <summary>Filed by phone or letter under the record the account is linked to: the same person's.</summary>
    private Task<bool> IsOnAccountRecordAsync(Complaint complaint, string userId, CancellationToken ct) =>
        complaint.CitizenId is { } id ? db.Citizens.AnyAsync(c => c.Id == id && c.UserId == userId, ct) : Task.FromResult(false);

    public void Remember(string trackingNumber)
    {
        var numbers = Remembered().Where(n => n != trackingNumber).Prepend(trackingNumber).Take(MaxRemembered);
        accessor.HttpContext!.Response.Cookies.Append(CookieName, _protector.Protect(string.Join(',', numbers)),
            new CookieOptions { HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = accessor.HttpContext.Request.IsHttps });
    }

    private IReadOnlyList<string> Remembered()
    {
        var raw = accessor.HttpContext?.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(raw)) return [];
        try { return _protector.Unprotect(raw).Split(',', StringSplitOptions.RemoveEmptyEntries); }
        catch (System.Security.Cryptography.CryptographicException) { return []; }
    }
}
