using System.Xml.Linq;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Features.Open311;

/// <summary>Service discovery, the service list (our themes, in the requested locale) and service definitions.</summary>
public static class Open311Services
{
    public const string Changeset = "2026-12-03T00:00:00Z";

    public static RouteGroupBuilder MapOpen311Services(this RouteGroupBuilder open311)
    {
        open311.MapGet("/discovery.{format}", (string format, IOptions<NotificationOptions> options) =>
        {
            var endpoint = new Dictionary<string, object?>
            {
                ["specification"] = "http://wiki.open311.org/GeoReport_v2", ["url"] = options.Value.PublicUrl.TrimEnd('/') + "/open311/v2/",
                ["changeset"] = Changeset, ["type"] = "production",
            };
            var discovery = new Dictionary<string, object?>
            {
                ["changeset"] = Changeset, ["contact"] = "Chikaya", ["key_service"] = "Partner keys are issued by the platform's administrators.",
            };
            string[] formats = ["application/json", "text/xml"];
            return Open311Format.Write(format,
                new Dictionary<string, object?>(discovery) { ["endpoints"] = new[] { new Dictionary<string, object?>(endpoint) { ["formats"] = formats } } },
                "discovery", () => new XElement("discovery", Open311Format.Element("discovery", discovery).Elements(),
                    new XElement("endpoints", new XElement("endpoint", Open311Format.Element("endpoint", endpoint).Elements(),
                        new XElement("formats", formats.Select(f => new XElement("format", f)))))));
        });

        open311.MapGet("/services.{format}", async (string format, string? locale, AppDbContext db, CancellationToken ct) =>
        {
            var arabic = IsArabic(locale);
            var themes = await db.Themes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).ToListAsync(ct);
            var services = themes.Select(t => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["service_code"] = t.Code, ["service_name"] = arabic ? t.NameAr : t.NameFr, ["description"] = arabic ? t.NameAr : t.NameFr,
                ["metadata"] = true, ["type"] = "realtime", ["keywords"] = t.Code, ["group"] = "chikaya",
            }).ToList();
            return Open311Format.WriteList(format, services, "services", "service");
        });

        open311.MapGet("/services/{code}.{format}", async (string code, string format, string? locale, AppDbContext db,
            IStringLocalizer t, CancellationToken ct) =>
        {
            ApplyLocale(locale);
            if (!Open311Format.IsKnown(format)) return Open311Format.UnknownFormat(format);
            if (!await db.Themes.AnyAsync(t => t.Code == code && t.IsActive, ct))
                return Open311Format.Error(format, 404, $"No service with code '{code}'.");
            var definition = new Dictionary<string, object?> { ["service_code"] = code, ["attributes"] = Attributes(t) };
            return Open311Format.Write(format, definition, "service_definition", () => Open311Format.Element("service_definition", definition));
        });
        return open311;
    }

    /// <summary>What every theme asks beside the description: what kind of submission it is, and where.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> Attributes(IStringLocalizer t) =>
    [
        new Dictionary<string, object?>
        {
            ["variable"] = true, ["code"] = Open311Attributes.Kind, ["datatype"] = "singlevaluelist", ["required"] = false,
            ["datatype_description"] = null, ["order"] = 1, ["description"] = t["open311.attribute.kind"].Value,
            ["values"] = Enum.GetValues<SubmissionKind>().Select(k => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["key"] = k.ToString().ToLowerInvariant(), ["name"] = t[k.Key()].Value,
            }).ToList(),
        },
        new Dictionary<string, object?>
        {
            ["variable"] = true, ["code"] = Open311Attributes.Territory, ["datatype"] = "string", ["required"] = false,
            ["datatype_description"] = t["open311.attribute.territory-format"].Value, ["order"] = 2,
            ["description"] = t["open311.attribute.territory"].Value,
        },
    ];

    public static bool IsArabic(string? locale) => locale?.StartsWith("ar", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The spec's locale parameter picks the language of names and messages; without it, the request's language.</summary>
    public static void ApplyLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale)) return;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(IsArabic(locale) ? "ar" : "fr");
    }
}
