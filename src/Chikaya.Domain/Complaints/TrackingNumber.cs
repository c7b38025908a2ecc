using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Chikaya.Domain.Complaints;

/// <summary>
/// The number people read out on the phone: <c>CH-2026-7K4P9Q</c>. Its alphabet leaves out
/// letters and digits that sound or look alike (0/O, 1/I/L, U/V).
/// </summary>
public static partial class TrackingNumber
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";
    private const int RandomLength = 6;

    public static string New(DateTime receivedUtc) =>
        $"CH-{receivedUtc.Year:D4}-{RandomNumberGenerator.GetString(Alphabet, RandomLength)}";

    /// <summary>Accepts what a person types ("ch 2026 7k4p9q") and returns the canonical form, or null.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40) return null;
        var compact = Separators().Replace(input.Trim().ToUpperInvariant(), "");
        var match = Compact().Match(compact);
        return match.Success ? $"CH-{match.Groups[1].Value}-{match.Groups[2].Value}" : null;
    }

    [GeneratedRegex(@"[\s\-_./]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^CH(\d{4})([23456789ABCDEFGHJKMNPQRSTWXYZ]{6})$")]
    private static partial Regex Compact();
}
