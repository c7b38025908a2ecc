using Chikaya.Domain.Citizens;
using Chikaya.Web.Data;
using Chikaya.Web.Infrastructure.Localization;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Portal.Account;

public sealed class RegisterModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock,
    SpamGuard spam, IStringLocalizer t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? FullName { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? Password { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!spam.LooksHuman(Request)) ModelState.AddModelError("", t["request.spam"]);
        var email = ContactRules.NormalizeEmail(Input.Email);
        var phone = string.IsNullOrWhiteSpace(Input.Phone) ? null : ContactRules.NormalizePhone(Input.Phone);
        if (string.IsNullOrWhiteSpace(Input.FullName) || Input.FullName.Trim().Length > 150)
            ModelState.AddModelError("Input.FullName", t["account.name.required"]);
        if (email is null) ModelState.AddModelError("Input.Email", t["complaint.email.invalid"]);
        if (!string.IsNullOrWhiteSpace(Input.Phone) && phone is null) ModelState.AddModelError("Input.Phone", t["complaint.phone.invalid"]);
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", t["account.password.required"]);
        if (!ModelState.IsValid) return Page();

        var user = new AppUser
        {
            UserName = email, Email = email, FullName = Input.FullName!.Trim(), PhoneNumber = phone,
            PreferredLanguage = LocalizationSetup.CurrentLanguage, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, Input.Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors) ModelState.AddModelError(FieldOf(error.Code), t["identity." + error.Code]);
            return Page();
        }
        await users.AddToRoleAsync(user, Roles.Citizen);
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/account/complaints");
    }

    private static string FieldOf(string code) => code.StartsWith("Password", StringComparison.Ordinal)
        ? "Input.Password"
        : code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) ? "Input.Email" : "";
}
