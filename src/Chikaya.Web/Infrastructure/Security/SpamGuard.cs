using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Infrastructure.Security;

/// <summary><c>Chikaya:Spam</c>.</summary>
public sealed class SpamOptions
{
    public const string Section = "Chikaya:Spam";

    /// <summary>A person takes longer than this to fill a form; a robot posting faster is refused.</summary>
    public int MinSeconds { get; set; } = 3;
}

/// <summary>
/// Spam protection that needs no third-party service: a field people do not see (robots fill it) and
/// the time since the form was shown, carried in an encrypted token.
/// </summary>
public sealed class SpamGuard(IDataProtectionProvider protection, IOptions<SpamOptions> options, TimeProvider clock)
{
    public const string HoneypotField = "Website";
    public const string TokenField = "FormToken";
    private readonly IDataProtector _protector = protection.CreateProtector("Chikaya.FormToken");

    public string IssueToken() => _protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>True when the post looks like a person's.</summary>
    public bool LooksHuman(HttpRequest request)
    {
        if (!request.HasFormContentType) return false;
        if (!string.IsNullOrEmpty(request.Form[HoneypotField])) return false;
        try
        {
            var shown = long.Parse(_protector.Unprotect(request.Form[TokenField].ToString()), CultureInfo.InvariantCulture);
            return clock.GetUtcNow().UtcTicks - shown >= TimeSpan.FromSeconds(options.Value.MinSeconds).Ticks;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return false;
        }
    }
}
