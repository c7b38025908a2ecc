using System.Globalization;
using System.Xml.Linq;

namespace Chikaya.Web.Features.Open311;

/// <summary>
/// The two formats of GeoReport v2 and its error document (a list of { code, description }). Every value
/// is written in the invariant culture, whatever the request's language; dates in W3C format with a zone.
/// </summary>
public static class Open311Format
{
    public static bool IsKnown(string format) => format is "json" or "xml";

    /// <summary>The format a path asks for, for errors raised before an endpoint runs: xml if it ends so, else json.</summary>
    public static string Of(PathString path) => path.Value?.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) == true ? "xml" : "json";

    public static IResult Write(string format, object json, string root, Func<XElement> xml, int status = 200)
    {
        if (!IsKnown(format)) return UnknownFormat(format);
        return format == "json" ? Results.Json(json, statusCode: status) : Xml(xml(), status);
    }

    /// <summary>A list of records, as a JSON array or as XML elements named <paramref name="item"/> under <paramref name="root"/>.</summary>
    public static IResult WriteList(string format, IReadOnlyList<IReadOnlyDictionary<string, object?>> items, string root, string item, int status = 200) =>
        Write(format, items.Select(Json).ToList(), root, () => new XElement(root, items.Select(i => Element(item, i))), status);

    public static IResult UnknownFormat(string format) => Error("json", 404, $"Unknown format '{format}': use json or xml.");

    public static IResult Error(string format, int status, string description) => Errors(format, status, [description]);

    public static IResult Errors(string format, int status, IReadOnlyList<string> descriptions) => format == "xml"
        ? Xml(new XElement("errors", descriptions.Select(d => new XElement("error", new XElement("code", status), new XElement("description", d)))), status)
        : Results.Json(descriptions.Select(d => new { code = status, description = d }).ToList(), statusCode: status);

    public static string W3C(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static readonly string[] DateFormats =
        ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd"];

    /// <summary>A W3C date; a '+' of the zone that arrived unencoded in a query string is read back from its space.</summary>
    public static bool TryParseDate(string text, out DateTime utc)
    {
        var ok = DateTimeOffset.TryParseExact(text.Trim().Replace(' ', '+'), DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var value);
        utc = ok ? value.UtcDateTime : default;
        return ok;
    }

    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    public static XElement Element(string name, IReadOnlyDictionary<string, object?> fields) =>
        new(name, fields.Select(f => f.Value switch
        {
            IReadOnlyDictionary<string, object?> child => Element(f.Key, child),
            IEnumerable<IReadOnlyDictionary<string, object?>> list => new XElement(f.Key, list.Select(c => Element(f.Key.TrimEnd('s'), c))),
            var value => new XElement(f.Key, Text(value)),
        }));

    private static Dictionary<string, object?> Json(IReadOnlyDictionary<string, object?> fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value switch
        {
            DateTime date => W3C(date),
            IReadOnlyDictionary<string, object?> child => Json(child),
            IEnumerable<IReadOnlyDictionary<string, object?>> list => list.Select(Json).ToList(),
            var value => value,
        });

    private static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        DateTime date => W3C(date),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static IResult Xml(XElement root, int status) =>
        Results.Text("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + root, "text/xml; charset=utf-8", statusCode: status);
}
