using Microsoft.AspNetCore.Identity;

namespace Chikaya.Web.Data;

/// <summary>A person who signs in: a citizen, or a member of staff attached to an administration.</summary>
public sealed class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";

    /// <summary>The administration a handler or supervisor works for; null for citizens and national roles.</summary>
    public int? AdministrationId { get; set; }

    public string PreferredLanguage { get; set; } = "fr";

    public DateTime CreatedUtc { get; set; }

    /// <summary>
    /// Not locked out at <paramref name="nowUtc"/>: an account an administrator locked (until the end of time) is, one that
    /// was locked for a while after wrong passwords is not once that while is over, though Identity leaves its end date set.
    /// </summary>
    public bool IsActiveAt(DateTime nowUtc) => LockoutEnd is not { } end || end.UtcDateTime <= nowUtc;
}
