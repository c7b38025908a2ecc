using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Features.Privacy;

/// <summary><c>Chikaya:Privacy</c>.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Chikaya:Privacy";

    /// <summary>Closed and rejected complaints lose their personal data this long after closing (law 09-08: no longer than needed).</summary>
    public int ErasePersonalDataAfterDays { get; set; } = 730;
}

/// <summary>Once a day: erases the personal data of complaints closed longer ago than the retention period.</summary>
public sealed class RetentionJob(AppDbContext db, IOptions<PrivacyOptions> options) : IScheduledJob
{
    public string Name => "retention";
    public TimeSpan Every => TimeSpan.FromDays(1);

    public async Task RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        var before = nowUtc.AddDays(-options.Value.ErasePersonalDataAfterDays);
        while (true)
        {
            var batch = await db.Complaints.Include(c => c.Events)
                .Where(c => (c.Status == ComplaintStatus.Closed || c.Status == ComplaintStatus.Rejected) && c.ClosedUtc < before)
                .Where(Complaint.HoldsPersonalData)
                .OrderBy(c => c.Id).AsSplitQuery().Take(500).ToListAsync(ct);
            if (batch.Count == 0) return;
            foreach (var complaint in batch) complaint.ErasePersonalData(nowUtc);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
