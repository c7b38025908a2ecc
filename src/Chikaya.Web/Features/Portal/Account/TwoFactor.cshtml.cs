using System.Text;
using Chikaya.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace Chikaya.Web.Features.Portal.Account;

/// <summary>Turns on sign-in with an authenticator app (TOTP): scan the code, type the six digits it shows.</summary>
[Authorize]
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, IStringLocalizer t) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    public bool Enabled { get; private set; }
    public string Key { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var code = new string((Code ?? "").Where(char.IsDigit).ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), t["account.two-factor.code-invalid"]);
            await LoadAsync();
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []).ToList();
        await signIn.RefreshSignInAsync(user);
        Enabled = true;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return false;
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled) return true;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // two pages of the account opened at the same moment both make a key; the one saved first is the account's
            bool made;
            try { made = (await users.ResetAuthenticatorKeyAsync(user)).Succeeded; }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException) { made = false; }
            if (!made) db.ChangeTracker.Clear(); // the key that was not saved must not be shown
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        Key = key!;
        var uri = $"otpauth://totp/Chikaya:{Uri.EscapeDataString(user.Email ?? "")}?secret={Key}&issuer=Chikaya&digits=6";
        using var qr = new QRCodeGenerator().CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(qr).GetGraphic(4);
        return true;
    }

    public string SpacedKey => string.Join(' ', Enumerable.Range(0, (Key.Length + 3) / 4).Select(i => Key.Substring(i * 4, Math.Min(4, Key.Length - i * 4))));
}
