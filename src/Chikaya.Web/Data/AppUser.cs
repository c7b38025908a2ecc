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
}
