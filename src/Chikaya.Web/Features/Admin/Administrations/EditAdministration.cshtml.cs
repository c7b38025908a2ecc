using Chikaya.Domain.Administrations;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Admin.Administrations;

public sealed class EditAdministrationModel(AppDbContext db, IStringLocalizer t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool IsNew { get; private set; }
    public List<(int Id, string Name)> Parents { get; private set; } = [];
    public List<(int Id, string Name)> Territories { get; private set; } = [];
    public List<(int Id, string Name)> Themes { get; private set; } = [];

    public sealed class InputModel
    {
        public string? Code { get; set; }
        public AdministrationKind Kind { get; set; } = AdministrationKind.Commune;
        public string? NameFr { get; set; }
        public string? NameAr { get; set; }
        public int? ParentId { get; set; }
        public int? TerritoryId { get; set; }
        public List<int> ThemeIds { get; set; } = [];
        public bool IsActive { get; set; } = true;
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadOrNotFoundAsync(id, ct, GetAsync);

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct) => await LoadOrNotFoundAsync(id, ct, PostAsync);

    private async Task<IActionResult> LoadOrNotFoundAsync(string id, CancellationToken ct, Func<int?, CancellationToken, Task<IActionResult>> next) =>
        AdminForms.ParseId(id) is { } parsed ? await next(parsed.Value, ct) : NotFound();

    private async Task<IActionResult> GetAsync(int? id, CancellationToken ct)
    {
        IsNew = id is null;
        if (id is not null)
        {
            var a = await db.Administrations.FindAsync([id], ct);
            if (a is null) return NotFound();
            Input = new InputModel { Code = a.Code, Kind = a.Kind, NameFr = a.NameFr, NameAr = a.NameAr, ParentId = a.ParentId,
                TerritoryId = a.TerritoryId, ThemeIds = a.ThemeIds.ToList(), IsActive = a.IsActive };
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<IActionResult> PostAsync(int? id, CancellationToken ct)
    {
        IsNew = id is null;
        var existing = id is null ? null : await db.Administrations.FindAsync([id], ct);
        if (id is not null && existing is null) return NotFound();
        AdminForms.RequireName(ModelState, t, "Input.NameFr", Input.NameFr, 200);
        AdminForms.RequireName(ModelState, t, "Input.NameAr", Input.NameAr, 200);
        if (!Enum.IsDefined(Input.Kind)) ModelState.AddModelError("Input.Kind", t["admin.kind.invalid"]);
        if (existing is null)
        {
            if (!AdminForms.IsCode(Input.Code)) ModelState.AddModelError("Input.Code", t["admin.code.invalid"]);
            else if (await db.Administrations.AnyAsync(a => a.Code == Input.Code, ct)) ModelState.AddModelError("Input.Code", t["admin.code.taken"]);
        }
        if (Input.ParentId is { } parent)
        {
            var all = await db.Administrations.Select(a => new { a.Id, a.ParentId }).ToListAsync(ct);
            if (all.All(a => a.Id != parent)) ModelState.AddModelError("Input.ParentId", t["admin.parent.unknown"]);
            else if (existing is not null && new AdministrationHierarchy(all.Select(a => (a.Id, a.ParentId))).WouldCreateCycle(existing.Id, parent))
                ModelState.AddModelError("Input.ParentId", t["admin.parent.cycle"]);
        }
        if (Input.TerritoryId is { } territory && !await db.Territories.AnyAsync(x => x.Id == territory, ct))
            ModelState.AddModelError("Input.TerritoryId", t["complaint.territory.unknown"]);
        var knownThemes = await db.Themes.Select(x => x.Id).ToListAsync(ct);
        var themes = Input.ThemeIds.Where(knownThemes.Contains).ToList();
        if (!ModelState.IsValid) { await LoadAsync(id, ct); return Page(); }

        if (existing is null)
            db.Administrations.Add(new Administration(Input.Code!, Input.Kind, Input.NameFr!, Input.NameAr!, Input.ParentId, Input.TerritoryId, themes));
        else
            existing.Update(Input.NameFr!, Input.NameAr!, Input.ParentId, Input.TerritoryId, themes, Input.IsActive);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("Administrations");
    }

    private async Task LoadAsync(int? id, CancellationToken ct)
    {
        Parents = (await db.Administrations.AsNoTracking().Where(a => a.Id != id).ToListAsync(ct))
            .Select(a => (a.Id, Display.Name(a.Name))).OrderBy(a => a.Item2).ToList();
        Territories = (await db.Territories.AsNoTracking().ToListAsync(ct))
            .Select(x => (x.Id, Display.Name(x.Name))).OrderBy(x => x.Item2).ToList();
        Themes = (await db.Themes.AsNoTracking().OrderBy(x => x.SortOrder).ToListAsync(ct)).Select(x => (x.Id, Display.Name(x.Name))).ToList();
    }
}
