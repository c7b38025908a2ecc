using Chikaya.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Portal.Account;

/// <summary>The second step of signing in: the authenticator's code, or a recovery code.</summary>
public sealed class SignInTwoFactorModel(SignInManager<AppUser> signIn, IStringLocalizer t) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return RedirectToPage("SignIn");
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.IsLockedOut) { ModelState.AddModelError("", t["account.locked-out"]); return Page(); }
        if (!result.Succeeded) { ModelState.AddModelError(nameof(Code), t["account.two-factor.code-invalid"]); return Page(); }
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl)) return LocalRedirect(ReturnUrl);
        return LocalRedirect(SignInModel.Landing(await signIn.UserManager.GetRolesAsync(user)));
    }
}
