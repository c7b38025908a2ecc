namespace Chikaya.Domain.Citizens;

/// <summary>
/// What identifies a person, as a channel has verified it: the portal account, an e-mail address or mobile
/// number the citizen wrote from, a national identity card (CIN) an agent checked. Anything not verified stays out.
/// </summary>
public sealed record CitizenIdentity
{
    public string? UserId { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Cin { get; init; }

    /// <summary>The same identity in its stored form; identifiers that are not valid are dropped.</summary>
    public CitizenIdentity Normalized() => this with
    {
        Name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim(),
        Email = ContactRules.NormalizeEmail(Email),
        Phone = ContactRules.NormalizePhone(Phone),
        Cin = ContactRules.NormalizeCin(Cin),
    };

    /// <summary>Nothing to recognise the person by: the complaint stays anonymous.</summary>
    public bool IsEmpty => UserId is null && Email is null && Phone is null && Cin is null;
}
