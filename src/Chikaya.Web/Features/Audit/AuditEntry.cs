using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Chikaya.Web.Features.Audit;

/// <summary>
/// One line of the append-only audit log: every action on a complaint and every time staff open
/// personal data. Lines are sealed, in the order they become visible, into a hash chain, so that changing or deleting one
/// breaks every hash after it.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime OccurredUtc { get; set; }
    public string? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    public string Action { get; set; } = "";
    public string Subject { get; set; } = "";
    public string? Details { get; set; }

    /// <summary>Null until the sealing job chains it to the line before.</summary>
    public string? Hash { get; set; }

    /// <summary>
    /// The line's place in the chain, 1, 2, 3… in the order it was sealed, null until then. On PostgreSQL a line can
    /// become visible after lines with higher ids (its transaction committed later), so the chain follows this order, not the id's;
    /// a missing number is a deleted line.
    /// </summary>
    public long? Position { get; set; }

    public string ComputeHash(string? previousHash)
    {
        var text = string.Join('\u001f', previousHash ?? "", Id.ToString(CultureInfo.InvariantCulture),
            OccurredUtc.ToString("O", CultureInfo.InvariantCulture), ActorUserId ?? "", ActorName, Action, Subject, Details ?? "");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
