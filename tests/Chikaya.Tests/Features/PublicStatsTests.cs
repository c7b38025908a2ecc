using System.Net;
using Chikaya.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Chikaya.Tests.Features;

public sealed class PublicStatsTests(KnownComplaintsApp fixture) : IClassFixture<KnownComplaintsApp>
{
    private ChikayaApp App => fixture.App;

    [Fact]
    public async Task The_public_page_shows_the_same_figures_without_links_or_personal_data()
    {
        var visitor = App.NewBrowser();
        var page = await visitor.GetAsync("/stats");

        Assert.Equal(HttpStatusCode.OK, visitor.LastStatus);
        Assert.Equal("8", page.QuerySelector("#seed-table tr[data-measure='received'] td[data-column='current-all']")!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("#seed-table a"));
        Assert.DoesNotContain("CH-2026", page.Body!.TextContent);
        Assert.DoesNotContain("Connue", page.Body.TextContent);
        Assert.NotNull(page.QuerySelector("#ranking-method"));
    }

    [Fact]
    public async Task The_public_page_serves_the_same_figures_from_the_store_once_it_is_loaded()
    {
        var store = App.Services.GetRequiredService<Chikaya.Web.Features.Dashboard.DashboardStore>();
        for (var i = 0; i < 200 && !store.IsLoaded; i++) await Task.Delay(50);
        Assert.True(store.IsLoaded); // otherwise the database answers, and the store is not what is tested

        var page = await App.NewBrowser().GetAsync("/stats?Territory=R06");

        Assert.Equal("8", page.QuerySelector("#seed-table tr[data-measure='received'] td[data-column='current-all']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Open_data_has_one_anonymous_line_per_complaint()
    {
        using var client = App.NewApiClient();
        var response = await client.GetAsync("/stats/open-data.csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Chikaya.Web.Features.Portal.Stats.OpenDataEndpoint.Header, lines[0]);
        Assert.Equal(12, lines.Length);
        Assert.Contains(lines, l => l.Contains(",cleanliness,A-ANFA,ARR-ANFA,web,2026-06-01,2026-06-02,2026-06-11,2026-06-20,closed,10,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("CH-", StringComparison.Ordinal) || l.Contains("Connue", StringComparison.Ordinal) || l.Contains('@'));
    }

    [Fact]
    public async Task The_FAQ_is_public_searchable_and_edited_by_administrators_in_both_languages()
    {
        var admin = App.NewBrowser();
        await admin.SignInAsync("admin");
        await admin.SubmitAsync(await admin.GetAsync("/admin/faq/edit/new"), "main form", new Dictionary<string, string?>
        {
            ["Input.QuestionFr"] = "Puis-je signaler un lampadaire éteint ?", ["Input.AnswerFr"] = "Oui, thème Éclairage public.",
            ["Input.QuestionAr"] = "هل يمكنني التبليغ عن عمود إنارة معطل؟", ["Input.AnswerAr"] = "نعم، مجال الإنارة العمومية.",
            ["Input.SortOrder"] = "5",
        });

        var french = await App.NewBrowser().GetAsync("/faq?Q=lampadaire");
        var arabic = await App.NewBrowser("ar-MA").GetAsync("/faq?Q=" + Uri.EscapeDataString("إنارة"));
        var nothing = await App.NewBrowser().GetAsync("/faq?Q=introuvable-xyz");

        Assert.Equal("Puis-je signaler un lampadaire éteint ?", Assert.Single(french.QuerySelectorAll("details summary")).TextContent);
        Assert.Equal("هل يمكنني التبليغ عن عمود إنارة معطل؟", Assert.Single(arabic.QuerySelectorAll("details summary")).TextContent);
        Assert.Empty(nothing.QuerySelectorAll("details"));
        Assert.True((await App.NewBrowser().GetAsync("/faq")).QuerySelectorAll("details").Length >= 5);
    }
}
