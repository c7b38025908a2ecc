using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Infrastructure.Localization;

public static class LocalizationSetup
{
    public const string French = "fr-MA";
    public const string Arabic = "ar-MA";
    public static readonly string[] Cultures = [French, Arabic];

    public static IServiceCollection AddChikayaLocalization(this IServiceCollection services)
    {
        services.AddSingleton<PoStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory>(sp => sp.GetRequiredService<PoStringLocalizerFactory>());
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(SharedLocalizer<>));
        services.AddSingleton<IStringLocalizer>(sp => sp.GetRequiredService<IStringLocalizer<SharedResource>>());
        services.Configure<RequestLocalizationOptions>(options =>
        {
            // Gregorian calendar and Latin digits in both languages, as Moroccan administrations write dates
            var cultures = Cultures.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(French);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new LanguageFamilyCultureProvider(),
            ];
            options.ApplyCurrentCultureToResponseHeaders = true;
        });
        return services;
    }

    /// <summary>Model-binding messages ("the value is not valid") in the user's language.</summary>
    public static void LocalizeBindingMessages(DefaultModelBindingMessageProvider messages, IStringLocalizer t)
    {
        messages.SetValueIsInvalidAccessor(_ => t["La valeur saisie n'est pas valide."]);
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => t["La valeur saisie n'est pas valide."]);
        messages.SetValueMustBeANumberAccessor(_ => t["Ce champ doit être un nombre."]);
        messages.SetMissingBindRequiredValueAccessor(_ => t["Ce champ est obligatoire."]);
        messages.SetValueMustNotBeNullAccessor(_ => t["Ce champ est obligatoire."]);
        messages.SetMissingKeyOrValueAccessor(() => t["Ce champ est obligatoire."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => t["Le contenu de la requête est manquant."]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => t["La valeur saisie n'est pas valide."]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["La valeur saisie n'est pas valide."]);
        messages.SetUnknownValueIsInvalidAccessor(_ => t["La valeur saisie n'est pas valide."]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => t["Ce champ doit être un nombre."]);
    }

    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar" ? "ar" : "fr";

    public static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;
}
