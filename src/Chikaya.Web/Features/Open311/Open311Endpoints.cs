using Chikaya.Web.Features.Partners;

namespace Chikaya.Web.Features.Open311;

/// <summary>
/// Open311 GeoReport v2 under /open311/v2/, in JSON and XML: discovery, services, service definitions,
/// service requests (POST, list, one, token) and FixMyStreet's updates extension.
/// </summary>
public static class Open311Endpoints
{
    public const string Prefix = "/open311";

    public static WebApplication MapOpen311(this WebApplication app)
    {
        var open311 = app.MapGroup("/open311/v2").ExcludeFromDescription().DisableAntiforgery();
        open311.MapOpen311Services();

        var reading = open311.MapGroup("").AddEndpointFilter(new PartnerKeyFilter(PartnerPermissions.None));
        reading.MapGet("/requests.{format}", ServiceRequestQuery.ListAsync);
        reading.MapGet("/requests/{id}.{format}", ServiceRequestQuery.OneAsync);
        reading.MapGet("/tokens/{token}.{format}", ServiceRequestQuery.TokenAsync);
        reading.MapGet("/servicerequestupdates.{format}", ServiceRequestUpdates.ListAsync);

        open311.MapPost("/requests.{format}", PostServiceRequest.HandleAsync)
            .AddEndpointFilter(new PartnerKeyFilter(PartnerPermissions.File));
        open311.MapPost("/servicerequestupdates.{format}", ServiceRequestUpdates.PostAsync)
            .AddEndpointFilter(new PartnerKeyFilter(PartnerPermissions.PostUpdates));
        return app;
    }

    /// <summary>
    /// What the framework itself answers before an endpoint runs (no such method, no such route, a body it
    /// cannot read) in the spec's error format rather than an empty page or a ProblemDetails.
    /// </summary>
    public static async Task WriteStatusAsync(HttpContext http)
    {
        var status = http.Response.StatusCode;
        var t = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer>();
        var text = status switch
        {
            404 => t["open311.not-found"],
            405 => t["open311.method-not-allowed"],
            415 => t["open311.form-required"],
            429 => t["partner.key.rate-limited"],
            >= 500 => t["server.error"],
            _ => t["request.invalid"],
        };
        await Open311Format.Error(Open311Format.Of(http.Request.Path), status, text).ExecuteAsync(http);
    }
}
