using Chikaya.Web.Data;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Portal.Account;

public sealed class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public bool Remember { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email)) ModelState.AddModelError("Input.Email", t["account.email.required"]);
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", t["account.password.required"]);
        if (!ModelState.IsValid) return Page();

        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, Input.Remember, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) return RedirectToPage("SignInTwoFactor", new { ReturnUrl });
        if (result.IsLockedOut) { ModelState.AddModelError("", t["account.locked-out"]); return Page(); }
        if (!result.Succeeded) { ModelState.AddModelError("", t["account.sign-in.failed"]); return Page(); }

        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl)) return LocalRedirect(ReturnUrl);
        var user = await users.FindByNameAsync(Input.Email.Trim());
        return LocalRedirect(Landing(user is null ? [] : await users.GetRolesAsync(user)));
    }

    /// <summary>Where each role starts.</summary>
    public static string Landing(IList<string> roles) =>
        roles.Contains(Roles.Administrator) ? "/admin" : roles.Any(r => Roles.Staff.Contains(r)) ? "/backoffice" : "/account/complaints";
}
