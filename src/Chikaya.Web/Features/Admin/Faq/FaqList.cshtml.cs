using Chikaya.Web.Data;
using Chikaya.Web.Features.Portal.Faq;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Admin.Faq;

public sealed class FaqListModel(AppDbContext db) : PageModel
{
    public List<FaqEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Entries = await db.FaqEntries.AsNoTracking().OrderBy(f => f.SortOrder).ThenBy(f => f.Id).ToListAsync(ct);

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        await db.FaqEntries.Where(f => f.Id == id).ExecuteDeleteAsync(ct);
        return RedirectToPage();
    }
}
