using Chikaya.Domain.Administrations;
using Chikaya.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Admin.Administrations;

public sealed class AdministrationsModel(AppDbContext db) : PageModel
{
    public List<Administration> Administrations { get; private set; } = [];
    public Dictionary<int, string> Names { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Administrations = await db.Administrations.AsNoTracking().OrderBy(a => a.Kind).ThenBy(a => a.NameFr).ToListAsync(ct);
        Names = Administrations.ToDictionary(a => a.Id, a => Shared.Display.Name(a.Name));
    }
}
