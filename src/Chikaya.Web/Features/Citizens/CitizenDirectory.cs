using Chikaya.Domain.Citizens;
using Chikaya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Citizens;

/// <summary>Finds the one record of a person from any identifier a channel verified, or opens it.</summary>
public sealed class CitizenDirectory(AppDbContext db)
{
    /// <summary>The record to attach a complaint to, tracked and not yet saved; null for an anonymous complaint.</summary>
    public async Task<Citizen?> FindOrCreateAsync(CitizenIdentity? identity, DateTime nowUtc, CancellationToken ct)
    {
        var id = identity?.Normalized();
        if (id is null || id.IsEmpty) return null;
        var candidates = await db.Citizens
            .Where(c => (id.UserId != null && c.UserId == id.UserId) || (id.Cin != null && c.Cin == id.Cin)
                        || (id.Email != null && c.Email == id.Email) || (id.Phone != null && c.Phone == id.Phone))
            .ToListAsync(ct);
        var found = Citizen.Best(await FollowMergesAsync(candidates, ct), id);
        if (found is null)
        {
            found = Citizen.Register(id, nowUtc);
            db.Citizens.Add(found);
        }
        else found.Complete(id);
        return found;
    }

    /// <summary>A merged record stands for the one it was merged into.</summary>
    private async Task<List<Citizen>> FollowMergesAsync(List<Citizen> citizens, CancellationToken ct)
    {
        for (var hops = 0; hops < 10 && citizens.Any(c => c.MergedIntoId is not null); hops++)
        {
            var targets = citizens.Where(c => c.MergedIntoId is not null).Select(c => c.MergedIntoId!.Value).ToList();
            var kept = citizens.Where(c => c.MergedIntoId is null).ToList();
            kept.AddRange(await db.Citizens.Where(c => targets.Contains(c.Id)).ToListAsync(ct));
            citizens = kept.DistinctBy(c => c.Id).ToList();
        }
        return citizens;
    }
}
