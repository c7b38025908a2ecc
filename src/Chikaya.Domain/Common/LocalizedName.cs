namespace Chikaya.Domain.Common;

/// <summary>A display name in the platform's two languages.</summary>
public sealed record LocalizedName(string Fr, string Ar)
{
    public string For(string language) => language.StartsWith("ar", StringComparison.OrdinalIgnoreCase) ? Ar : Fr;
}
