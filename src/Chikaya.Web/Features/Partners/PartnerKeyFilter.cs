using Chikaya.Web.Data;
using Chikaya.Web.Features.Open311;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Partners;

/// <summary>
/// Finds the partner behind the api_key of an Open311 call (query string or form), refuses an unknown or
/// revoked key and a missing permission with the spec's 403, limits its rate, and records the use.
/// </summary>
public sealed class PartnerKeyFilter(PartnerPermissions required) : IEndpointFilter
{
    public static Partner? Current(HttpContext http) => http.Items[typeof(Partner)] as Partner;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var t = services.GetRequiredService<IStringLocalizer>();
        var format = http.GetRouteValue("format") as string ?? Open311Format.Of(http.Request.Path);
        var key = await KeyAsync(http.Request);
        if (key is null)
            return required == PartnerPermissions.None ? await next(context) : Open311Format.Error(format, 403, t["partner.key.required"]);

        var db = services.GetRequiredService<AppDbContext>();
        var hash = Partner.HashKey(key);
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.KeyHash == hash, http.RequestAborted);
        if (partner is not { IsActive: true }) return Open311Format.Error(format, 403, t["partner.key.invalid"]);
        if (required != PartnerPermissions.None && !partner.May(required))
            return await RecordAsync(db, http, partner, Open311Format.Error(format, 403, t["partner.key.not-allowed"]));
        if (!services.GetRequiredService<PartnerRateLimiter>().TryAcquire(partner))
        {
            http.Response.Headers.RetryAfter = "60";
            return await RecordAsync(db, http, partner, Open311Format.Error(format, 429, t["partner.key.rate-limited"]));
        }
        http.Items[typeof(Partner)] = partner;
        return await RecordAsync(db, http, partner, await next(context));
    }

    private static async Task<string?> KeyAsync(HttpRequest request)
    {
        var key = request.Query["api_key"].ToString();
        if (string.IsNullOrWhiteSpace(key) && request.HasFormContentType)
        {
            try { key = (await request.ReadFormAsync(request.HttpContext.RequestAborted))["api_key"].ToString(); }
            // a malformed body: the endpoint reports it
            catch (Exception e) when (e is InvalidDataException or InvalidOperationException or BadHttpRequestException) { }
        }
        return string.IsNullOrWhiteSpace(key) ? null : key.Trim();
    }

    private static async Task<object?> RecordAsync(AppDbContext db, HttpContext http, Partner partner, object? result)
    {
        var path = http.Request.Path.Value ?? "";
        db.PartnerUses.Add(new PartnerUse
        {
            PartnerId = partner.Id, Method = http.Request.Method, Path = path.Length > 300 ? path[..300] : path,
            AtUtc = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            Status = result is IStatusCodeHttpResult { StatusCode: { } status } ? status : 200,
        });
        await db.SaveChangesAsync(CancellationToken.None);
        return result;
    }
}
