using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Infrastructure.Localization;

/// <summary>
/// One shared catalogue for the whole app. The key is the French text (or a dotted code such as
/// <c>status.received</c>); a text missing in Arabic falls back to French, then to the key itself.
/// </summary>
public interface IPluralLocalizer
{
    LocalizedString Plural(int count, string singular, string plural, params object[] arguments);
}

public sealed class PoStringLocalizer(IReadOnlyDictionary<string, PoCatalog> catalogs) : IStringLocalizer, IPluralLocalizer
{
    public LocalizedString this[string name] => Find(name, []);

    public LocalizedString this[string name, params object[] arguments] => Find(name, arguments);

    public LocalizedString Plural(int count, string singular, string plural, params object[] arguments)
    {
        var catalog = Current();
        var text = catalog?.GetPlural(singular, count) ?? catalogs.GetValueOrDefault("fr")?.GetPlural(singular, count)
            ?? (PluralRules.French(count) == 0 ? singular : plural);
        object[] all = [count, .. arguments];
        return new LocalizedString(singular, string.Format(CultureInfo.CurrentCulture, text, all), catalog is null);
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        (Current()?.Keys ?? []).Select(key => this[key]);

    private LocalizedString Find(string name, object[] arguments)
    {
        var translated = Current()?.Get(name);
        var text = translated ?? catalogs.GetValueOrDefault("fr")?.Get(name) ?? name;
        if (arguments.Length > 0) text = string.Format(CultureInfo.CurrentCulture, text, arguments);
        return new LocalizedString(name, text, resourceNotFound: translated is null && Language() != "fr");
    }

    private PoCatalog? Current() => catalogs.GetValueOrDefault(Language());

    private static string Language() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}

public sealed class PoStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly PoStringLocalizer _localizer;

    public PoStringLocalizerFactory()
    {
        var assembly = typeof(PoStringLocalizerFactory).Assembly;
        var catalogs = new Dictionary<string, PoCatalog>
        {
            ["fr"] = new("fr", PluralRules.French),
            ["ar"] = new("ar", PluralRules.Arabic),
        };
        foreach (var (language, catalog) in catalogs)
        {
            using var stream = assembly.GetManifestResourceStream($"Chikaya.Localization.{language}.po");
            if (stream is null) continue;
            using var reader = new StreamReader(stream);
            catalog.Load(reader);
        }
        _localizer = new PoStringLocalizer(catalogs);
        Catalogs = catalogs;
    }

    public IReadOnlyDictionary<string, PoCatalog> Catalogs { get; }

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}

public static class PluralLocalizerExtensions
{
    /// <summary><c>T.Plural(n, "{0} réclamation", "{0} réclamations")</c>: the form the language needs for n.</summary>
    public static LocalizedString Plural(this IStringLocalizer localizer, int count, string singular, string plural,
        params object[] arguments) =>
        localizer is IPluralLocalizer po
            ? po.Plural(count, singular, plural, arguments)
            : new LocalizedString(singular, string.Format(CultureInfo.CurrentCulture, count > 1 ? plural : singular, count));
}

/// <summary>What <c>IStringLocalizer&lt;T&gt;</c> resolves to: the shared catalogue, plurals included.</summary>
public sealed class SharedLocalizer<T>(IStringLocalizerFactory factory) : IStringLocalizer<T>, IPluralLocalizer
{
    private readonly IStringLocalizer _inner = factory.Create(typeof(T));

    public LocalizedString this[string name] => _inner[name];

    public LocalizedString this[string name, params object[] arguments] => _inner[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _inner.GetAllStrings(includeParentCultures);

    public LocalizedString Plural(int count, string singular, string plural, params object[] arguments) =>
        _inner.Plural(count, singular, plural, arguments);
}
