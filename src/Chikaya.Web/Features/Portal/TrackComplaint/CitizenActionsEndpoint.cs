using System.Text.Json;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Api;
using Chikaya.Web.Features.Deadlines;
using Chikaya.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Features.Portal.TrackComplaint;

/// <summary>
/// What a citizen does after filing, for an app as on the portal: answer the administration's question,
/// add documents, rate the answer, add a remark, reopen. Ownership is proven like GET complaint, with the
/// <c>X-Secret-Code</c> or <c>X-Contact-Email</c> header; each answers with the complaint as it now stands.
/// </summary>
public static class CitizenActionsEndpoint
{
    public sealed record ActionRequest(string? Text, int? Score);

    public static RouteGroupBuilder MapCitizenActions(this RouteGroupBuilder api)
    {
        var complaint = api.MapGroup("/complaints/{number}").DisableAntiforgery().RequireRateLimiting(Infrastructure.Security.RateLimits.Filing);
        complaint.MapPost("/information", (string number, HttpContext http, CancellationToken ct) =>
            ActAsync(number, http, (c, r, now, _) => c.ProvideInformation(Citizen(c), r.Text ?? "", now), ct));
        complaint.MapPost("/rating", (string number, HttpContext http, CancellationToken ct) =>
            ActAsync(number, http, (c, r, now, _) => c.Rate(Citizen(c), r.Score ?? 0, r.Text, now), ct));
        complaint.MapPost("/remarks", (string number, HttpContext http, CancellationToken ct) =>
            ActAsync(number, http, (c, r, now, _) => c.AddRemark(Citizen(c), r.Text ?? "", now), ct));
        complaint.MapPost("/reopen", (string number, HttpContext http, CancellationToken ct) =>
            ActAsync(number, http, (c, r, now, window) => c.Reopen(Citizen(c), r.Text ?? "", now, window), ct));
        complaint.MapPost("/documents", DocumentsAsync).Accepts<IFormFile>("multipart/form-data");
        return api;
    }

    private static Actor Citizen(Complaint c) => Actor.Citizen(c.CitizenUserId, c.ContactName);

    private static async Task<IResult> ActAsync(string number, HttpContext http, Action<Complaint, ActionRequest, DateTime, TimeSpan> act, CancellationToken ct)
    {
        var services = http.RequestServices;
        var t = services.GetRequiredService<IStringLocalizer>();
        ActionRequest? request;
        try { request = http.Request.HasJsonContentType() ? await http.Request.ReadFromJsonAsync<ActionRequest>(ct) : null; }
        catch (JsonException) { return ApiErrors.Validation([("body", "request.json-invalid")], t); }
        if (request is null) return TypedResults.Problem(t["request.unsupported-media-type"], statusCode: StatusCodes.Status415UnsupportedMediaType);
        var window = TimeSpan.FromDays(services.GetRequiredService<IOptions<DeadlineOptions>>().Value.ReopenWindowDays);
        return await ChangeAsync(number, http, c => act(c, request, Now(http), window), ct);
    }

    private static async Task<IResult> DocumentsAsync(string number, HttpContext http, AttachmentIntake intake, IStringLocalizer t, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType) return TypedResults.Problem(t["request.unsupported-media-type"], statusCode: StatusCodes.Status415UnsupportedMediaType);
        var incoming = AttachmentIntake.FromForm((await http.Request.ReadFormAsync(ct)).Files);
        var errors = incoming.Count == 0 ? [("files", "complaint.documents.required")] : await intake.CheckAsync(incoming);
        if (errors.Count > 0) return ApiErrors.Validation(errors, t);
        if (await ProveAsync(number, http, ct) is null) return NotFound(t);
        var stored = await intake.StoreAsync(incoming, ActorKind.Citizen, isPublic: true, ct);
        var result = await ChangeAsync(number, http, c => c.AddDocuments(Citizen(c), stored, Now(http)), ct);
        if (result is not Ok<ComplaintPublicView>) await intake.DiscardAsync(stored);
        return result;
    }

    private static async Task<IResult> ChangeAsync(string number, HttpContext http, Action<Complaint> change, CancellationToken ct)
    {
        var t = http.RequestServices.GetRequiredService<IStringLocalizer>();
        if (await ProveAsync(number, http, ct) is not { } proven) return NotFound(t);
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var complaint = await db.Complaints.Include(c => c.Events).Include(c => c.Attachments).AsSplitQuery().FirstAsync(c => c.Id == proven.Id, ct);
        try
        {
            change(complaint);
            await db.SaveChangesAsync(ct);
        }
        catch (ComplaintRuleException rule)
        {
            return ApiErrors.Validation([(rule.Field ?? "text", rule.Code)], t);
        }
        return TypedResults.Ok(ComplaintPublicView.Of(complaint, Now(http), t));
    }

    private static Task<Complaint?> ProveAsync(string number, HttpContext http, CancellationToken ct) =>
        http.RequestServices.GetRequiredService<CitizenAccess>().ProveAsync(number,
            http.Request.Headers[GetComplaintEndpoint.SecretCodeHeader], http.Request.Headers[GetComplaintEndpoint.EmailHeader], ct);

    private static DateTime Now(HttpContext http) => http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    private static NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails> NotFound(IStringLocalizer t) => TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails
    {
        Status = 404, Title = t["complaint.not-found"], Extensions = { ["code"] = "complaint.not-found" },
    });
}
