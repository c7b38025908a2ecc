using Chikaya.Web.Data;
using Chikaya.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Portal.Faq;

public sealed class FaqModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public List<(int Id, string Question, string Answer)> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var arabic = LocalizationSetup.CurrentLanguage == "ar";
        var entries = db.FaqEntries.AsNoTracking().Where(f => f.IsPublished);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var words = Q.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8).ToList();
            foreach (var word in words)
                entries = arabic
                    ? entries.Where(f => f.QuestionAr.Contains(word) || f.AnswerAr.Contains(word))
                    : entries.Where(f => f.QuestionFr.ToLower().Contains(word.ToLower()) || f.AnswerFr.ToLower().Contains(word.ToLower()));
        }
        Entries = (await entries.OrderBy(f => f.SortOrder).ThenBy(f => f.Id).ToListAsync(ct))
            .Select(f => arabic ? (f.Id, f.QuestionAr, f.AnswerAr) : (f.Id, f.QuestionFr, f.AnswerFr)).ToList();
    }
}
