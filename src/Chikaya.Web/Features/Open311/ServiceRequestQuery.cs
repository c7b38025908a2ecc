using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Open311;

/// <summary>
/// GET requests.{format} with the spec's filters, GET requests/{id}.{format} and GET tokens/{token}.{format}.
/// Anyone may read statuses and dates; the description, address and place only reach a partner whose key
/// may read the details of that administration's complaints.
/// </summary>
public static class ServiceRequestQuery
{
    public const int MaxResults = 1000;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(90);

    public static async Task<IResult> ListAsync(string format, HttpContext http, AppDbContext db, TimeProvider clock,
        IStringLocalizer t, CancellationToken ct)
    {
        if (!Open311Format.IsKnown(format)) return Open311Format.UnknownFormat(format);
        var query = http.Request.Query;
        Open311Services.ApplyLocale(query.Param("locale"));

        var complaints = db.Complaints.AsNoTracking();
        var (jurisdiction, unknown) = await Open311Filters.JurisdictionAsync(query, db, ct);
        if (unknown) return Open311Format.Error(format, 404, t["open311.jurisdiction.unknown", query.Param("jurisdiction_id")!]);
        if (jurisdiction is { } administrationId) complaints = complaints.Where(c => c.AdministrationId == administrationId);

        if (query.Param("service_request_id") is { } ids)
        {
            // the spec: a list of ids overrides every other filter
            var numbers = List(ids).Take(MaxResults).ToList();
            return await WriteAsync(format, http, db, complaints.Where(c => numbers.Contains(c.TrackingNumber)), t, ct);
        }

        var errors = new List<string>();
        var (start, end) = Open311Filters.Dates(query, t, errors);
        var statuses = query.Param("status") is { } st ? List(st).Select(x => x.ToLowerInvariant()).ToList() : [];
        if (statuses.Any(x => x is not ("open" or "closed"))) errors.Add(t["open311.status.invalid"]);
        if (start > end) errors.Add(t["open311.date.order"]);
        if (start is { } a && end is { } b && b - a > DefaultWindow) errors.Add(t["open311.date.window"]);
        if (errors.Count > 0) return Open311Format.Errors(format, 400, errors);

        // the spec's default window: the last 90 days, or 90 days on the side of the one date given
        var now = clock.GetUtcNow().UtcDateTime;
        (start, end) = (start, end) switch
        {
            (null, null) => (now - DefaultWindow, now),
            (null, { } to) => (to - DefaultWindow, to),
            ({ } from, null) => (from, from + DefaultWindow),
            var both => both,
        };
        complaints = complaints.Where(c => c.ReceivedUtc >= start && c.ReceivedUtc <= end);
        if (query.Param("service_code") is { } codes)
        {
            var themeCodes = List(codes).ToList();
            var themeIds = await db.Themes.Where(x => themeCodes.Contains(x.Code)).Select(x => x.Id).ToListAsync(ct);
            complaints = complaints.Where(c => themeIds.Contains(c.ThemeId));
        }
        if (statuses.Distinct().Count() == 1)
            complaints = statuses[0] == "closed" ? complaints.Where(c => Closed.Contains(c.Status)) : complaints.Where(c => !Closed.Contains(c.Status));
        return await WriteAsync(format, http, db, complaints, t, ct);
    }

    public static async Task<IResult> OneAsync(string id, string format, HttpContext http, AppDbContext db, IStringLocalizer t, CancellationToken ct)
    {
        if (!Open311Format.IsKnown(format)) return Open311Format.UnknownFormat(format);
        Open311Services.ApplyLocale(http.Request.Query["locale"]);
        var complaints = db.Complaints.AsNoTracking().Where(c => c.TrackingNumber == id);
        if (!await complaints.AnyAsync(ct)) return Open311Format.Error(format, 404, t["open311.request.unknown", id]);
        return await WriteAsync(format, http, db, complaints, t, ct);
    }

    /// <summary>Filing is synchronous, so a token is the tracking number itself, answered for clients that ask anyway.</summary>
    public static async Task<IResult> TokenAsync(string token, string format, AppDbContext db, IStringLocalizer t, CancellationToken ct)
    {
        if (!Open311Format.IsKnown(format)) return Open311Format.UnknownFormat(format);
        if (!await db.Complaints.AnyAsync(c => c.TrackingNumber == token, ct)) return Open311Format.Error(format, 404, t["open311.request.unknown", token]);
        return Open311Format.WriteList(format, [new Dictionary<string, object?> { ["service_request_id"] = token, ["token"] = token }], "service_requests", "request");
    }

    /// <summary>Open311's closed: the administration has answered, closed or rejected it.</summary>
    public static readonly ComplaintStatus[] Closed = [ComplaintStatus.Answered, ComplaintStatus.Closed, ComplaintStatus.Rejected];

    private static IEnumerable<string> List(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<IResult> WriteAsync(string format, HttpContext http, AppDbContext db, IQueryable<Complaint> complaints,
        IStringLocalizer t, CancellationToken ct)
    {
        var rows = await complaints.OrderByDescending(c => c.ReceivedUtc).Take(MaxResults)
            .Select(c => new Row(c.TrackingNumber, c.Status, c.ThemeId, c.AdministrationId, c.Description, c.Address, c.Latitude, c.Longitude,
                c.ReceivedUtc, c.Events.Max(e => e.OccurredUtc), c.AnswerDueUtc, c.AnswerText, c.RejectionReason))
            .ToListAsync(ct);
        var arabic = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar";
        var themes = await db.Themes.AsNoTracking().ToDictionaryAsync(x => x.Id, ct);
        var administrations = await db.Administrations.AsNoTracking().ToDictionaryAsync(x => x.Id, ct);
        var partner = PartnerKeyFilter.Current(http);
        var list = rows.Select(r =>
        {
            var details = partner is not null && partner.May(PartnerPermissions.ReadDetails) && partner.Covers(r.AdministrationId);
            var theme = themes[r.ThemeId];
            var administration = administrations[r.AdministrationId];
            return (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["service_request_id"] = r.Number,
                ["status"] = Closed.Contains(r.Status) ? "closed" : "open",
                ["status_notes"] = details && (r.AnswerText ?? r.RejectionReason) is { } notes ? notes : t[r.Status.Key()].Value,
                ["detailed_status"] = r.Status.ToString(),
                ["service_name"] = arabic ? theme.NameAr : theme.NameFr,
                ["service_code"] = theme.Code,
                ["description"] = details ? r.Description : null,
                ["agency_responsible"] = arabic ? administration.NameAr : administration.NameFr,
                ["service_notice"] = null,
                ["requested_datetime"] = r.ReceivedUtc,
                ["updated_datetime"] = r.UpdatedUtc,
                ["expected_datetime"] = r.AnswerDueUtc,
                ["address"] = details ? r.Address : null,
                ["address_id"] = null,
                ["zipcode"] = null,
                ["lat"] = details ? r.Latitude : null,
                ["long"] = details ? r.Longitude : null,
                ["media_url"] = null,
            };
        }).ToList();
        return Open311Format.WriteList(format, list, "service_requests", "request");
    }

    private sealed record Row(string Number, ComplaintStatus Status, int ThemeId, int AdministrationId, string Description, string? Address,
        double? Latitude, double? Longitude, DateTime ReceivedUtc, DateTime UpdatedUtc, DateTime AnswerDueUtc, string? AnswerText, string? RejectionReason);
}
