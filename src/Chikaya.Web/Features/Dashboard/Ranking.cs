using Chikaya.Domain.Administrations;
using Chikaya.Domain.Complaints;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Dashboard;

public sealed record RankingRow(int Rank, int AdministrationId, int Received, int Answered, double? MedianDays,
    double? ShareWithin60Days, double? Satisfaction, int Ratings);

/// <summary>One administration's counts over the complaints that count for the ranking (rejected ones do not).</summary>
public sealed record AdministrationTotals(int Id, int Received, int Answered, int Due, int InTime, int Ratings, long ScoreSum);

/// <summary>
/// The "palmarès": administrations ranked by the share of complaints answered within the decree's
/// 60 days, then by median processing time, then by citizens' satisfaction. Only complaints received
/// more than 60 days ago count for the share (the others may still be answered in time); rejected ones
/// do not count; an administration needs at least <see cref="MinimumComplaints"/> such complaints to be ranked.
/// </summary>
public static class Ranking
{
    public const int MinimumComplaints = 5;

    public static async Task<IReadOnlyList<RankingRow>> RunAsync(IQueryable<Complaint> complaints, DateTime nowUtc,
        IReadOnlySet<AdministrationKind>? kinds, IReadOnlyDictionary<int, AdministrationKind> administrationKinds, CancellationToken ct,
        int minimum = MinimumComplaints)
    {
        var day60 = nowUtc.AddDays(-60);
        var counted = complaints.Where(c => c.Status != ComplaintStatus.Rejected);
        var totals = await counted.GroupBy(c => c.AdministrationId).Select(g => new
        {
            Id = g.Key,
            Received = g.Count(),
            Answered = g.Count(c => c.ProcessingDays != null),
            Due = g.Count(c => c.ReceivedUtc < day60),
            InTime = g.Count(c => c.ReceivedUtc < day60 && c.ProcessingDays != null && c.ProcessingDays <= 60),
            Ratings = g.Count(c => c.SatisfactionScore != null),
            ScoreSum = g.Sum(c => c.SatisfactionScore ?? 0),
        }).ToListAsync(ct);
        // medians from a histogram of days: a few rows per administration, whatever the volume
        var histogram = await counted.Where(c => c.ProcessingDays != null)
            .GroupBy(c => new { c.AdministrationId, Days = c.ProcessingDays!.Value })
            .Select(g => new { g.Key.AdministrationId, g.Key.Days, Count = g.Count() }).ToListAsync(ct);
        var medians = histogram.GroupBy(h => h.AdministrationId)
            .ToDictionary(g => g.Key, g => Median(g.Select(h => (h.Days, h.Count))));
        return Compose(totals.Select(t => new AdministrationTotals(t.Id, t.Received, t.Answered, t.Due, t.InTime, t.Ratings, t.ScoreSum)),
            medians, kinds, administrationKinds, minimum);
    }

    /// <summary>The ranking from each administration's counts and median, however they were computed.</summary>
    public static IReadOnlyList<RankingRow> Compose(IEnumerable<AdministrationTotals> totals, IReadOnlyDictionary<int, double?> medians,
        IReadOnlySet<AdministrationKind>? kinds, IReadOnlyDictionary<int, AdministrationKind> administrationKinds, int minimum)
    {
        var rows = totals
            .Where(t => kinds is null || (administrationKinds.TryGetValue(t.Id, out var kind) && kinds.Contains(kind)))
            .Where(t => t.Due >= minimum && t.Due > 0)
            .Select(t => new
            {
                t.Id, t.Received, t.Answered,
                Median = medians.GetValueOrDefault(t.Id),
                Share = (double)t.InTime / t.Due,
                Satisfaction = t.Ratings == 0 ? (double?)null : Math.Round((double)t.ScoreSum / t.Ratings, 2),
                t.Ratings,
            })
            .OrderByDescending(r => r.Share).ThenBy(r => r.Median ?? double.MaxValue).ThenByDescending(r => r.Satisfaction ?? 0)
            .ThenBy(r => r.Id)
            .ToList();
        return rows.Select((r, i) => new RankingRow(i + 1, r.Id, r.Received, r.Answered, r.Median, Math.Round(r.Share, 4),
            r.Satisfaction, r.Ratings)).ToList();
    }

    public static double? Median(IEnumerable<(int Value, int Count)> histogram)
    {
        var sorted = histogram.OrderBy(h => h.Value).ToList();
        var total = sorted.Sum(h => h.Count);
        if (total == 0) return null;
        double At(int index)
        {
            var seen = 0;
            foreach (var (value, count) in sorted)
            {
                seen += count;
                if (index < seen) return value;
            }
            return sorted[^1].Value;
        }
        return total % 2 == 1 ? At(total / 2) : (At(total / 2 - 1) + At(total / 2)) / 2;
    }

    public static readonly IReadOnlySet<AdministrationKind> Collectivities = new HashSet<AdministrationKind>
    {
        AdministrationKind.RegionCouncil, AdministrationKind.PrefectureOrProvince, AdministrationKind.Commune, AdministrationKind.Arrondissement,
    };
}
