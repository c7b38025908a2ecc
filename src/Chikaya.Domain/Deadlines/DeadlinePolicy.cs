namespace Chikaya.Domain.Deadlines;

/// <summary>What sets a complaint's two due dates.</summary>
public interface IDeadlinePolicy
{
    DateTime DecisionDueUtc(DateTime receivedUtc);
    DateTime AnswerDueUtc(DateTime receivedUtc);
}

/// <summary>One override: for a theme, an administration, or both (cleanliness in 48 hours, say).</summary>
public sealed record DeadlineOverride(int? ThemeId, int? AdministrationId, DeadlineSpan? Decision, DeadlineSpan? Answer);

/// <summary>
/// The deadlines of a deployment: the decree's by default, overridden per theme and per
/// administration, the most specific override winning (administration and theme, then
/// administration, then theme).
/// </summary>
public sealed class DeadlineRules(DeadlineSpan decision, DeadlineSpan answer, IReadOnlyList<DeadlineOverride> overrides,
    BusinessCalendar calendar, TimeZoneInfo zone)
{
    public static readonly DeadlineRules Decree = new(DeadlineSpan.Days(LegalDeadlines.DecreeDecisionDays),
        DeadlineSpan.Days(LegalDeadlines.DecreeAnswerDays), [], BusinessCalendar.Morocco, TimeZoneInfo.Utc);

    public BusinessCalendar Calendar => calendar;
    public TimeZoneInfo Zone => zone;

    public IDeadlinePolicy For(int themeId, int administrationId)
    {
        var matches = overrides.Where(o => (o.ThemeId is null || o.ThemeId == themeId)
                                           && (o.AdministrationId is null || o.AdministrationId == administrationId)
                                           && (o.ThemeId is not null || o.AdministrationId is not null))
            .OrderByDescending(o => (o.AdministrationId is null ? 0 : 2) + (o.ThemeId is null ? 0 : 1)).ToList();
        var d = matches.Select(o => o.Decision).FirstOrDefault(s => s is not null) ?? decision;
        var a = matches.Select(o => o.Answer).FirstOrDefault(s => s is not null) ?? answer;
        return new Policy(d, a, calendar, zone);
    }

    private sealed record Policy(DeadlineSpan Decision, DeadlineSpan Answer, BusinessCalendar Calendar, TimeZoneInfo Zone)
        : IDeadlinePolicy
    {
        public DateTime DecisionDueUtc(DateTime receivedUtc) => Decision.AddTo(receivedUtc, Calendar, Zone);

        public DateTime AnswerDueUtc(DateTime receivedUtc) => Answer.AddTo(receivedUtc, Calendar, Zone);
    }
}
