using System.Globalization;
using System.Text.Json;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Features.Api;
using Chikaya.Web.Infrastructure.Files;
using Chikaya.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Portal.SubmitComplaint;

/// <summary>POST /api/v1/complaints, as JSON or as multipart form data with files.</summary>
public static class SubmitComplaintEndpoint
{
    public sealed record ComplaintRequest(
        SubmissionKind? Kind, int? ThemeId, int? AdministrationId, string? TerritoryCode, string? Subject,
        string? Description, string? Language, double? Latitude, double? Longitude, string? Address,
        string? ContactName, string? ContactEmail, string? ContactPhone);

    public sealed record ComplaintReceipt(string TrackingNumber, string SecretCode, string Kind, string Status,
        DateTime ReceivedAt, DateTime DecisionDueAt, DateTime AnswerDueAt, int AdministrationId, string TrackingUrl);

    public const string IdempotencyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapSubmitComplaint(this RouteGroupBuilder api)
    {
        api.MapPost("/complaints", HandleAsync).WithName("SubmitComplaint")
            .Accepts<ComplaintRequest>("application/json", "multipart/form-data")
            .DisableAntiforgery()
            .RequireRateLimiting(Infrastructure.Security.RateLimits.Filing);
        return api;
    }

    private static async Task<Results<Created<ComplaintReceipt>, Ok<ComplaintReceipt>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        HttpContext http, SubmitComplaintHandler handler, IStringLocalizer t, CancellationToken ct)
    {
        var key = http.Request.Headers[IdempotencyHeader].ToString();
        if (key.Length > 100) return ApiErrors.Validation([("idempotencyKey", "idempotency.key-invalid")], t);

        var (request, files, error) = await ReadAsync(http.Request, ct);
        if (error is not null) return ApiErrors.Validation([error.Value], t);
        if (request is null)
            return TypedResults.Problem(t["request.unsupported-media-type"], statusCode: StatusCodes.Status415UnsupportedMediaType);

        var result = await handler.HandleAsync(new SubmitComplaintCommand
        {
            Kind = request.Kind ?? SubmissionKind.Complaint,
            Channel = Channel.Web,
            ThemeId = request.ThemeId,
            AdministrationId = request.AdministrationId,
            TerritoryCode = request.TerritoryCode,
            Subject = request.Subject,
            Description = request.Description,
            Language = request.Language ?? LocalizationSetup.CurrentLanguage,
            Latitude = request.Latitude,
            Longitude = request.Longitude,
            Address = request.Address,
            ContactName = request.ContactName,
            ContactEmail = request.ContactEmail,
            ContactPhone = request.ContactPhone,
            Files = files,
            IdempotencyKey = string.IsNullOrWhiteSpace(key) ? null : "api:" + key.Trim(),
        }, ct);

        if (result is SubmitComplaintResult.Invalid invalid) return ApiErrors.Validation(invalid.Errors, t);
        var filed = (SubmitComplaintResult.Filed)result;
        var c = filed.Complaint;
        var receipt = new ComplaintReceipt(c.TrackingNumber, filed.SecretCode, c.Kind.ToString(), c.Status.ToString(),
            c.ReceivedUtc, c.DecisionDueUtc, c.AnswerDueUtc, c.AdministrationId, $"/track/{c.TrackingNumber}");
        var location = $"/api/v1/complaints/{c.TrackingNumber}";
        return filed.Replayed ? TypedResults.Ok(receipt) : TypedResults.Created(location, receipt);
    }

    private static async Task<(ComplaintRequest?, IReadOnlyList<IncomingFile>, (string, string)?)> ReadAsync(
        HttpRequest request, CancellationToken ct)
    {
        if (request.HasJsonContentType())
        {
            try
            {
                var body = await request.ReadFromJsonAsync<ComplaintRequest>(ct);
                return body is null ? (null, [], ("body", "request.body-required")) : (body, [], null);
            }
            catch (JsonException) { return (null, [], ("body", "request.json-invalid")); }
            // an unknown charset
            catch (InvalidOperationException) { return (null, [], ("body", "request.invalid")); }
        }
        if (!request.HasFormContentType) return (null, [], null);

        IFormCollection form;
        try { form = await request.ReadFormAsync(ct); }
        // a multipart body without boundary, a truncated body, an unknown charset
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or BadHttpRequestException)
        {
            return (null, [], ("body", "request.invalid"));
        }
        string? Field(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        var errors = new List<(string, string)>();
        int? Int(string name) => Field(name) is { } s ? int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : Fail<int>(name) : null;
        double? Number(string name) => Field(name) is { } s
            ? double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : Fail<double>(name)
            : null;
        T? Fail<T>(string name) where T : struct { errors.Add((name, "request.value-invalid")); return null; }
        SubmissionKind? kind = Field("kind") is { } k
            ? Enum.TryParse<SubmissionKind>(k, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : Fail<SubmissionKind>("kind")
            : null;

        var body2 = new ComplaintRequest(kind, Int("themeId"), Int("administrationId"), Field("territoryCode"),
            Field("subject"), Field("description"), Field("language"), Number("latitude"), Number("longitude"),
            Field("address"), Field("contactName"), Field("contactEmail"), Field("contactPhone"));
        if (errors.Count > 0) return (body2, [], errors[0]);
        return (body2, AttachmentIntake.FromForm(form.Files), null);
    }
}
