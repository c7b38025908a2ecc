using System.Security.Cryptography;
using System.Text;

namespace Chikaya.Domain.Complaints;

/// <summary>
/// The code printed on the receipt that proves ownership of an anonymous complaint.
/// Only its hash is kept, salted with the tracking number.
/// </summary>
public static class SecretCode
{
    private const int Length = 8;

    public static string New()
    {
        var raw = RandomNumberGenerator.GetString(TrackingNumber.Alphabet, Length);
        return $"{raw[..4]}-{raw[4..]}";
    }

    public static string Hash(string trackingNumber, string code)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(trackingNumber + ":" + Canonical(code)));
        return Convert.ToHexString(bytes);
    }

    public static bool Matches(string trackingNumber, string? code, string expectedHash)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 40) return false;
        var actual = Encoding.ASCII.GetBytes(Hash(trackingNumber, code));
        return CryptographicOperations.FixedTimeEquals(actual, Encoding.ASCII.GetBytes(expectedHash));
    }

    private static string Canonical(string code) =>
        new(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
