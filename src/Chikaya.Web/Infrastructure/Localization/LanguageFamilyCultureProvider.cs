using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Chikaya.Web.Infrastructure.Localization;

/// <summary>
/// Reads Accept-Language by language, not by country: a phone set to "ar", "ar-EG" or "ar-MA"
/// gets the Arabic interface, "fr" or "fr-FR" the French one.
/// </summary>
public sealed class LanguageFamilyCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var header = httpContext.Request.GetTypedHeaders().AcceptLanguage;
        var match = header.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.Value ?? "")
            .Select(Family).FirstOrDefault(c => c is not null);
        return Task.FromResult(match is null ? null : new ProviderCultureResult(match));
    }

    public static string? Family(string language) =>
        language.StartsWith("ar", StringComparison.OrdinalIgnoreCase) ? LocalizationSetup.Arabic
        : language.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? LocalizationSetup.French
        : null;
}
