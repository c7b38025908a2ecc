using System.Text.RegularExpressions;

namespace Chikaya.Domain.Citizens;

/// <summary>How contact details are recognised and written, so that one person is found whatever they typed.</summary>
public static partial class ContactRules
{
    public const int MaxEmailLength = 254;

    /// <summary>Lower-cased and trimmed, or null when it is not an e-mail address.</summary>
    public static string? NormalizeEmail(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var email = input.Trim().ToLowerInvariant();
        return email.Length <= MaxEmailLength && Email().IsMatch(email) ? email : null;
    }

    /// <summary>
    /// International form (+212612345678). Moroccan numbers are accepted as people write them:
    /// 0612345678, 06 12 34 56 78, 00212 6..., +212 (0)6...
    /// </summary>
    public static string? NormalizePhone(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 30) return null;
        var digits = PhoneSeparators().Replace(input.Trim(), "");
        if (digits.StartsWith("00")) digits = "+" + digits[2..];
        if (digits.StartsWith("+212(0)")) digits = "+212" + digits[7..];
        digits = digits.Replace("(", "").Replace(")", "");
        if (MoroccanNational().IsMatch(digits)) return "+212" + digits[1..];
        if (digits.StartsWith("+2120")) digits = "+212" + digits[5..];
        if (digits.StartsWith("+212")) return MoroccanInternational().IsMatch(digits) ? digits : null;
        return International().IsMatch(digits) ? digits : null;
    }

    /// <summary>
    /// A national identity card number (CIN) as printed: one or two letters, then digits (AB123456, A12345).
    /// Upper case without spaces or dashes, or null when it is not one.
    /// </summary>
    public static string? NormalizeCin(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 20) return null;
        var cin = PhoneSeparators().Replace(input.Trim(), "").ToUpperInvariant();
        return Cin().IsMatch(cin) ? cin : null;
    }

    [GeneratedRegex(@"^[A-Z]{1,2}\d{1,6}$")]
    private static partial Regex Cin();

    [GeneratedRegex(@"^[^@\s<>""]+@[^@\s<>""]+\.[^@\s<>""]{2,}$")]
    private static partial Regex Email();

    [GeneratedRegex(@"[\s.\-]")]
    private static partial Regex PhoneSeparators();

    [GeneratedRegex(@"^0[5-8]\d{8}$")]
    private static partial Regex MoroccanNational();

    [GeneratedRegex(@"^\+212[5-8]\d{8}$")]
    private static partial Regex MoroccanInternational();

    [GeneratedRegex(@"^\+[1-9]\d{7,14}$")]
    private static partial Regex International();
}
