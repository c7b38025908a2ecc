using System.Xml.Linq;

namespace Chikaya.Web.Features.Open311;

/// <summary>The two formats of GeoReport v2, and its error document: a list of { code, description }.</summary>
public static class Open311Format
{
    public static bool IsKnown(string format) => format is "json" or "xml";

    public static IResult Write(string format, object json, string root, Func<XElement> xml)
    {
        if (!IsKnown(format)) return Error("json", 404, 404, $"Unknown format '{format}': use json or xml.");
        return format == "json" ? Results.Json(json) : Xml(xml(), 200);
    }

    public static IResult Error(string format, int status, int code, string description) => format == "xml"
        ? Xml(new XElement("errors", new XElement("error", new XElement("code", code), new XElement("description", description))), status)
        : Results.Json(new[] { new { code, description } }, statusCode: status);

    private static IResult Xml(XElement root, int status) =>
        Results.Text("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + root, "text/xml; charset=utf-8", statusCode: status);
}
