using Chikaya.Web.Data;
using Chikaya.Web.Features.Partners;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Admin.Partners;

public sealed class PartnersModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Name, string KeyHint, PartnerPermissions Permissions, int RequestsPerMinute, bool Revoked,
        int Uses, int FailedDeliveries);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        Rows = await db.Partners.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new Row(p.Id, p.Name, p.KeyHint, p.Permissions, p.RequestsPerMinute, p.RevokedUtc != null,
                db.PartnerUses.Count(u => u.PartnerId == p.Id && u.AtUtc >= since),
                db.WebhookDeliveries.Count(d => d.PartnerId == p.Id && d.DeliveredUtc == null && d.Attempts > 0)))
            .ToListAsync(ct);
    }
}
