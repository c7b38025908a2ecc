using System.Security.Cryptography;
using System.Text;

namespace Chikaya.Web.Features.Partners;

/// <summary>What a partner's key allows.</summary>
[Flags]
public enum PartnerPermissions
{
    None = 0,
    /// <summary>POST service requests on behalf of citizens.</summary>
    File = 1,
    /// <summary>Read the description, address and place of its administrations' requests.</summary>
    ReadDetails = 2,
    /// <summary>POST service request updates (the citizen's comments, as FixMyStreet sends them).</summary>
    PostUpdates = 4,
}

/// <summary>The complaint events a partner can subscribe to.</summary>
[Flags]
public enum WebhookEvents
{
    None = 0,
    Filed = 1,
    Routed = 2,
    Answered = 4,
    Closed = 8,
    Reopened = 16,
    Rejected = 32,
}

/// <summary>
/// A system that files and follows complaints through the open APIs: a city's app, a FixMyStreet
/// instance. Its key is stored as a hash only, shown once when it is issued.
/// </summary>
public sealed class Partner
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string KeyHash { get; set; } = "";

    /// <summary>The key's last characters, to tell keys apart on the admin page.</summary>
    public string KeyHint { get; set; } = "";
    public PartnerPermissions Permissions { get; set; }

    /// <summary>Empty with <see cref="AllAdministrations"/>: every administration of the platform.</summary>
    public List<int> AdministrationIds { get; set; } = [];
    public bool AllAdministrations { get; set; }
    public int RequestsPerMinute { get; set; } = 120;
    public DateTime CreatedUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
    public string? WebhookUrl { get; set; }

    /// <summary>The HMAC secret, protected with the platform's data-protection keys.</summary>
    public string? ProtectedWebhookSecret { get; set; }
    public WebhookEvents WebhookEvents { get; set; }

    public bool IsActive => RevokedUtc is null;

    public bool Covers(int administrationId) => AllAdministrations || AdministrationIds.Contains(administrationId);

    public bool May(PartnerPermissions permission) => IsActive && Permissions.HasFlag(permission);

    public static string HashKey(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key: 32 bytes, URL-safe.</summary>
    public static string NewKey() => "chk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public void IssueKey(string key)
    {
        KeyHash = HashKey(key);
        KeyHint = key[^4..];
    }
}

/// <summary>One call of a partner: who, when, what, with which outcome.</summary>
public sealed class PartnerUse
{
    public long Id { get; set; }
    public int PartnerId { get; set; }
    public DateTime AtUtc { get; set; }
    public string Method { get; set; } = "";
    public string Path { get; set; } = "";
    public int Status { get; set; }
}

/// <summary>An update a partner posted (FixMyStreet's update_id), and the history entry it became: a retry gets the same answer.</summary>
public sealed class PartnerUpdateReceipt
{
    public int PartnerId { get; set; }
    public string ExternalId { get; set; } = "";
    public long EventId { get; set; }
    public DateTime ReceivedUtc { get; set; }
}
