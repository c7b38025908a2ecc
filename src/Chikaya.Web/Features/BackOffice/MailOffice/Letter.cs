using System.Security.Claims;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Shared;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.BackOffice.MailOffice;

/// <summary>What a letter to post to the citizen needs: the complaint, and the administration that signs.</summary>
public sealed record Letter(Complaint Complaint, string Administration)
{
    /// <summary>Null unless the reader may see the complaint with its personal data: a letter carries the address.</summary>
    public static async Task<Letter?> LoadAsync(ClaimsPrincipal user, AppDbContext db, string number, CancellationToken ct)
    {
        if (await StaffScope.ForAsync(user, db, ct) is not { SeesPersonalData: true } scope) return null;
        var complaint = await scope.Filter(db.Complaints.AsNoTracking()).FirstOrDefaultAsync(c => c.TrackingNumber == number, ct);
        if (complaint is null) return null;
        var administration = await db.Administrations.AsNoTracking().FirstAsync(a => a.Id == complaint.AdministrationId, ct);
        return new Letter(complaint, Display.Name(administration.Name));
    }
}
