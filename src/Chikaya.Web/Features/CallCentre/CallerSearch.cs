using Chikaya.Domain.Citizens;
using Chikaya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.CallCentre;

public sealed record CallerRow(Guid Id, string? Name, string? Phone, string? Email, string? Cin, int Complaints);

/// <summary>Finds a caller by what they can tell: phone, e-mail, identity card number, or part of the name.</summary>
public static class CallerSearch
{
    public const int MinNameLength = 3;

    public static async Task<List<CallerRow>> FindAsync(AppDbContext db, string query, CancellationToken ct)
    {
        var email = ContactRules.NormalizeEmail(query);
        var phone = ContactRules.NormalizePhone(query);
        var cin = ContactRules.NormalizeCin(query);
        var name = query.Trim().ToLowerInvariant();
        var matches = email is not null ? db.Citizens.Where(c => c.Email == email)
            : phone is not null ? db.Citizens.Where(c => c.Phone == phone)
            : cin is not null ? db.Citizens.Where(c => c.Cin == cin)
            : name.Length >= MinNameLength ? db.Citizens.Where(c => c.Name != null && c.Name.ToLower().Contains(name))
            : db.Citizens.Where(c => false);
        // a merged record leads to the one it was merged into
        var ids = await matches.Select(c => c.MergedIntoId ?? c.Id).Distinct().OrderBy(id => id).Take(50).ToListAsync(ct);
        return await db.Citizens.AsNoTracking().Where(c => ids.Contains(c.Id) && c.MergedIntoId == null)
            .OrderBy(c => c.Name)
            .Select(c => new CallerRow(c.Id, c.Name, c.Phone, c.Email, c.Cin, db.Complaints.Count(x => x.CitizenId == c.Id)))
            .ToListAsync(ct);
    }
}
