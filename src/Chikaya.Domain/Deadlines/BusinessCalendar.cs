using System.Globalization;

namespace Chikaya.Domain.Deadlines;

/// <summary>
/// Morocco's working days: Monday to Friday, except public holidays. The fixed holidays follow the
/// Gregorian calendar; the religious ones follow the Hijri calendar, computed with Um Al-Qura and
/// moved by a per-year correction, since the official dates follow the sighting of the moon.
/// </summary>
public sealed class BusinessCalendar
{
    private static readonly UmAlQuraCalendar Hijri = new();

    private static readonly (int Month, int Day, string Key)[] Fixed =
    [
        (1, 1, "holiday.new-year"),
        (1, 11, "holiday.independence-manifesto"),
        (1, 14, "holiday.amazigh-new-year"),
        (5, 1, "holiday.labour-day"),
        (7, 30, "holiday.throne-day"),
        (8, 14, "holiday.oued-ed-dahab"),
        (8, 20, "holiday.revolution-of-king-and-people"),
        (8, 21, "holiday.youth-day"),
        (11, 6, "holiday.green-march"),
        (11, 18, "holiday.independence-day"),
    ];

    private static readonly (int Month, int Day, int Days, string Key)[] Religious =
    [
        (1, 1, 1, "holiday.hijri-new-year"),
        (3, 12, 2, "holiday.mawlid"),
        (10, 1, 2, "holiday.eid-al-fitr"),
        (12, 10, 2, "holiday.eid-al-adha"),
    ];

    private readonly IReadOnlyDictionary<int, int> _hijriCorrections;
    private readonly HashSet<DateOnly> _extra;
    private readonly Dictionary<int, IReadOnlyList<(DateOnly Date, string Key)>> _byYear = [];
    private readonly Lock _lock = new();

    /// <param name="hijriCorrections">Hijri year to days added to Um Al-Qura's dates (Morocco often sights the moon a day later).</param>
    /// <param name="extraHolidays">Days off announced during the year.</param>
    public BusinessCalendar(IReadOnlyDictionary<int, int>? hijriCorrections = null, IEnumerable<DateOnly>? extraHolidays = null)
    {
        _hijriCorrections = hijriCorrections ?? new Dictionary<int, int>();
        _extra = [.. extraHolidays ?? []];
    }

    public static readonly BusinessCalendar Morocco = new();

    public IReadOnlyList<(DateOnly Date, string Key)> HolidaysOf(int year)
    {
        lock (_lock)
        {
            if (_byYear.TryGetValue(year, out var known)) return known;
            var days = Fixed.Select(f => (new DateOnly(year, f.Month, f.Day), f.Key)).ToList();
            var firstHijriYear = Hijri.GetYear(new DateTime(year, 1, 1));
            for (var hijriYear = firstHijriYear; hijriYear <= firstHijriYear + 1; hijriYear++)
            foreach (var (month, day, length, key) in Religious)
            {
                var start = DateOnly.FromDateTime(Hijri.ToDateTime(hijriYear, month, day, 0, 0, 0, 0))
                    .AddDays(_hijriCorrections.GetValueOrDefault(hijriYear));
                for (var i = 0; i < length; i++)
                    if (start.AddDays(i).Year == year) days.Add((start.AddDays(i), key));
            }
            days.AddRange(_extra.Where(d => d.Year == year).Select(d => (d, "holiday.announced")));
            return _byYear[year] = days.OrderBy(d => d.Item1).ToList();
        }
    }

    public bool IsHoliday(DateOnly date) => HolidaysOf(date.Year).Any(h => h.Date == date);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    /// <summary>The date <paramref name="days"/> working days after <paramref name="start"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var date = start;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) counted++;
        }
        return date;
    }
}
