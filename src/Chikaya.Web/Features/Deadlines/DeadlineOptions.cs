using Chikaya.Domain.Deadlines;
using Chikaya.Domain.Escalation;

namespace Chikaya.Web.Features.Deadlines;

/// <summary>
/// <c>Chikaya:Deadlines</c>: the decree's 15 and 60 days by default; spans are written "15d"
/// (calendar days), "10wd" (working days) or "48h".
/// </summary>
public sealed class DeadlineOptions
{
    public const string Section = "Chikaya:Deadlines";

    public int DecisionDays { get; set; } = LegalDeadlines.DecreeDecisionDays;
    public int AnswerDays { get; set; } = LegalDeadlines.DecreeAnswerDays;

    /// <summary>Replaces <see cref="DecisionDays"/> when set, to count working days or hours.</summary>
    public string? Decision { get; set; }

    public string? Answer { get; set; }

    /// <summary>Per theme and per administration, by their codes.</summary>
    public List<DeadlineOverrideOptions> Overrides { get; set; } = [];

    /// <summary>Stops the answer clock while the citizen is asked for information (the decree's clock runs by default).</summary>
    public bool PauseWhileAwaitingInformation { get; set; }

    /// <summary>Hijri year to days added to Um Al-Qura's dates, from the official moon sighting: { "1447": 1 }.</summary>
    public Dictionary<string, int> HijriCorrections { get; set; } = [];

    /// <summary>Extra days off announced during the year.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    public List<int> WarningDaysBefore { get; set; } = [];
    public int ParentAfterDays { get; set; } = 7;
    public int AutoCloseAfterDays { get; set; } = 15;
    public int ReopenWindowDays { get; set; } = 30;

    public DeadlineSpan DecisionSpan => Decision is { } d ? DeadlineSpan.Parse(d) : DeadlineSpan.Days(DecisionDays);
    public DeadlineSpan AnswerSpan => Answer is { } a ? DeadlineSpan.Parse(a) : DeadlineSpan.Days(AnswerDays);

    public EscalationSettings Escalation => new(WarningDaysBefore.Count > 0 ? WarningDaysBefore : [7, 2], ParentAfterDays);

    public BusinessCalendar Calendar() => new(
        HijriCorrections.Where(c => int.TryParse(c.Key, out _)).ToDictionary(c => int.Parse(c.Key, System.Globalization.CultureInfo.InvariantCulture), c => c.Value),
        Holidays);

    public bool IsValid() =>
        (Decision is null || DeadlineSpan.TryParse(Decision, out _)) && (Answer is null || DeadlineSpan.TryParse(Answer, out _))
        && DecisionDays >= 1 && AnswerDays >= DecisionDays
        && Overrides.All(o => (o.Theme is not null || o.Administration is not null)
                              && (o.Decision is null || DeadlineSpan.TryParse(o.Decision, out _))
                              && (o.Answer is null || DeadlineSpan.TryParse(o.Answer, out _)))
        && HijriCorrections.All(c => int.TryParse(c.Key, out _) && c.Value is >= -3 and <= 3)
        && WarningDaysBefore.All(d => d >= 1) && ParentAfterDays >= 0 && AutoCloseAfterDays >= 1 && ReopenWindowDays >= 1;
}

public sealed class DeadlineOverrideOptions
{
    public string? Theme { get; set; }
    public string? Administration { get; set; }
    public string? Decision { get; set; }
    public string? Answer { get; set; }
}
