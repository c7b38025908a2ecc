using System.Net;
using Chikaya.Tests.TestSupport;
using OtpNet;

namespace Chikaya.Tests.Features;

public sealed class StrictApp : IAsyncLifetime
{
    public ChikayaApp App { get; } = new(demoComplaints: 0)
    {
        Settings = new() { ["Chikaya:Security:RequireTwoFactorForStaff"] = "true", ["Chikaya:Spam:MinSeconds"] = "3" },
    };

    public ValueTask InitializeAsync() => App.InitializeAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

public sealed class TwoFactorTests(StrictApp fixture) : IClassFixture<StrictApp>
{
    private ChikayaApp App => fixture.App;

    private static string CodeFor(string spacedKey) =>
        new Totp(Base32Encoding.ToBytes(spacedKey.Replace(" ", "", StringComparison.Ordinal))).ComputeTotp(DateTime.UtcNow);

    [Fact]
    public async Task Staff_must_turn_on_an_authenticator_app_and_then_sign_in_with_its_code()
    {
        var agent = App.NewBrowser();
        await agent.SignInAsync("agent.sbata");
        var setup = await agent.GetAsync("/backoffice");
        Assert.Equal("/account/two-factor", agent.LastUrl!.AbsolutePath);
        Assert.NotNull(setup.QuerySelector(".qr svg"));

        var wrong = await agent.SubmitAsync(setup, "form[action$='/Enable']", new Dictionary<string, string?> { ["Code"] = "000000" });
        Assert.NotEmpty(wrong.Errors());
        var key = wrong.Text("#authenticator-key");
        var enabled = await agent.SubmitAsync(wrong, "form[action$='/Enable']", new Dictionary<string, string?> { ["Code"] = CodeFor(key) });
        Assert.Equal(10, enabled.QuerySelectorAll("#recovery-codes li").Length);
        await agent.GetAsync("/backoffice");
        Assert.Equal("/backoffice", agent.LastUrl!.AbsolutePath);

        var later = App.NewBrowser();
        var second = await later.SignInAsync("agent.sbata");
        Assert.Equal("/account/signin-2fa", later.LastUrl!.AbsolutePath);
        var refused = await later.SubmitAsync(second, "main form", new Dictionary<string, string?> { ["Code"] = "123456" });
        Assert.NotEmpty(refused.Errors());
        await later.SubmitAsync(refused, "main form", new Dictionary<string, string?> { ["Code"] = CodeFor(key) });
        Assert.Equal("/backoffice", later.LastUrl!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, later.LastStatus);
    }

    [Fact]
    public async Task Citizens_are_not_asked_for_a_second_factor()
    {
        var citizen = App.NewBrowser();
        await citizen.SignInAsync("citoyen");
        Assert.Equal("/account/complaints", citizen.LastUrl!.AbsolutePath);
    }

    [Fact]
    public async Task Staff_accounts_need_a_long_password_of_several_kinds_of_characters()
    {
        var admin = App.NewBrowser();
        await admin.SignInAsync("admin");
        var setup = await admin.GetAsync("/admin/users/new");
        var key = setup.Text("#authenticator-key");
        await admin.SubmitAsync(setup, "form[action$='/Enable']", new Dictionary<string, string?> { ["Code"] = CodeFor(key) });
        var form = await admin.GetAsync("/admin/users/new");

        var page = await admin.SubmitAsync(form, "main form", new Dictionary<string, string?>
        {
            ["Input.Email"] = $"faible.{Guid.NewGuid():N}@example.ma", ["Input.FullName"] = "Mot de passe faible", ["Input.Role"] = "Handler",
            ["Input.AdministrationId"] = (await App.AdministrationIdAsync("ARR-ANFA")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Password"] = "password1",
        });

        Assert.NotEmpty(page.Text("span.field-error[data-valmsg-for='Input.Password']"));
    }
}

public sealed class SpamTests(StrictApp fixture) : IClassFixture<StrictApp>
{
    private ChikayaApp App => fixture.App;

    private async Task<Dictionary<string, string?>> ValidAsync() => new()
    {
        ["Input.ThemeId"] = (await App.ThemeIdAsync("roads")).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Subject"] = "Nid-de-poule " + Guid.NewGuid().ToString("N")[..6], ["Input.Description"] = "Profond",
    };

    [Fact]
    public async Task A_form_posted_faster_than_a_person_types_or_with_the_hidden_field_filled_is_refused()
    {
        var robot = App.NewBrowser();
        var form = await robot.GetAsync("/complaints/new");
        var tooFast = await robot.SubmitAsync(form, "main form", await ValidAsync());
        Assert.NotEmpty(tooFast.Errors());
        Assert.Null(tooFast.QuerySelector("#tracking-number"));

        App.Clock.Advance(TimeSpan.FromSeconds(4));
        var honeypot = await ValidAsync();
        honeypot["Website"] = "http://spam.example";
        Assert.Null((await robot.SubmitAsync(form, "main form", honeypot)).QuerySelector("#tracking-number"));

        var person = App.NewBrowser();
        var personForm = await person.GetAsync("/complaints/new");
        App.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.NotNull((await person.SubmitAsync(personForm, "main form", await ValidAsync())).QuerySelector("#tracking-number"));
    }
}
