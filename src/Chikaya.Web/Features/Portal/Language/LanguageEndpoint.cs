using Chikaya.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Localization;

namespace Chikaya.Web.Features.Portal.Language;

/// <summary>GET /language/{culture}: remembers the choice in a cookie for a year and goes back to the page.</summary>
public static class LanguageEndpoint
{
    public static WebApplication MapLanguageSwitch(this WebApplication app)
    {
        app.MapGet("/language/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (!LocalizationSetup.Cultures.Contains(culture)) culture = LocalizationSetup.French;
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
                ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();
        return app;
    }
}
