using Chikaya.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Open311;

/// <summary>The query parameters the list methods share; an empty parameter counts as absent.</summary>
public static class Open311Filters
{
    public static string? Param(this IQueryCollection query, string name) =>
        string.IsNullOrWhiteSpace(query[name].ToString()) ? null : query[name].ToString().Trim();

    public static (DateTime? Start, DateTime? End) Dates(IQueryCollection query, IStringLocalizer t, List<string> errors)
    {
        DateTime? Read(string name)
        {
            if (query.Param(name) is not { } text) return null;
            if (Open311Format.TryParseDate(text, out var date)) return date;
            errors.Add(t["open311.date.invalid", name]);
            return null;
        }
        return (Read("start_date"), Read("end_date"));
    }

    /// <summary>The administration a jurisdiction_id names: none asked, found, or unknown (the spec's 404).</summary>
    public static async Task<(int? AdministrationId, bool Unknown)> JurisdictionAsync(IQueryCollection query, AppDbContext db, CancellationToken ct)
    {
        if (query.Param("jurisdiction_id") is not { } code) return (null, false);
        var id = await db.Administrations.Where(a => a.Code == code).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        return (id, id is null);
    }
}
