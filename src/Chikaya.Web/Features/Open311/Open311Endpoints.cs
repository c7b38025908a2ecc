using System.Xml.Linq;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Features.Open311;

/// <summary>
/// Open311 GeoReport v2, first methods: service discovery, the service list (our themes, in the
/// requested locale) and a service definition, in JSON and XML, with the spec's error format.
/// </summary>
public static class Open311Endpoints
{
    public static WebApplication MapOpen311(this WebApplication app)
    {
        var open311 = app.MapGroup("/open311/v2").ExcludeFromDescription().DisableAntiforgery();
        open311.MapGet("/discovery.{format}", (string format, IOptions<NotificationOptions> options) =>
        {
            var baseUrl = options.Value.PublicUrl.TrimEnd('/') + "/open311/v2/";
            var endpoint = new Dictionary<string, object?>
            {
                ["specification"] = "http://wiki.open311.org/GeoReport_v2", ["url"] = baseUrl, ["changeset"] = "2026-11-24T00:00:00Z",
                ["type"] = "production", ["formats"] = new[] { "application/json", "text/xml" },
            };
            var discovery = new Dictionary<string, object?>
            {
                ["changeset"] = "2026-11-24T00:00:00Z", ["contact"] = "Chikaya", ["key_service"] = "Partner keys are issued by the platform's administrators.",
                ["endpoints"] = new[] { endpoint },
            };
            return Open311Format.Write(format, discovery, "discovery", () => new XElement("discovery",
                new XElement("changeset", discovery["changeset"]), new XElement("contact", discovery["contact"]),
                new XElement("key_service", discovery["key_service"]),
                new XElement("endpoints", new XElement("endpoint", new XElement("specification", endpoint["specification"]),
                    new XElement("url", baseUrl), new XElement("changeset", endpoint["changeset"]), new XElement("type", "production"),
                    new XElement("formats", new XElement("format", "application/json"), new XElement("format", "text/xml"))))));
        });

        open311.MapGet("/services.{format}", async (string format, string? locale, AppDbContext db, CancellationToken ct) =>
        {
            var arabic = locale?.StartsWith("ar", StringComparison.OrdinalIgnoreCase) == true;
            var themes = await db.Themes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).ToListAsync(ct);
            var services = themes.Select(t => new Dictionary<string, object?>
            {
                ["service_code"] = t.Code, ["service_name"] = arabic ? t.NameAr : t.NameFr, ["description"] = arabic ? t.NameAr : t.NameFr,
                ["metadata"] = false, ["type"] = "realtime", ["keywords"] = t.Code, ["group"] = "chikaya",
            }).ToList();
            return Open311Format.Write(format, services, "services", () => new XElement("services",
                services.Select(s => new XElement("service", s.Select(p => new XElement(p.Key, p.Value is bool b ? (b ? "true" : "false") : p.Value))))));
        });

        open311.MapGet("/services/{code}.{format}", async (string code, string format, AppDbContext db, CancellationToken ct) =>
        {
            if (!Open311Format.IsKnown(format)) return Open311Format.Error("json", 404, 404, $"Unknown format '{format}': use json or xml.");
            if (!await db.Themes.AnyAsync(t => t.Code == code && t.IsActive, ct))
                return Open311Format.Error(format, 404, 404, $"No service with code '{code}'.");
            var definition = new Dictionary<string, object?> { ["service_code"] = code, ["attributes"] = Array.Empty<object>() };
            return Open311Format.Write(format, definition, "service_definition", () =>
                new XElement("service_definition", new XElement("service_code", code), new XElement("attributes")));
        });
        return app;
    }
}
