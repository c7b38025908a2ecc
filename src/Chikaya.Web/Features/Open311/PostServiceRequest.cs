using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Partners;
using Chikaya.Web.Features.Portal.SubmitComplaint;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Open311;

/// <summary>
/// POST requests.{format}: a partner files a complaint for a citizen, form-encoded as the spec says.
/// Filing is synchronous: the answer carries the service_request_id (our tracking number), never a token.
/// </summary>
public static class PostServiceRequest
{
    public static async Task<IResult> HandleAsync(string format, HttpContext http, AppDbContext db,
        SubmitComplaintHandler handler, ComplaintRouter router, IStringLocalizer t, CancellationToken ct)
    {
        if (!Open311Format.IsKnown(format)) return Open311Format.UnknownFormat(format);
        if (!http.Request.HasFormContentType) return Open311Format.Error(format, 415, t["open311.form-required"]);
        IFormCollection form;
        try { form = await http.Request.ReadFormAsync(ct); }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or BadHttpRequestException)
        {
            return Open311Format.Error(format, 400, t["request.invalid"]);
        }
        Open311Services.ApplyLocale(Open311Attributes.Single(form, "locale"));
        var partner = PartnerKeyFilter.Current(http)!;
        string? Field(string name) => Open311Attributes.Single(form, name);

        var errors = new List<string>();
        var (attributes, attributeErrors) = Open311Attributes.Read(form);
        errors.AddRange(attributeErrors.Select(e => t[e.Key, e.Argument].Value));
        var theme = Field("service_code") is { } code ? await db.Themes.AsNoTracking().FirstOrDefaultAsync(x => x.Code == code && x.IsActive, ct) : null;
        if (theme is null) errors.Add(t[Field("service_code") is null ? "open311.service-code.required" : "open311.service-code.unknown"]);

        int? administrationId = null;
        if (Field("jurisdiction_id") is { } jurisdiction)
        {
            administrationId = await db.Administrations.Where(a => a.Code == jurisdiction && a.IsActive).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            if (administrationId is null) return Open311Format.Error(format, 404, t["open311.jurisdiction.unknown", jurisdiction]);
            if (!partner.Covers(administrationId.Value)) return Open311Format.Error(format, 403, t["partner.key.not-allowed"]);
        }

        double? lat = null, lon = null;
        if (Field("lat") is { } latText) { if (Open311Format.TryParseNumber(latText, out var v)) lat = v; else errors.Add(t["open311.lat.invalid"]); }
        if (Field("long") is { } lonText) { if (Open311Format.TryParseNumber(lonText, out var v)) lon = v; else errors.Add(t["open311.long.invalid"]); }
        var address = Field("address_string") ?? Field("address_id");
        if (lat is null && lon is null && address is null && !errors.Any()) errors.Add(t["open311.location.required"]);
        var media = Field("media_url");
        if (media is not null && !(Uri.TryCreate(media, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && media.Length <= 500))
            errors.Add(t["open311.media-url.invalid"]);
        if (errors.Count > 0) return Open311Format.Errors(format, 400, errors);

        // the partner may only file where its key reaches: decide the administration before filing
        var (route, routeErrors) = await router.ResolveAsync(theme!.Id, administrationId, attributes.TerritoryCode, ct);
        if (route is null) return Open311Format.Errors(format, 400, routeErrors.Select(e => t[e.Code].Value).ToList());
        if (!partner.Covers(route.AdministrationId)) return Open311Format.Error(format, 403, t["partner.key.not-allowed"]);

        var description = Field("description") ?? "";
        var result = await handler.HandleAsync(new SubmitComplaintCommand
        {
            Kind = attributes.Kind,
            Channel = Channel.Partner,
            ThemeId = theme.Id,
            AdministrationId = route.AdministrationId,
            TerritoryCode = attributes.TerritoryCode,
            Subject = NewComplaint.SubjectFrom(description, theme.NameFr),
            Description = media is null ? description : description + "\n\n" + media,
            Language = Open311Services.IsArabic(Field("locale")) ? "ar" : "fr",
            Latitude = lat,
            Longitude = lon,
            Address = address,
            ContactName = string.Join(' ', new[] { Field("first_name"), Field("last_name") }.OfType<string>()) is { Length: > 0 } name ? name : null,
            ContactEmail = Field("email"),
            ContactPhone = Field("phone"),
        }, ct);
        if (result is SubmitComplaintResult.Invalid invalid)
            return Open311Format.Errors(format, 400, invalid.Errors.Select(e => t[e.Code].Value).Distinct().ToList());

        var filed = (SubmitComplaintResult.Filed)result;
        http.Response.Headers.Location = $"/open311/v2/requests/{filed.Complaint.TrackingNumber}.{format}";
        var receipt = new Dictionary<string, object?>
        {
            ["service_request_id"] = filed.Complaint.TrackingNumber,
            ["service_notice"] = t["open311.notice", Open311Format.W3C(filed.Complaint.AnswerDueUtc)[..10]].Value,
            ["account_id"] = null,
            ["secret_code"] = filed.SecretCode,
            ["tracking_url"] = $"/track/{filed.Complaint.TrackingNumber}",
        };
        return Open311Format.WriteList(format, [receipt], "service_requests", "request", status: 201);
    }
}
