using Chikaya.Domain.Deadlines;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Features.Deadlines;

/// <summary>The deployment's deadline rules, with the overrides' theme and administration codes resolved once.</summary>
public sealed class DeadlineRulesProvider(IOptions<DeadlineOptions> options, ILogger<DeadlineRulesProvider> logger)
{
    private DeadlineRules? _rules;

    public DeadlineOptions Options => options.Value;

    public async Task<DeadlineRules> GetAsync(AppDbContext db, CancellationToken ct)
    {
        if (_rules is { } known) return known;
        var o = options.Value;
        var themes = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Id, ct);
        var administrations = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        var overrides = new List<DeadlineOverride>();
        foreach (var entry in o.Overrides)
        {
            int? theme = entry.Theme is { } t ? themes.TryGetValue(t, out var id) ? id : -1 : null;
            int? administration = entry.Administration is { } a ? administrations.TryGetValue(a, out var aid) ? aid : -1 : null;
            if (theme == -1 || administration == -1)
            {
                logger.LogWarning("Deadline override for {Theme}/{Administration} names an unknown code: ignored", entry.Theme, entry.Administration);
                continue;
            }
            overrides.Add(new DeadlineOverride(theme, administration,
                entry.Decision is { } d ? DeadlineSpan.Parse(d) : null, entry.Answer is { } an ? DeadlineSpan.Parse(an) : null));
        }
        return _rules = new DeadlineRules(o.DecisionSpan, o.AnswerSpan, overrides, o.Calendar(), Display.Morocco);
    }
}
