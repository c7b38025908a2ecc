using Chikaya.Web.Data;
using Chikaya.Web.Features.Portal.Faq;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Admin.Faq;

public sealed class EditFaqModel(AppDbContext db, TimeProvider clock, IStringLocalizer t) : PageModel
{
    [BindProperty] public FaqEntry Input { get; set; } = new();
    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (AdminForms.ParseId(id) is not { } parsed) return NotFound();
        IsNew = parsed.Value is null;
        if (parsed.Value is { } existing) Input = await db.FaqEntries.FindAsync([existing], ct) ?? Input;
        return IsNew || Input.Id != 0 ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (AdminForms.ParseId(id) is not { } parsed) return NotFound();
        IsNew = parsed.Value is null;
        var entry = parsed.Value is { } existing ? await db.FaqEntries.FindAsync([existing], ct) : new FaqEntry();
        if (entry is null) return NotFound();
        foreach (var (key, value) in new[] { ("Input.QuestionFr", Input.QuestionFr), ("Input.QuestionAr", Input.QuestionAr) })
            AdminForms.RequireName(ModelState, t, key, value, 500);
        foreach (var (key, value) in new[] { ("Input.AnswerFr", Input.AnswerFr), ("Input.AnswerAr", Input.AnswerAr) })
            if (string.IsNullOrWhiteSpace(value) || value.Length > 8000) ModelState.AddModelError(key, t["admin.faq.answer-required"]);
        if (!ModelState.IsValid) return Page();
        (entry.QuestionFr, entry.QuestionAr) = (Input.QuestionFr.Trim(), Input.QuestionAr.Trim());
        (entry.AnswerFr, entry.AnswerAr) = (Input.AnswerFr.Trim(), Input.AnswerAr.Trim());
        (entry.SortOrder, entry.IsPublished, entry.UpdatedUtc) = (Input.SortOrder, Input.IsPublished, clock.GetUtcNow().UtcDateTime);
        if (IsNew) db.FaqEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("FaqList");
    }
}
