using System.Net;
using Chikaya.Tests.TestSupport;

namespace Chikaya.Tests.Features;

/// <summary>Setting up an authenticator app, on the shared platform (a citizen may turn it on too).</summary>
public sealed class AuthenticatorSetupTests(ChikayaApp app)
{
    [Fact]
    public async Task Two_pages_of_one_account_opened_at_once_show_the_one_key_that_was_saved()
    {
        var citizen = app.NewBrowser();
        await citizen.SubmitAsync(await citizen.GetAsync("/account/register"), "main form", new Dictionary<string, string?>
        {
            ["Input.FullName"] = "Deux Onglets", ["Input.Email"] = $"onglets.{Guid.NewGuid():N}@example.ma", ["Input.Password"] = "motdepasse1",
        });

        // the first visit makes the account's key: several tabs at the same moment race to make it
        var pages = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => citizen.GetRawAsync("/account/two-factor")));

        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var keys = await Task.WhenAll(pages.Select(async p => parser.ParseDocument(await p.Content.ReadAsStringAsync()).Text("#authenticator-key")));
        var saved = (await citizen.GetAsync("/account/two-factor")).Text("#authenticator-key");
        Assert.All(keys, k => Assert.Equal(saved, k));
    }
}
