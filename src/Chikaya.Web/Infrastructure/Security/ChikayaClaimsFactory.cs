using System.Security.Claims;
using Chikaya.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Infrastructure.Security;

/// <summary>Puts the user's name and administration in the sign-in cookie, so scope needs no lookup of the user.</summary>
public sealed class ChikayaClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ChikayaClaims.FullName, user.FullName));
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(ChikayaClaims.TwoFactor, "on"));
        if (user.AdministrationId is { } id)
            identity.AddClaim(new Claim(ChikayaClaims.AdministrationId, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
