using Chikaya.Domain.Themes;
using Chikaya.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Admin.Themes;

public sealed class ThemesModel(AppDbContext db) : PageModel
{
    public List<Theme> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Themes = await db.Themes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
}
