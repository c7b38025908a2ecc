using Chikaya.Web.Data;
using Chikaya.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Api;

/// <summary>What a client needs to build a filing form: themes, administrations, territories.</summary>
public static class ReferenceEndpoints
{
    public sealed record ThemeDto(int Id, string Code, string Name, string NameFr, string NameAr);

    public sealed record AdministrationDto(int Id, string Code, string Kind, string Name, string NameFr, string NameAr,
        int? ParentId, string? TerritoryCode, IReadOnlyList<int> ThemeIds);

    public sealed record TerritoryDto(string Code, string Kind, string? ParentCode, string Name, string NameFr, string NameAr);

    public static RouteGroupBuilder MapReferenceData(this RouteGroupBuilder api)
    {
        api.MapGet("/themes", async (AppDbContext db, CancellationToken ct) =>
        {
            var themes = await db.Themes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).ToListAsync(ct);
            var language = LocalizationSetup.CurrentLanguage;
            return TypedResults.Ok(themes.Select(t => new ThemeDto(t.Id, t.Code, t.Name.For(language), t.NameFr, t.NameAr)));
        }).WithName("ListThemes");

        api.MapGet("/administrations", async (AppDbContext db, CancellationToken ct) =>
        {
            var territories = await db.Territories.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Code, ct);
            var list = await db.Administrations.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Kind).ThenBy(a => a.NameFr).ToListAsync(ct);
            var language = LocalizationSetup.CurrentLanguage;
            return TypedResults.Ok(list.Select(a => new AdministrationDto(a.Id, a.Code, a.Kind.ToString(), a.Name.For(language),
                a.NameFr, a.NameAr, a.ParentId, a.TerritoryId is { } id ? territories.GetValueOrDefault(id) : null, a.ThemeIds)));
        }).WithName("ListAdministrations");

        api.MapGet("/territories", async (AppDbContext db, CancellationToken ct) =>
        {
            var list = await db.Territories.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
            var language = LocalizationSetup.CurrentLanguage;
            return TypedResults.Ok(list.Select(t => new TerritoryDto(t.Code, t.Kind.ToString(), t.ParentCode, t.Name.For(language), t.NameFr, t.NameAr)));
        }).WithName("ListTerritories");
        return api;
    }
}
