namespace Chikaya.Domain.Citizens;

/// <summary>
/// One person, whatever the channel they use: complaints from the portal, the call centre, the mail office
/// or e-mail attach to it. A record found to be a duplicate is merged into another, never deleted, so that
/// the merge can be undone.
/// </summary>
public sealed class Citizen
{
    public const int MaxCinLength = 10;

    private Citizen() { }

    public Guid Id { get; private set; }
    public string? Name { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public string? Cin { get; private set; }

    /// <summary>The portal account of this person, when they have one.</summary>
    public string? UserId { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    /// <summary>Set while this record is merged into another: lookups lead to that one.</summary>
    public Guid? MergedIntoId { get; private set; }

    public static Citizen Register(CitizenIdentity identity, DateTime nowUtc)
    {
        var id = identity.Normalized();
        if (id.IsEmpty) throw new ArgumentException("A citizen record needs at least one identifier.", nameof(identity));
        return new Citizen
        {
            Id = Guid.NewGuid(), Name = id.Name, Email = id.Email, Phone = id.Phone, Cin = id.Cin, UserId = id.UserId,
            CreatedUtc = nowUtc,
        };
    }

    /// <summary>True when any identifier of the identity is one of this record's.</summary>
    public bool Matches(CitizenIdentity identity)
    {
        var id = identity.Normalized();
        return (id.UserId is not null && id.UserId == UserId) || (id.Cin is not null && id.Cin == Cin)
            || (id.Email is not null && id.Email == Email) || (id.Phone is not null && id.Phone == Phone);
    }

    /// <summary>
    /// Learns the identifiers it did not have yet. Never replaces one it has: a different CIN or account
    /// means another person, or a case for a supervisor to merge.
    /// </summary>
    public void Complete(CitizenIdentity identity)
    {
        var id = identity.Normalized();
        Name ??= id.Name;
        Email ??= id.Email;
        Phone ??= id.Phone;
        Cin ??= id.Cin;
        UserId ??= id.UserId;
    }

    public void MergeInto(Citizen target)
    {
        if (target.Id == Id) throw new CitizenRuleException("citizen.merge.same-record");
        if (MergedIntoId is not null || target.MergedIntoId is not null) throw new CitizenRuleException("citizen.merge.already-merged");
        if (UserId is not null && target.UserId is not null) throw new CitizenRuleException("citizen.merge.two-accounts");
        MergedIntoId = target.Id;
    }

    public void UndoMerge()
    {
        if (MergedIntoId is null) throw new CitizenRuleException("citizen.merge.not-merged");
        MergedIntoId = null;
    }

    /// <summary>Law 09-08: the person's account is closed; the record keeps nothing that identifies them.</summary>
    public void Forget()
    {
        Name = null;
        Email = null;
        Phone = null;
        Cin = null;
        UserId = null;
    }

    /// <summary>
    /// Of the records an identity led to (directly, or through a merged record), the one to attach to:
    /// the account, then the identity card, then the e-mail, then the phone; the oldest first among equals.
    /// </summary>
    public static Citizen? Best(IEnumerable<Citizen> candidates, CitizenIdentity identity)
    {
        var id = identity.Normalized();
        return candidates.Where(c => c.MergedIntoId is null)
            .OrderBy(c => id.UserId is not null && c.UserId == id.UserId ? 0
                : id.Cin is not null && c.Cin == id.Cin ? 1
                : id.Email is not null && c.Email == id.Email ? 2
                : id.Phone is not null && c.Phone == id.Phone ? 3 : 4)
            .ThenBy(c => c.CreatedUtc)
            .ThenBy(c => c.Id) // records opened at the same moment: the same one every time, whatever order the database returned
            .FirstOrDefault();
    }
}

public sealed class CitizenRuleException(string code) : Exception(code)
{
    public string Code { get; } = code;
}
