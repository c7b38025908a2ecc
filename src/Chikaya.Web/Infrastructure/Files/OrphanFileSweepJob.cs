using Chikaya.Web.Data;
using Chikaya.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Infrastructure.Files;

/// <summary>
/// Once a day: deletes stored files that no attachment points to. Files are saved before the complaint that points to
/// them is committed, so a crash in between (or a refused save whose clean-up failed) leaves one behind. A file younger
/// than a day may belong to a filing still in progress, and is left alone.
/// </summary>
public sealed class OrphanFileSweepJob(AppDbContext db, IFileStore files, ILogger<OrphanFileSweepJob> logger) : IScheduledJob
{
    private const int Batch = 500;

    public string Name => "orphan-files";
    public TimeSpan Every => TimeSpan.FromDays(1);

    public async Task RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        var deleted = 0;
        var candidates = new List<string>();
        await foreach (var (key, savedUtc) in files.ListAsync(ct))
        {
            if (savedUtc > nowUtc.AddDays(-1)) continue;
            candidates.Add(key);
            if (candidates.Count == Batch) deleted += await DeleteUnreferencedAsync(candidates, ct);
        }
        deleted += await DeleteUnreferencedAsync(candidates, ct);
        if (deleted > 0) logger.LogWarning("Deleted {Count} stored files no attachment pointed to", deleted);
    }

    private async Task<int> DeleteUnreferencedAsync(List<string> keys, CancellationToken ct)
    {
        var referenced = await db.Attachments.Where(a => keys.Contains(a.StorageKey)).Select(a => a.StorageKey).ToListAsync(ct);
        var orphans = keys.Except(referenced).ToList();
        foreach (var key in orphans) await files.DeleteAsync(key, ct);
        keys.Clear();
        return orphans.Count;
    }
}
