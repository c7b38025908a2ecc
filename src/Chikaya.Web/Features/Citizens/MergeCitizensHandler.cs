using Chikaya.Domain.Citizens;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Audit;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Citizens;

/// <summary>
/// A supervisor merges two records of one person, or undoes a merge. Each moved complaint gets an internal
/// history entry, the audit log a line, and the merge is kept so that undoing it moves back exactly what moved.
/// </summary>
public sealed class MergeCitizensHandler(AppDbContext db, TimeProvider clock)
{
    /// <summary>Null when done, else the rule code that refused it.</summary>
    public async Task<string?> MergeAsync(StaffScope scope, Guid mergedId, Guid keptId, CancellationToken ct)
    {
        if (!await InScopeAsync(scope, mergedId, ct) || !await InScopeAsync(scope, keptId, ct)) return "citizen.merge.not-found";
        // every complaint of the merged record moves: one filed with an administration the supervisor does not see would
        // move with it, to whoever holds the kept record (an account reads its complaints)
        if (await db.Complaints.CountAsync(c => c.CitizenId == mergedId, ct) != await scope.Filter(db.Complaints).CountAsync(c => c.CitizenId == mergedId, ct))
            return "citizen.merge.outside-scope";
        var merged = await db.Citizens.FirstAsync(c => c.Id == mergedId, ct);
        var kept = await db.Citizens.FirstAsync(c => c.Id == keptId, ct);
        try { merged.MergeInto(kept); }
        catch (CitizenRuleException rule) { return rule.Code; }

        var now = clock.GetUtcNow().UtcDateTime;
        var complaints = await db.Complaints.Include(c => c.Events).AsSplitQuery().Where(c => c.CitizenId == mergedId).ToListAsync(ct);
        foreach (var complaint in complaints) complaint.MoveToCitizen(keptId, scope.Actor, now, undoingMerge: false);
        db.CitizenMerges.Add(new CitizenMerge
        {
            MergedCitizenId = mergedId, KeptCitizenId = keptId, ComplaintIds = complaints.Select(c => c.Id).ToList(),
            MergedUtc = now, MergedByUserId = scope.UserId, MergedByName = scope.Name,
        });
        Audit(scope, "citizen.merge", mergedId, $"{mergedId} -> {keptId}: {complaints.Count}", now);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> UndoAsync(StaffScope scope, long mergeId, CancellationToken ct)
    {
        var merge = await db.CitizenMerges.FirstOrDefaultAsync(m => m.Id == mergeId, ct);
        if (merge is null || !await InScopeAsync(scope, merge.KeptCitizenId, ct)) return "citizen.merge.not-found";
        if (merge.UndoneUtc is not null) return "citizen.merge.already-undone";
        var merged = await db.Citizens.FirstAsync(c => c.Id == merge.MergedCitizenId, ct);
        try { merged.UndoMerge(); }
        catch (CitizenRuleException rule) { return rule.Code; }

        var now = clock.GetUtcNow().UtcDateTime;
        // a complaint erased or merged on since then stays where it is
        var complaints = await db.Complaints.Include(c => c.Events).AsSplitQuery()
            .Where(c => merge.ComplaintIds.Contains(c.Id) && c.CitizenId == merge.KeptCitizenId).ToListAsync(ct);
        foreach (var complaint in complaints) complaint.MoveToCitizen(merge.MergedCitizenId, scope.Actor, now, undoingMerge: true);
        merge.UndoneUtc = now;
        merge.UndoneByName = scope.Name;
        Audit(scope, "citizen.merge-undone", merge.MergedCitizenId, $"{merge.MergedCitizenId} <- {merge.KeptCitizenId}: {complaints.Count}", now);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>A supervisor works on the records of people who filed with their administrations, no others.</summary>
    public Task<bool> InScopeAsync(StaffScope scope, Guid citizenId, CancellationToken ct) =>
        scope.Filter(db.Complaints).AnyAsync(c => c.CitizenId == citizenId, ct);

    private void Audit(StaffScope scope, string action, Guid subject, string details, DateTime now) =>
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredUtc = now, ActorUserId = scope.UserId, ActorName = scope.Name, Action = action,
            Subject = subject.ToString(), Details = details,
        });
}
