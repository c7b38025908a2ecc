using Chikaya.Domain.Complaints;
using Chikaya.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Dashboard;

/// <summary>A column of the Ministry's table: a channel (or all) over the current year or the previous ones.</summary>
public sealed record DashboardColumn(string Channel, bool CurrentYear, int Received, int InProgress, int Over30, int Over60,
    ProcessingTime Time);

/// <summary>Days from receipt to answer, over the answered complaints.</summary>
public sealed record ProcessingTime(int Answered, int? Min, double? Mean, int? Max);

/// <summary>Complaints of one channel and theme, received this year or before, open or not, of one age (0, 1: over 30 days, 2: over 60).</summary>
public sealed record FigureCell(Channel Channel, int ThemeId, bool Current, bool Open, int Age, int Count, int Answered, int? Min, int? Max, long Sum);

public sealed record DashboardFigures(IReadOnlyList<DashboardColumn> Columns, ProcessingTime Time,
    IReadOnlyList<(int ThemeId, int Count)> Themes, IReadOnlyList<(Channel Channel, int Count)> Channels,
    IReadOnlyList<(DateOnly Month, int Received, int Answered)> Months);

/// <summary>
/// The figures of the seed's dashboard, computed by the database in a few grouped queries. "In
/// progress" is every complaint not yet answered, rejected or closed; "over 30 days" counts those
/// received 31 to 60 days ago, "over 60 days" those received more than 60 days ago.
/// </summary>
public static class DashboardQuery
{
    public const string Web = "web";
    public const string MailOffice = "mailoffice";
    public const string Other = "other";
    public const string All = "all";
    public static readonly string[] ChannelGroups = [Web, MailOffice, Other, All];

    public static DateTime YearStartUtc(DateTime nowUtc) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(Display.Local(nowUtc).Year, 1, 1), Display.Morocco);

    public static async Task<DashboardFigures> RunAsync(IQueryable<Complaint> complaints, DateTime nowUtc, CancellationToken ct)
    {
        var yearStart = YearStartUtc(nowUtc);
        var day30 = nowUtc.AddDays(-30);
        var day60 = nowUtc.AddDays(-60);
        var open = ComplaintStatusExtensions.OpenStatuses;
        // one pass over the dashboard index: every figure below is a sum over these few hundred groups
        var cells = await complaints
            .GroupBy(c => new
            {
                c.Channel,
                c.ThemeId,
                Current = c.ReceivedUtc >= yearStart,
                Open = open.Contains(c.Status),
                Age = c.ReceivedUtc < day60 ? 2 : c.ReceivedUtc < day30 ? 1 : 0,
            })
            .Select(g => new
            {
                g.Key.Channel, g.Key.ThemeId, g.Key.Current, g.Key.Open, g.Key.Age, Count = g.Count(),
                Answered = g.Count(c => c.ProcessingDays != null),
                Min = g.Min(c => c.ProcessingDays), Max = g.Max(c => c.ProcessingDays), Sum = g.Sum(c => c.ProcessingDays),
            })
            .ToListAsync(ct);
        var months = await MonthsAsync(complaints, nowUtc, ct);
        return Compose(cells.Select(c => new FigureCell(c.Channel, c.ThemeId, c.Current, c.Open, c.Age, c.Count, c.Answered, c.Min, c.Max,
            c.Sum ?? 0)).ToList(), FirstMonth(nowUtc), months.Received, months.Answered);
    }

    /// <summary>The table, the theme split, the channel mix and the trend from the grouped counts, however they were computed.</summary>
    public static DashboardFigures Compose(IReadOnlyList<FigureCell> cells, DateTime firstMonth, int[] received, int[] answered)
    {
        var columns = new List<DashboardColumn>();
        foreach (var current in new[] { true, false })
        foreach (var group in ChannelGroups)
        {
            var mine = cells.Where(c => c.Current == current && InGroup(c.Channel, group)).ToList();
            columns.Add(new DashboardColumn(group, current,
                mine.Sum(c => c.Count), mine.Where(c => c.Open).Sum(c => c.Count),
                mine.Where(c => c.Open && c.Age == 1).Sum(c => c.Count), mine.Where(c => c.Open && c.Age == 2).Sum(c => c.Count),
                Time(mine.Sum(c => c.Answered), mine.Min(c => c.Min), mine.Sum(c => c.Sum), mine.Max(c => c.Max))));
        }
        var time = Time(cells.Sum(c => c.Answered), cells.Min(c => c.Min), cells.Sum(c => c.Sum), cells.Max(c => c.Max));
        var channels = cells.GroupBy(c => c.Channel).Select(g => (g.Key, g.Sum(c => c.Count)))
            .OrderByDescending(c => c.Item2).ThenBy(c => c.Key).ToList();
        var themes = cells.GroupBy(c => c.ThemeId).Select(g => (g.Key, g.Sum(c => c.Count)))
            .OrderByDescending(t => t.Item2).ThenBy(t => t.Key).ToList();
        var months = Enumerable.Range(0, 12).Select(i => (DateOnly.FromDateTime(firstMonth.AddMonths(i)), received[i], answered[i])).ToList();
        return new DashboardFigures(columns, time, themes, channels, months);
    }

    /// <summary>The first of the twelve months of the trend (UTC months, as the database groups them).</summary>
    public static DateTime FirstMonth(DateTime nowUtc) => new DateTime(nowUtc.Year, nowUtc.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-11);

    /// <summary>The last twelve months: received and answered per month.</summary>
    private static async Task<(int[] Received, int[] Answered)> MonthsAsync(IQueryable<Complaint> complaints, DateTime nowUtc, CancellationToken ct)
    {
        var first = FirstMonth(nowUtc);
        var received = await complaints.Where(c => c.ReceivedUtc >= first)
            .GroupBy(c => new { c.ReceivedUtc.Year, c.ReceivedUtc.Month }).Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(ct);
        var answered = await complaints.Where(c => c.AnsweredUtc >= first)
            .GroupBy(c => new { c.AnsweredUtc!.Value.Year, c.AnsweredUtc!.Value.Month }).Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(ct);
        int[] PerMonth(IEnumerable<(int Year, int Month, int Count)> counts) => Enumerable.Range(0, 12).Select(i => first.AddMonths(i))
            .Select(m => counts.Where(r => r.Year == m.Year && r.Month == m.Month).Sum(r => r.Count)).ToArray();
        return (PerMonth(received.Select(r => (r.Year, r.Month, r.Count))), PerMonth(answered.Select(r => (r.Year, r.Month, r.Count))));
    }

    public static bool InGroup(Channel channel, string group) => group switch
    {
        Web => channel == Channel.Web,
        MailOffice => channel == Channel.MailOffice,
        Other => channel is not (Channel.Web or Channel.MailOffice),
        _ => true,
    };

    /// <summary>The complaints behind one figure of the table, for the drill-down.</summary>
    public static IQueryable<Complaint> Cell(IQueryable<Complaint> complaints, string group, bool currentYear, string measure, DateTime nowUtc)
    {
        var yearStart = YearStartUtc(nowUtc);
        var day30 = nowUtc.AddDays(-30);
        var day60 = nowUtc.AddDays(-60);
        var open = ComplaintStatusExtensions.OpenStatuses;
        var query = currentYear ? complaints.Where(c => c.ReceivedUtc >= yearStart) : complaints.Where(c => c.ReceivedUtc < yearStart);
        query = group switch
        {
            Web => query.Where(c => c.Channel == Channel.Web),
            MailOffice => query.Where(c => c.Channel == Channel.MailOffice),
            Other => query.Where(c => c.Channel != Channel.Web && c.Channel != Channel.MailOffice),
            _ => query,
        };
        return measure switch
        {
            "in-progress" => query.Where(c => open.Contains(c.Status)),
            "over-30" => query.Where(c => open.Contains(c.Status) && c.ReceivedUtc < day30 && c.ReceivedUtc >= day60),
            "over-60" => query.Where(c => open.Contains(c.Status) && c.ReceivedUtc < day60),
            "answered" => query.Where(c => c.ProcessingDays != null),
            _ => query,
        };
    }

    private static ProcessingTime Time(int answered, int? min, long sum, int? max) =>
        new(answered, answered == 0 ? null : min, answered == 0 ? null : Math.Round((double)sum / answered, 2), answered == 0 ? null : max);
}
