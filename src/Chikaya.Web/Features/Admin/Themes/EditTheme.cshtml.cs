using Chikaya.Domain.Themes;
using Chikaya.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Admin.Themes;

public sealed class EditThemeModel(AppDbContext db, IStringLocalizer t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool IsNew { get; private set; }

    public sealed class InputModel
    {
        public string? Code { get; set; }
        public string? NameFr { get; set; }
        public string? NameAr { get; set; }
        public int SortOrder { get; set; } = 100;
        public bool IsActive { get; set; } = true;
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadOrNotFoundAsync(id, ct, GetAsync);

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct) => await LoadOrNotFoundAsync(id, ct, PostAsync);

    private async Task<IActionResult> LoadOrNotFoundAsync(string id, CancellationToken ct, Func<int?, CancellationToken, Task<IActionResult>> next) =>
        AdminForms.ParseId(id) is { } parsed ? await next(parsed.Value, ct) : NotFound();

    private async Task<IActionResult> GetAsync(int? id, CancellationToken ct)
    {
        IsNew = id is null;
        if (id is null) return Page();
        var theme = await db.Themes.FindAsync([id], ct);
        if (theme is null) return NotFound();
        Input = new InputModel { Code = theme.Code, NameFr = theme.NameFr, NameAr = theme.NameAr, SortOrder = theme.SortOrder, IsActive = theme.IsActive };
        return Page();
    }

    private async Task<IActionResult> PostAsync(int? id, CancellationToken ct)
    {
        IsNew = id is null;
        var theme = id is null ? null : await db.Themes.FindAsync([id], ct);
        if (id is not null && theme is null) return NotFound();
        AdminForms.RequireName(ModelState, t, "Input.NameFr", Input.NameFr, 150);
        AdminForms.RequireName(ModelState, t, "Input.NameAr", Input.NameAr, 150);
        if (theme is null)
        {
            if (!AdminForms.IsCode(Input.Code)) ModelState.AddModelError("Input.Code", t["admin.code.invalid"]);
            else if (await db.Themes.AnyAsync(x => x.Code == Input.Code, ct)) ModelState.AddModelError("Input.Code", t["admin.code.taken"]);
        }
        if (!ModelState.IsValid) return Page();

        if (theme is null) db.Themes.Add(theme = new Theme(Input.Code!, Input.NameFr!.Trim(), Input.NameAr!.Trim(), Input.SortOrder));
        theme.Update(Input.NameFr!, Input.NameAr!, Input.SortOrder, Input.IsActive);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("Themes");
    }
}
