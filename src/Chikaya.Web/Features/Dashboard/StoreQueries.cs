using Chikaya.Domain.Complaints;
using Chikaya.Domain.Deadlines;

namespace Chikaya.Web.Features.Dashboard;

/// <summary>
/// The figures, the ranking and the warnings computed from the store in one loop each: the same groups as the
/// database's queries (<see cref="DashboardQuery"/>, <see cref="Ranking"/>, <see cref="DashboardWarnings"/>), handed to
/// the same code that composes them.
/// </summary>
public static class StoreQueries
{
    private static readonly int Channels = (int)Enum.GetValues<Channel>().Max() + 1;
    private static readonly uint Open = ComplaintStatusExtensions.OpenStatuses.Aggregate(0u, (mask, s) => mask | 1u << (int)s);

    private static bool IsOpen(byte status) => (Open >> status & 1) != 0;

    public static DashboardFigures Figures(ReadOnlySpan<StoredComplaint> rows, StoreFilter filter, StoreLimits limits, DateTime nowUtc)
    {
        var (yearStart, day30, day60) = (DashboardQuery.YearStartUtc(nowUtc).Ticks, nowUtc.AddDays(-30).Ticks, nowUtc.AddDays(-60).Ticks);
        var first = DashboardQuery.FirstMonth(nowUtc);
        var months = Enumerable.Range(0, 13).Select(i => first.AddMonths(i).Ticks).ToArray();
        var (received, answered) = (new int[13], new int[13]);
        // a cell per channel, theme, year (2), open or not (2) and age (3), as the database groups them
        var size = Channels * limits.Themes * 12;
        var (count, done, min, max, sum) = (new int[size], new int[size], new int[size], new int[size], new long[size]);
        foreach (ref readonly var c in rows)
        {
            if (!filter.Keeps(c)) continue;
            var cell = (c.Channel * limits.Themes + c.Theme) * 12 + (c.Received >= yearStart ? 6 : 0) + (IsOpen(c.Status) ? 3 : 0)
                + (c.Received < day60 ? 2 : c.Received < day30 ? 1 : 0);
            count[cell]++;
            if (c.Days >= 0)
            {
                min[cell] = done[cell] == 0 ? c.Days : Math.Min(min[cell], c.Days);
                max[cell] = done[cell] == 0 ? c.Days : Math.Max(max[cell], c.Days);
                done[cell]++;
                sum[cell] += c.Days;
            }
            if (c.Received >= months[0]) received[Month(months, c.Received)]++;
            if (c.Answered >= months[0] && c.Answered != StoredComplaint.None) answered[Month(months, c.Answered)]++;
        }
        var cells = new List<FigureCell>();
        for (var cell = 0; cell < size; cell++)
        {
            if (count[cell] == 0) continue;
            var (group, rest) = (cell / 12, cell % 12);
            cells.Add(new FigureCell((Channel)(group / limits.Themes), group % limits.Themes, rest >= 6, rest % 6 >= 3, rest % 3, count[cell],
                done[cell], done[cell] == 0 ? null : min[cell], done[cell] == 0 ? null : max[cell], sum[cell]));
        }
        return DashboardQuery.Compose(cells, first, received, answered);
    }

    // the trend's twelve months; later instants (after now) fall in no month
    private static int Month(long[] months, long ticks)
    {
        for (var i = 0; i < 12; i++)
            if (ticks < months[i + 1]) return i;
        return 12;
    }

    public static IReadOnlyList<RankingRow> Ranking(ReadOnlySpan<StoredComplaint> rows, StoreFilter filter, StoreLimits limits, DateTime nowUtc,
        Func<IEnumerable<AdministrationTotals>, IReadOnlyDictionary<int, double?>, IReadOnlyList<RankingRow>> compose)
    {
        var day60 = nowUtc.AddDays(-60).Ticks;
        var n = limits.Administrations;
        var (received, answered, due, inTime, ratings, scores) = (new int[n], new int[n], new int[n], new int[n], new int[n], new long[n]);
        var days = new int[n][];
        foreach (ref readonly var c in rows)
        {
            if (c.Status == (byte)ComplaintStatus.Rejected || !filter.Keeps(c)) continue;
            var a = c.Administration;
            received[a]++;
            if (c.Received < day60) due[a]++;
            if (c.Score != 0) { ratings[a]++; scores[a] += c.Score; }
            if (c.Days < 0) continue;
            answered[a]++;
            if (c.Received < day60 && c.Days <= 60) inTime[a]++;
            // medians from a histogram of days per administration
            if ((days[a]?.Length ?? 0) <= c.Days) Array.Resize(ref days[a], Math.Max(c.Days + 1, (days[a]?.Length ?? 0) * 2));
            days[a]![c.Days]++;
        }
        var totals = Enumerable.Range(0, n).Where(a => received[a] > 0)
            .Select(a => new AdministrationTotals(a, received[a], answered[a], due[a], inTime[a], ratings[a], scores[a])).ToList();
        var medians = Enumerable.Range(0, n).Where(a => days[a] is not null).ToDictionary(a => a,
            a => Dashboard.Ranking.Median(days[a].Select((count, value) => (value, count)).Where(h => h.count > 0)));
        return compose(totals, medians);
    }

    public static DashboardWarnings Warnings(ReadOnlySpan<StoredComplaint> rows, StoreFilter filter, StoreLimits limits, DateTime nowUtc)
    {
        var (now, soon, monthAgo) = (nowUtc.Ticks, (nowUtc + Deadline.DueSoonWindow).Ticks, nowUtc.AddDays(-30).Ticks);
        var (openNow, openThen) = (new int[limits.Administrations], new int[limits.Administrations]);
        var (overdue, dueSoon) = (0, 0);
        foreach (ref readonly var c in rows)
        {
            if (!filter.Keeps(c)) continue;
            // open a month ago: received by then, and neither answered nor closed (rejected ones are closed) by then
            if (c.Received <= monthAgo && c.Ended > monthAgo) openThen[c.Administration]++;
            if (!IsOpen(c.Status)) continue;
            openNow[c.Administration]++;
            if (c.Due < now) overdue++;
            else if (c.Due <= soon) dueSoon++;
        }
        return new DashboardWarnings(dueSoon, overdue, DashboardWarnings.GrowingBacklogs(PerAdministration(openNow), PerAdministration(openThen)));
    }

    private static Dictionary<int, int> PerAdministration(int[] counts) =>
        Enumerable.Range(0, counts.Length).Where(a => counts[a] > 0).ToDictionary(a => a, a => counts[a]);
}
