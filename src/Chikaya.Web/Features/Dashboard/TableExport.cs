using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Chikaya.Web.Features.Dashboard;

/// <summary>A table as the exports write it: localized headers, then rows of plain values.</summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>UTF-8 with a byte order mark (spreadsheets then read Arabic right), invariant numbers.</summary>
    public byte[] ToCsv()
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', Headers.Select(Quote)));
        foreach (var row in Rows) text.AppendLine(string.Join(',', row.Select(v => Quote(Format(v)))));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public byte[] ToXlsx()
    {
        var sheet = Rows.Select(row => (IDictionary<string, object?>)Headers.Select((h, i) => (h, row[i]))
            .ToDictionary(p => p.h, p => p.Item2)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: Name);
        return stream.ToArray();
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 || field.StartsWith('=') || field.StartsWith('+') || field.StartsWith('@')
            ? "\"" + (field.StartsWith('=') || field.StartsWith('+') || field.StartsWith('@') ? "'" : "") + field.Replace("\"", "\"\"") + "\""
            : field;
}
