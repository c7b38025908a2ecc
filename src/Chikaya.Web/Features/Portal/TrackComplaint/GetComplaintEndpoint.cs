using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Portal.TrackComplaint;

/// <summary>
/// GET /api/v1/complaints/{number}: the citizen's view, for whoever proves ownership with the
/// <c>X-Secret-Code</c> or <c>X-Contact-Email</c> header. Without proof it is a 404, as if it did not exist.
/// </summary>
public static class GetComplaintEndpoint
{
    public const string SecretCodeHeader = "X-Secret-Code";
    public const string EmailHeader = "X-Contact-Email";

    public static RouteGroupBuilder MapGetComplaint(this RouteGroupBuilder api)
    {
        api.MapGet("/complaints/{number}", async Task<Results<Ok<ComplaintPublicView>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> (
            string number, HttpRequest request, CitizenAccess access, TimeProvider clock,
            IStringLocalizer t, CancellationToken ct) =>
        {
            var proven = await access.ProveAsync(number, request.Headers[SecretCodeHeader], request.Headers[EmailHeader], ct);
            if (proven is null)
                return TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = 404, Title = t["complaint.not-found"], Extensions = { ["code"] = "complaint.not-found" },
                });
            return TypedResults.Ok(ComplaintPublicView.Of(proven, clock.GetUtcNow().UtcDateTime, t));
        }).WithName("GetComplaint").RequireRateLimiting(Infrastructure.Security.RateLimits.Tracking);
        return api;
    }
}
