using System.Globalization;
using System.Text.RegularExpressions;

namespace Chikaya.Domain.Deadlines;

public enum DeadlineUnit
{
    Hours = 0,
    CalendarDays = 1,
    WorkingDays = 2,
}

/// <summary>A length of time to act: "48h", "15d" (calendar days) or "10wd" (working days).</summary>
public readonly partial record struct DeadlineSpan(int Value, DeadlineUnit Unit)
{
    public static DeadlineSpan Days(int days) => new(days, DeadlineUnit.CalendarDays);

    public static DeadlineSpan Parse(string text) =>
        TryParse(text, out var span) ? span : throw new FormatException($"'{text}' is not a deadline such as 48h, 15d or 10wd.");

    public static bool TryParse(string? text, out DeadlineSpan span)
    {
        span = default;
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value is < 1 or > 3650) return false;
        span = new DeadlineSpan(value, match.Groups[2].Value switch { "h" => DeadlineUnit.Hours, "wd" => DeadlineUnit.WorkingDays, _ => DeadlineUnit.CalendarDays });
        return true;
    }

    /// <summary>The due instant. Working days are counted on Moroccan dates, keeping the time of day.</summary>
    public DateTime AddTo(DateTime startUtc, BusinessCalendar calendar, TimeZoneInfo zone)
    {
        switch (Unit)
        {
            case DeadlineUnit.Hours: return startUtc.AddHours(Value);
            case DeadlineUnit.CalendarDays: return startUtc.AddDays(Value);
        }
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), zone);
        var due = calendar.AddWorkingDays(DateOnly.FromDateTime(local), Value).ToDateTime(TimeOnly.FromDateTime(local));
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(due, DateTimeKind.Unspecified), zone);
    }

    public override string ToString() =>
        Value.ToString(CultureInfo.InvariantCulture) + Unit switch { DeadlineUnit.Hours => "h", DeadlineUnit.WorkingDays => "wd", _ => "d" };

    [GeneratedRegex("^([0-9]{1,4})(h|d|wd)$")]
    private static partial Regex Pattern();
}
