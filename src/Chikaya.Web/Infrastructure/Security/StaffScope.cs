using System.Security.Claims;
using Chikaya.Domain.Administrations;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Infrastructure.Security;

/// <summary>
/// Which complaints a member of staff may see: a handler those of their administration, a supervisor
/// also those of the administrations below, an observer every one but without personal data.
/// </summary>
public sealed class StaffScope
{
    private StaffScope(string userId, string name, bool all, IReadOnlySet<int> administrationIds, bool canAct,
        bool seesPersonalData, bool isSupervisor)
    {
        UserId = userId;
        Name = name;
        All = all;
        AdministrationIds = administrationIds;
        CanAct = canAct;
        SeesPersonalData = seesPersonalData;
        IsSupervisor = isSupervisor;
    }

    public string UserId { get; }
    public string Name { get; }
    public bool All { get; }
    public IReadOnlySet<int> AdministrationIds { get; }
    public bool CanAct { get; }
    public bool SeesPersonalData { get; }
    public bool IsSupervisor { get; }

    public Actor Actor => Actor.Staff(UserId, Name);

    public bool Covers(int administrationId) => All || AdministrationIds.Contains(administrationId);

    public IQueryable<Complaint> Filter(IQueryable<Complaint> complaints) =>
        All ? complaints : complaints.Where(c => AdministrationIds.Contains(c.AdministrationId));

    public static async Task<StaffScope?> ForAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return null;
        var name = user.FindFirstValue(ChikayaClaims.FullName) ?? user.Identity?.Name ?? "";
        if (user.IsInRole(Roles.Observer)) return new StaffScope(userId, name, true, new HashSet<int>(), false, false, false);
        if (!int.TryParse(user.FindFirstValue(ChikayaClaims.AdministrationId), out var administrationId)) return null;
        if (user.IsInRole(Roles.Supervisor))
        {
            var all = await db.Administrations.Select(a => new { a.Id, a.ParentId }).ToListAsync(ct);
            var below = new AdministrationHierarchy(all.Select(a => (a.Id, a.ParentId))).SelfAndDescendants(administrationId);
            return new StaffScope(userId, name, false, below, true, true, true);
        }
        if (user.IsInRole(Roles.Handler))
            return new StaffScope(userId, name, false, new HashSet<int> { administrationId }, true, true, false);
        return null;
    }
}
