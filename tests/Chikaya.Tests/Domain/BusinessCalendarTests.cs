using Chikaya.Domain.Deadlines;

namespace Chikaya.Tests.Domain;

public sealed class BusinessCalendarTests
{
    private static readonly TimeZoneInfo Casablanca = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");

    [Theory]
    [InlineData(2026, 1, 11)]
    [InlineData(2026, 1, 14)]
    [InlineData(2026, 7, 30)]
    [InlineData(2026, 11, 18)]
    public void Fixed_national_holidays_are_days_off(int year, int month, int day) =>
        Assert.True(BusinessCalendar.Morocco.IsHoliday(new DateOnly(year, month, day)));

    [Fact]
    public void Eid_al_Fitr_and_Eid_al_Adha_follow_the_Hijri_calendar()
    {
        // Um Al-Qura: 1 Shawwal 1447 = 20 March 2026, 10 Dhu al-Hijjah 1447 = 27 May 2026
        var holidays = BusinessCalendar.Morocco.HolidaysOf(2026);
        Assert.Contains((new DateOnly(2026, 3, 20), "holiday.eid-al-fitr"), holidays);
        Assert.Contains((new DateOnly(2026, 3, 21), "holiday.eid-al-fitr"), holidays);
        Assert.Contains((new DateOnly(2026, 5, 27), "holiday.eid-al-adha"), holidays);
    }

    [Fact]
    public void A_correction_moves_a_Hijri_year_s_feasts_to_the_sighted_moon()
    {
        var sighted = new BusinessCalendar(new Dictionary<int, int> { [1447] = 1 });
        Assert.False(sighted.IsHoliday(new DateOnly(2026, 3, 20)));
        Assert.True(sighted.IsHoliday(new DateOnly(2026, 3, 22)));
    }

    [Fact]
    public void Working_days_skip_weekends_and_holidays()
    {
        // Thursday 29 July 2027 + 2 working days: Friday 30 July is Throne Day, so Tuesday 3 August
        Assert.Equal(new DateOnly(2027, 8, 3), BusinessCalendar.Morocco.AddWorkingDays(new DateOnly(2027, 7, 29), 2));
        Assert.Equal(new DateOnly(2026, 11, 30), BusinessCalendar.Morocco.AddWorkingDays(new DateOnly(2026, 11, 27), 1));
        Assert.False(BusinessCalendar.Morocco.IsWorkingDay(new DateOnly(2026, 11, 28)));
    }

    [Fact]
    public void An_announced_day_off_counts_as_a_holiday()
    {
        var calendar = new BusinessCalendar(extraHolidays: [new DateOnly(2026, 12, 1)]);
        Assert.Equal(new DateOnly(2026, 12, 2), calendar.AddWorkingDays(new DateOnly(2026, 11, 30), 1));
    }

    [Theory]
    [InlineData("48h", 48, DeadlineUnit.Hours)]
    [InlineData("15d", 15, DeadlineUnit.CalendarDays)]
    [InlineData("10wd", 10, DeadlineUnit.WorkingDays)]
    public void Deadlines_are_written_48h_15d_or_10wd(string text, int value, DeadlineUnit unit) =>
        Assert.Equal(new DeadlineSpan(value, unit), DeadlineSpan.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("15")]
    [InlineData("0d")]
    [InlineData("-3d")]
    [InlineData("2w")]
    public void Anything_else_is_not_a_deadline(string text) => Assert.False(DeadlineSpan.TryParse(text, out _));

    [Fact]
    public void Working_days_are_counted_on_Moroccan_dates_keeping_the_time_of_day()
    {
        // Friday 27 November 2026, 16:00 in Casablanca (UTC+1)
        var received = new DateTime(2026, 11, 27, 15, 0, 0, DateTimeKind.Utc);
        var due = new DeadlineSpan(2, DeadlineUnit.WorkingDays).AddTo(received, BusinessCalendar.Morocco, Casablanca);
        Assert.Equal(new DateTime(2026, 12, 1, 15, 0, 0, DateTimeKind.Utc), due);
    }

    [Fact]
    public void The_most_specific_override_wins()
    {
        DeadlineOverride[] overrides =
        [
            new(ThemeId: 1, AdministrationId: null, Decision: DeadlineSpan.Parse("24h"), Answer: DeadlineSpan.Parse("48h")),
            new(ThemeId: null, AdministrationId: 7, Decision: null, Answer: DeadlineSpan.Parse("30d")),
            new(ThemeId: 1, AdministrationId: 7, Decision: null, Answer: DeadlineSpan.Parse("72h")),
        ];
        var rules = new DeadlineRules(DeadlineSpan.Days(15), DeadlineSpan.Days(60), overrides, BusinessCalendar.Morocco, TimeZoneInfo.Utc);
        var t = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

        Assert.Equal(t.AddHours(48), rules.For(themeId: 1, administrationId: 3).AnswerDueUtc(t));
        Assert.Equal(t.AddHours(24), rules.For(themeId: 1, administrationId: 3).DecisionDueUtc(t));
        Assert.Equal(t.AddDays(30), rules.For(themeId: 2, administrationId: 7).AnswerDueUtc(t));
        Assert.Equal(t.AddHours(72), rules.For(themeId: 1, administrationId: 7).AnswerDueUtc(t));
        Assert.Equal(t.AddHours(24), rules.For(themeId: 1, administrationId: 7).DecisionDueUtc(t));
        Assert.Equal(t.AddDays(60), rules.For(themeId: 2, administrationId: 3).AnswerDueUtc(t));
    }
}
