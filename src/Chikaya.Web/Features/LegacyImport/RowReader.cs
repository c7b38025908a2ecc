using System.Globalization;
using Chikaya.Domain.Complaints;

namespace Chikaya.Web.Features.LegacyImport;

/// <summary>Reads the cells of a row in the invariant culture, collecting an error code per unreadable cell.</summary>
public sealed class RowReader(List<string> errors)
{
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"];

    public static string? Clean(string? cell) => string.IsNullOrWhiteSpace(cell) ? null : cell.Trim();

    public DateTime? Date(string? cell, string column)
    {
        if (Clean(cell) is not { } text) return null;
        if (DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)) return value.UtcDateTime;
        errors.Add("import.date.invalid:" + column);
        return null;
    }

    public double? Number(string? cell, string column)
    {
        if (Clean(cell) is not { } text) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        errors.Add("import.number.invalid:" + column);
        return null;
    }

    public T Enum<T>(string? cell, T fallback, string code) where T : struct, System.Enum
    {
        if (Clean(cell) is not { } text) return fallback;
        if (System.Enum.TryParse<T>(text.Replace("_", "").Replace("-", ""), ignoreCase: true, out var value)
            && System.Enum.IsDefined(value) && !int.TryParse(text, out _)) return value;
        errors.Add(code);
        return fallback;
    }

    public static string Name(Channel channel) => channel.ToString().ToLowerInvariant();

    public static string Name(SubmissionKind kind) => kind.ToString().ToLowerInvariant();
}
