using System.Security.Claims;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Partners;
using Chikaya.Web.Features.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.Admin.Partners;

/// <summary>A partner's settings, its key (shown once, when issued), its webhook secret, and its logs.</summary>
public sealed class EditPartnerModel(AppDbContext db, TimeProvider clock, IDataProtectionProvider protection, IStringLocalizer t) : PageModel
{
    [BindProperty] public PartnerForm Input { get; set; } = new();
    public Partner? Partner { get; private set; }
    public string? IssuedKey { get; private set; }
    public string? IssuedSecret { get; private set; }
    public List<(int Id, string Name)> Administrations { get; private set; } = [];
    public List<PartnerUse> Uses { get; private set; } = [];
    public List<WebhookDelivery> Deliveries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Partner is not null) Input = PartnerForm.From(Partner);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        AdminForms.RequireName(ModelState, t, "Input.Name", Input.Name, 150);
        if (Input.RequestsPerMinute is < 1 or > 100_000) ModelState.AddModelError("Input.RequestsPerMinute", t["admin.partner.rate-invalid"]);
        if (!PartnerForm.IsWebhookUrl(Input.WebhookUrl)) ModelState.AddModelError("Input.WebhookUrl", t["admin.partner.webhook-url-invalid"]);
        if (!Input.AllAdministrations && Input.AdministrationIds.Except(Administrations.Select(a => a.Id)).Any())
            ModelState.AddModelError("Input.AdministrationIds", t["admin.partner.administration-unknown"]);
        if (!ModelState.IsValid) return Page();

        var isNew = Partner is null;
        Partner ??= db.Partners.Add(new Partner { CreatedUtc = Now }).Entity;
        Input.ApplyTo(Partner);
        if (isNew) IssuedKey = IssueKey(Partner);
        if (Partner.WebhookUrl is not null && Partner.ProtectedWebhookSecret is null) IssuedSecret = IssueSecret(Partner);
        await SaveAsync(isNew ? "partner.created" : "partner.updated", ct);
        return Page();
    }

    public Task<IActionResult> OnPostRevokeAsync(string id, CancellationToken ct) => ActAsync(id, "partner.revoked", p => p.RevokedUtc = Now, ct);

    public Task<IActionResult> OnPostRotateKeyAsync(string id, CancellationToken ct) => ActAsync(id, "partner.key-issued", p => IssuedKey = IssueKey(p), ct);

    public Task<IActionResult> OnPostRotateSecretAsync(string id, CancellationToken ct) => ActAsync(id, "partner.secret-issued", p => IssuedSecret = IssueSecret(p), ct);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<IActionResult> ActAsync(string id, string action, Action<Partner> change, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Partner is null) return NotFound();
        change(Partner);
        await SaveAsync(action, ct);
        Input = PartnerForm.From(Partner);
        return Page();
    }

    private static string IssueKey(Partner partner)
    {
        var key = Partner.NewKey();
        partner.IssueKey(key);
        return key;
    }

    private string IssueSecret(Partner partner)
    {
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        partner.ProtectedWebhookSecret = protection.CreateProtector(WebhookDispatchJob.Purpose).Protect(secret);
        return secret;
    }

    private async Task SaveAsync(string action, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(new Audit.AuditEntry
        {
            OccurredUtc = Now, ActorUserId = User.FindFirstValue(ClaimTypes.NameIdentifier), ActorName = User.Identity?.Name ?? "",
            Action = action, Subject = "partner:" + Partner!.Id, Details = $"name={Partner.Name}; permissions={Partner.Permissions}",
        });
        await db.SaveChangesAsync(ct);
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (AdminForms.ParseId(id) is not { } parsed) return false;
        Administrations = (await db.Administrations.AsNoTracking().Where(a => a.IsActive).ToListAsync(ct))
            .Select(a => (a.Id, Display.Name(a.Name))).OrderBy(a => a.Item2).ToList();
        if (parsed.Value is not { } partnerId) return true;
        Partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == partnerId, ct);
        if (Partner is null) return false;
        Uses = await db.PartnerUses.AsNoTracking().Where(u => u.PartnerId == partnerId).OrderByDescending(u => u.Id).Take(50).ToListAsync(ct);
        Deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => d.PartnerId == partnerId).OrderByDescending(d => d.Id).Take(50).ToListAsync(ct);
        return true;
    }
}
