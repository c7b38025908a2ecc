using Chikaya.Web.Data;
using Chikaya.Web.Features.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Admin.Templates;

public sealed class EditTemplateModel(AppDbContext db, TimeProvider clock, IStringLocalizer t) : PageModel
{
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Body { get; set; }
    public string Key { get; private set; } = "";
    public string Language { get; private set; } = "fr";

    public async Task<IActionResult> OnGetAsync(string key, string language, CancellationToken ct)
    {
        if (!Known(key, language)) return NotFound();
        (Subject, Body) = await NotificationComposer.TemplateAsync(db, key, language, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, string language, CancellationToken ct)
    {
        if (!Known(key, language)) return NotFound();
        AdminForms.RequireName(ModelState, t, nameof(Subject), Subject, 300);
        if (string.IsNullOrWhiteSpace(Body) || Body.Length > 8000) ModelState.AddModelError(nameof(Body), t["admin.template.body-required"]);
        if (!ModelState.IsValid) return Page();
        var template = await db.MessageTemplates.FirstOrDefaultAsync(x => x.Key == key && x.Language == language, ct);
        if (template is null) db.MessageTemplates.Add(template = new MessageTemplate { Key = key, Language = language });
        template.Subject = Subject!.Trim();
        template.Body = Body!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        template.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return RedirectToPage("Templates");
    }

    private bool Known(string key, string language)
    {
        Key = key;
        Language = language;
        return DefaultTemplates.Keys.Contains(key) && language is "fr" or "ar";
    }
}
