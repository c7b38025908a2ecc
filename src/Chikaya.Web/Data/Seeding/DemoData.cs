using Chikaya.Domain.Administrations;
using Chikaya.Domain.Routing;
using Chikaya.Domain.Territories;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Data.Seeding;

/// <summary>
/// The demo: Casablanca's commune and its 16 arrondissements, two ministries, a team per
/// arrondissement, and complaints over the last 18 months. Runs once, on an empty platform.
/// </summary>
public sealed class DemoData(AppDbContext db, IPasswordHasher<AppUser> hasher, TimeProvider clock)
{
    public const string CommuneCode = "COMMUNE-CASABLANCA";
    public static readonly string[] ArrondissementThemes =
        ["cleanliness", "hygiene", "public-domain", "urbanism", "green-spaces", "public-lighting", "civil-registry", "roads", "signage"];

    public async Task<bool> SeedAsync(int complaintCount, CancellationToken ct)
    {
        if (await db.Administrations.AnyAsync(a => a.Code == CommuneCode, ct)) return false;
        var themes = await db.Themes.ToDictionaryAsync(t => t.Code, t => t.Id, ct);
        var territories = await db.Territories.ToListAsync(ct);
        var byCode = territories.ToDictionary(t => t.Code);

        var interior = Add("MIN-INTERIEUR", AdministrationKind.Ministry, "Ministère de l'Intérieur", "وزارة الداخلية", null, null, themes.Values);
        var health = Add("MIN-SANTE", AdministrationKind.Ministry, "Ministère de la Santé et de la Protection sociale",
            "وزارة الصحة والحماية الاجتماعية", null, null, [themes["health"], themes["hygiene"]]);
        await db.SaveChangesAsync(ct);
        var commune = Add(CommuneCode, AdministrationKind.Commune, "Commune de Casablanca", "جماعة الدار البيضاء",
            interior.Id, byCode["C-CASABLANCA"].Id, themes.Where(t => t.Key != "health").Select(t => t.Value));
        await db.SaveChangesAsync(ct);

        var arrondissementThemeIds = ArrondissementThemes.Select(c => themes[c]).ToList();
        var arrondissements = territories.Where(t => t.Kind == TerritoryKind.Arrondissement).OrderBy(t => t.Code)
            .Select(t => (Territory: t, Administration: Add("ARR-" + Slug(t).ToUpperInvariant(), AdministrationKind.Arrondissement,
                "Arrondissement " + t.NameFr, "مقاطعة " + t.NameAr, commune.Id, t.Id, arrondissementThemeIds)))
            .ToList();
        await db.SaveChangesAsync(ct);

        foreach (var (territory, administration) in arrondissements)
        foreach (var themeId in arrondissementThemeIds)
            db.RoutingRules.Add(new RoutingRule(themeId, territory.Id, administration.Id));
        db.RoutingRules.Add(new RoutingRule(null, byCode["P-CASABLANCA"].Id, commune.Id));
        db.RoutingRules.Add(new RoutingRule(themes["health"], null, health.Id));
        db.RoutingRules.Add(new RoutingRule(null, null, interior.Id));

        var users = new DemoUsers(db, hasher, clock);
        users.Add("admin", "Administratrice de la plateforme", Roles.Administrator, null);
        users.Add("observateur", "Observateur national (DGCT)", Roles.Observer, null);
        users.Add("superviseur", "Superviseur de la Commune", Roles.Supervisor, commune.Id);
        users.Add("agent.commune", "Agent de la Commune", Roles.Handler, commune.Id);
        users.Add("agent.sante", "Agent du Ministère de la Santé", Roles.Handler, health.Id);
        var handlers = arrondissements.ToDictionary(a => a.Administration.Id,
            a => users.Add("agent." + Slug(a.Territory), "Agent " + a.Territory.NameFr, Roles.Handler, a.Administration.Id));
        users.Add("callcentre", "Agent du centre d'appel Allô Idaraty", Roles.CallCentre, null);
        var citizen = users.Add("citoyen", "Fatima Zahra El Amrani", Roles.Citizen, null);
        await db.SaveChangesAsync(ct);

        db.Partners.Add(DemoPartner(clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);

        var generator = new DemoComplaints(db, themes, arrondissements.Select(a => (a.Territory, a.Administration)).ToList(),
            handlers, commune, citizen, clock.GetUtcNow().UtcDateTime);
        await generator.GenerateAsync(complaintCount, ct);
        return true;
    }

    public const string PartnerKey = "demo-open311-key";

    /// <summary>A partner allowed everything in every administration, to try the Open311 API at once.</summary>
    private static Features.Partners.Partner DemoPartner(DateTime nowUtc)
    {
        var partner = new Features.Partners.Partner
        {
            Name = "Démo Open311", AllAdministrations = true, CreatedUtc = nowUtc, RequestsPerMinute = 600,
            Permissions = Features.Partners.PartnerPermissions.File | Features.Partners.PartnerPermissions.ReadDetails
                | Features.Partners.PartnerPermissions.PostUpdates,
        };
        partner.IssueKey(PartnerKey);
        return partner;
    }

    public static string Slug(Territory territory) =>
        territory.Code.StartsWith("A-", StringComparison.Ordinal) ? territory.Code[2..].ToLowerInvariant() : territory.Code.ToLowerInvariant();

    private Administration Add(string code, AdministrationKind kind, string fr, string ar, int? parentId, int? territoryId,
        IEnumerable<int> themeIds)
    {
        var administration = new Administration(code, kind, fr, ar, parentId, territoryId, themeIds);
        db.Administrations.Add(administration);
        return administration;
    }
}

public sealed class DemoUsers(AppDbContext db, IPasswordHasher<AppUser> hasher, TimeProvider clock)
{
    private string? _hash;
    private readonly Dictionary<string, string> _roleIds = [];

    public AppUser Add(string login, string name, string role, int? administrationId)
    {
        var email = $"{login}@{DemoOptions.Domain}";
        var user = new AppUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, FullName = name,
            AdministrationId = administrationId, SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        // hashing is deliberately slow: hash the shared demo password once
        _hash ??= hasher.HashPassword(user, DemoOptions.Password);
        user.PasswordHash = _hash;
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = RoleId(role) });
        return user;
    }

    private string RoleId(string role)
    {
        if (_roleIds.Count == 0)
            foreach (var r in db.Roles.AsNoTracking().ToList()) _roleIds[r.Name!] = r.Id;
        return _roleIds[role];
    }
}
