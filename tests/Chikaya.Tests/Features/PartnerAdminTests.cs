using Chikaya.Tests.TestSupport;
using Chikaya.Web.Features.Partners;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Tests.Features;

public sealed class PartnerAdminTests(ChikayaApp app)
{
    [Fact]
    public async Task An_administrator_issues_a_key_shown_once_scoped_to_chosen_administrations()
    {
        var admin = app.NewBrowser();
        await admin.SignInAsync("admin");
        var form = await admin.GetAsync("/admin/partners/new");
        var anfa = await app.AdministrationIdAsync("ARR-ANFA");
        var page = await admin.SubmitAsync(form, "main form", new Dictionary<string, string?>
        {
            ["Input.Name"] = "Association de quartier Anfa", ["Input.Permissions"] = "File", ["Input.AdministrationIds"] = anfa.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.RequestsPerMinute"] = "30",
        });
        var key = page.Text("#issued-key");

        await using var db = app.Database();
        var partner = await db.Partners.SingleAsync(p => p.Name == "Association de quartier Anfa");
        Assert.Equal((PartnerPermissions.File, false, 30), (partner.Permissions, partner.AllAdministrations, partner.RequestsPerMinute));
        Assert.Equal([anfa], partner.AdministrationIds);
        Assert.Equal(Partner.HashKey(key), partner.KeyHash);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "partner.created" && a.Subject == "partner:" + partner.Id));
        var again = await admin.GetAsync($"/admin/partners/{partner.Id}");
        Assert.DoesNotContain(key, again.Source.Text);
        Assert.Null(again.QuerySelector("#issued-key"));
    }

    [Theory]
    [InlineData("Input.Name", "")]
    [InlineData("Input.RequestsPerMinute", "0")]
    [InlineData("Input.WebhookUrl", "ftp://example.org/hook")]
    public async Task A_bad_setting_is_shown_next_to_its_field_and_nothing_is_saved(string field, string value)
    {
        var admin = app.NewBrowser();
        await admin.SignInAsync("admin");
        var name = "Partenaire " + Guid.NewGuid().ToString("N")[..8];
        var page = await admin.SubmitAsync(await admin.GetAsync("/admin/partners/new"), "main form", new Dictionary<string, string?>
        {
            ["Input.Name"] = name, ["Input.RequestsPerMinute"] = "10", [field] = value,
        });

        Assert.NotEmpty(page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.Trim());
        await using var db = app.Database();
        Assert.False(await db.Partners.AnyAsync(p => p.Name == name || p.Name == ""));
    }
}
