using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Chikaya.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Tests.Features;

public sealed class AdminTests(ChikayaApp app)
{
    private sealed record ThemeDto(int Id, string Code, string Name);

    [Fact]
    public async Task A_new_theme_is_offered_in_both_languages_and_a_deactivated_one_is_not()
    {
        var admin = app.NewBrowser();
        await admin.SignInAsync("admin");
        var code = "noise-" + Guid.NewGuid().ToString("N")[..6];

        await admin.SubmitAsync(await admin.GetAsync("/admin/themes/new"), "main form", new Dictionary<string, string?>
        {
            ["Input.Code"] = code, ["Input.NameFr"] = "Nuisances sonores", ["Input.NameAr"] = "الضوضاء", ["Input.SortOrder"] = "200",
        });
        using var client = app.NewApiClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");
        var themes = await client.GetFromJsonAsync<List<ThemeDto>>("/api/v1/themes");
        var created = Assert.Single(themes!, t => t.Code == code);
        Assert.Equal("الضوضاء", created.Name);

        await admin.SubmitAsync(await admin.GetAsync($"/admin/themes/{created.Id}"), "main form",
            new Dictionary<string, string?> { ["Input.IsActive"] = "false" });
        themes = await client.GetFromJsonAsync<List<ThemeDto>>("/api/v1/themes");
        Assert.DoesNotContain(themes!, t => t.Code == code);
    }

    [Fact]
    public async Task An_administration_cannot_be_placed_under_its_own_descendant()
    {
        var admin = app.NewBrowser();
        await admin.SignInAsync("admin");
        var commune = await app.AdministrationIdAsync("COMMUNE-CASABLANCA");
        var anfa = await app.AdministrationIdAsync("ARR-ANFA");

        var page = await admin.SubmitAsync(await admin.GetAsync($"/admin/administrations/{commune}"), "main form",
            new Dictionary<string, string?> { ["Input.ParentId"] = anfa.ToString(CultureInfo.InvariantCulture) });

        Assert.NotEmpty(page.Errors());
        await using var db = app.Database();
        Assert.NotEqual(anfa, (await db.Administrations.SingleAsync(a => a.Id == commune)).ParentId);
    }

    [Fact]
    public async Task A_routing_rule_sends_a_theme_of_a_territory_to_the_chosen_administration()
    {
        var admin = app.NewBrowser();
        await admin.SignInAsync("admin");
        await using var db = app.Database();
        var sbata = await db.Territories.Where(t => t.Code == "A-SBATA").Select(t => t.Id).SingleAsync();
        var transport = await app.ThemeIdAsync("public-transport");
        var health = await app.AdministrationIdAsync("MIN-SANTE");

        await admin.SubmitAsync(await admin.GetAsync("/admin/routing"), "form[action$='/Add']", new Dictionary<string, string?>
        {
            ["ThemeId"] = transport.ToString(CultureInfo.InvariantCulture),
            ["TerritoryId"] = sbata.ToString(CultureInfo.InvariantCulture),
            ["AdministrationId"] = health.ToString(CultureInfo.InvariantCulture),
        });
        var filed = await app.FileAsync(territory: "A-SBATA", theme: "public-transport");
        var rule = await db.RoutingRules.SingleAsync(r => r.ThemeId == transport && r.TerritoryId == sbata);
        await admin.SubmitAsync(await admin.GetAsync("/admin/routing"), $"form[action$='/Delete?id={rule.Id}']");
        var afterDeletion = await app.FileAsync(territory: "A-SBATA", theme: "public-transport");

        Assert.Equal(health, filed.AdministrationId);
        // the rules are kept in memory: removing one takes effect at the next filing all the same
        Assert.NotEqual(health, afterDeletion.AdministrationId);
    }

    [Fact]
    public async Task A_theme_closed_by_an_administrator_is_refused_at_the_next_filing()
    {
        var admin = app.NewBrowser();
        await admin.SignInAsync("admin");
        await using var db = app.Database();
        var theme = new Chikaya.Domain.Themes.Theme($"closing-{Guid.NewGuid():N}"[..20], "Thème fermé", "موضوع مغلق", 99);
        db.Themes.Add(theme);
        await db.SaveChangesAsync();
        var before = await app.FileAsync(theme: theme.Code);

        await admin.SubmitAsync(await admin.GetAsync($"/admin/themes/{theme.Id}"), "main form",
            new Dictionary<string, string?> { ["Input.IsActive"] = "false" });
        using var client = app.NewApiClient();
        var after = await client.PostAsJsonAsync("/api/v1/complaints", new
        {
            themeId = theme.Id, territoryCode = "A-ANFA", subject = "Thème fermé", description = "Le thème vient d'être fermé.",
        });

        Assert.NotNull(before.TrackingNumber);
        Assert.Equal(HttpStatusCode.BadRequest, after.StatusCode);
    }

    [Fact]
    public async Task A_new_handler_signs_in_and_works_in_their_administration_only()
    {
        var admin = app.NewBrowser();
        await admin.SignInAsync("admin");
        var email = $"nadia.{Guid.NewGuid():N}@example.ma";
        var anfa = await app.AdministrationIdAsync("ARR-ANFA");

        await admin.SubmitAsync(await admin.GetAsync("/admin/users/new"), "main form", new Dictionary<string, string?>
        {
            ["Input.Email"] = email, ["Input.FullName"] = "Nadia Bennani", ["Input.Role"] = "Handler",
            ["Input.AdministrationId"] = anfa.ToString(CultureInfo.InvariantCulture), ["Input.Password"] = "motdepasse-2026",
        });
        var filed = await app.FileAsync(territory: "A-ANFA");
        var nadia = app.NewBrowser();
        await nadia.SignInAsync(email, "motdepasse-2026");
        var inbox = await nadia.GetAsync("/backoffice?Queue=all&Search=" + filed.TrackingNumber);

        Assert.Equal("/backoffice", nadia.LastUrl!.AbsolutePath);
        Assert.Contains(filed.TrackingNumber, inbox.Body!.TextContent);
    }

    [Fact]
    public async Task A_handler_without_an_administration_is_refused()
    {
        var admin = app.NewBrowser();
        await admin.SignInAsync("admin");
        var email = $"sans.{Guid.NewGuid():N}@example.ma";

        var page = await admin.SubmitAsync(await admin.GetAsync("/admin/users/new"), "main form", new Dictionary<string, string?>
        {
            ["Input.Email"] = email, ["Input.FullName"] = "Sans Administration", ["Input.Role"] = "Handler", ["Input.Password"] = "motdepasse-2026",
        });

        Assert.NotEmpty(page.Errors());
        await using var db = app.Database();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }
}
