namespace Chikaya.Web.Data;

/// <summary>
/// Remembers what a filing with a given idempotency key produced, so that a client which retries
/// (a phone that lost the network, a double click) gets the same complaint back instead of a second one.
/// Saved in the same transaction as the complaint.
/// </summary>
public sealed class IdempotencyRecord
{
    public string Key { get; set; } = "";
    public Guid ComplaintId { get; set; }
    public string TrackingNumber { get; set; } = "";

    /// <summary>The secret code, encrypted with Data Protection: only its hash is on the complaint.</summary>
    public string ProtectedSecretCode { get; set; } = "";

    /// <summary>A hash of what was sent: the same key with different content is refused, not answered with another's code.</summary>
    public string RequestHash { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
