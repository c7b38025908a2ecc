using Chikaya.Web.Data;
using Chikaya.Web.Features.Shared;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Admin.Users;

public sealed class EditUserModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, IStringLocalizer t) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool IsNew { get; private set; }
    public List<(int Id, string Name)> Administrations { get; private set; } = [];

    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? FullName { get; set; }
        public string Role { get; set; } = Roles.Handler;
        public int? AdministrationId { get; set; }
        public string? Password { get; set; }
        public bool Locked { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        if (id == "new") id = null;
        IsNew = id is null;
        if (id is not null)
        {
            var user = await users.FindByIdAsync(id);
            if (user is null) return NotFound();
            Input = new InputModel { Email = user.Email, FullName = user.FullName, AdministrationId = user.AdministrationId,
                Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? Roles.Citizen, Locked = user.LockoutEnd > DateTimeOffset.UtcNow };
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken ct)
    {
        if (id == "new") id = null;
        IsNew = id is null;
        var user = id is null ? null : await users.FindByIdAsync(id);
        if (id is not null && user is null) return NotFound();
        await LoadAsync(ct);
        AdminForms.RequireName(ModelState, t, "Input.FullName", Input.FullName, 150);
        if (!Roles.All.Contains(Input.Role)) ModelState.AddModelError("Input.Role", t["admin.role.invalid"]);
        var needsAdministration = Input.Role is Roles.Handler or Roles.Supervisor;
        if (needsAdministration && Administrations.All(a => a.Id != Input.AdministrationId))
            ModelState.AddModelError("Input.AdministrationId", t["admin.user.administration-required"]);
        if (user is null && Chikaya.Domain.Citizens.ContactRules.NormalizeEmail(Input.Email) is null)
            ModelState.AddModelError("Input.Email", t["complaint.email.invalid"]);
        if (user is null && string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", t["account.password.required"]);
        // staff hold personal data: a longer password, of several kinds of characters
        if (!string.IsNullOrEmpty(Input.Password) && Input.Role != Roles.Citizen && !IsStrong(Input.Password))
            ModelState.AddModelError("Input.Password", t["admin.password.weak"]);
        if (!ModelState.IsValid) return Page();

        user ??= new AppUser { UserName = Input.Email!.Trim(), Email = Input.Email.Trim(), EmailConfirmed = true, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        user.FullName = Input.FullName!.Trim();
        user.AdministrationId = needsAdministration ? Input.AdministrationId : null;
        user.LockoutEnd = Input.Locked ? DateTimeOffset.MaxValue : null;
        var result = IsNew ? await users.CreateAsync(user, Input.Password!) : await users.UpdateAsync(user);
        if (result.Succeeded && !IsNew && !string.IsNullOrEmpty(Input.Password))
        {
            await users.RemovePasswordAsync(user);
            result = await users.AddPasswordAsync(user, Input.Password);
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError("", t["identity." + error.Code]);
            return Page();
        }
        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([Input.Role]))
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, Input.Role);
        }
        // role and administration live in the cookie: sign the user out everywhere
        await users.UpdateSecurityStampAsync(user);
        return RedirectToPage("Users");
    }

    public static bool IsStrong(string password) =>
        password.Length >= 12 && new[] { password.Any(char.IsLower), password.Any(char.IsUpper), password.Any(char.IsDigit),
            password.Any(c => !char.IsLetterOrDigit(c)) }.Count(x => x) >= 3;

    private async Task LoadAsync(CancellationToken ct) =>
        Administrations = (await db.Administrations.AsNoTracking().Where(a => a.IsActive).ToListAsync(ct))
            .Select(a => (a.Id, Display.Name(a.Name))).OrderBy(a => a.Item2).ToList();
}
