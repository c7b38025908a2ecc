using System.Net;
using Chikaya.Tests.TestSupport;

namespace Chikaya.Tests.Features;

public sealed class PagesTests(ChikayaApp app)
{
    public static TheoryData<string?, string, string> Pages()
    {
        var data = new TheoryData<string?, string, string>();
        string?[] anonymous = [null];
        foreach (var language in new[] { "fr-MA", "ar-MA" })
        {
            foreach (var url in new[] { "/", "/complaints/new", "/track", "/track?number=CH-2026-7K4P9Q", "/account/signin", "/account/register",
                         "/stats", "/stats?Territory=R06", "/faq", "/faq?Q=délai", "/chat" })
                data.Add(null, url, language);
            data.Add("citoyen", "/account/complaints", language);
            data.Add("citoyen", "/complaints/new", language);
            data.Add("citoyen", "/account/two-factor", language);
            data.Add("citoyen", "/account/my-data", language);
            foreach (var url in new[] { "/backoffice", "/backoffice?Queue=overdue", "/backoffice?Queue=mine&Status=Received", "/backoffice?Search=ordures&p=3", "/backoffice?Channel=MailOffice&Queue=all", "/backoffice/warnings",
                         "/backoffice/dashboard", "/backoffice/dashboard?Territory=A-ANFA&Channel=Web&From=2026-01-01",
                         "/backoffice/dashboard/ranking", "/backoffice/dashboard/ranking?CollectivitiesOnly=true",
                         "/backoffice/dashboard/complaints?Group=web&CurrentYear=true&Measure=over-60" })
            {
                data.Add("agent.anfa", url, language);
                data.Add("superviseur", url, language);
                data.Add("observateur", url, language);
            }
            foreach (var url in new[] { "/callcentre", "/callcentre?Query=Amina", "/callcentre?Number=CH-2000-ZZZZZZ", "/callcentre/new" })
                data.Add("callcentre", url, language);
            data.Add("agent.anfa", "/backoffice/mail/new", language);
            data.Add("superviseur", "/backoffice/mail/new", language);
            data.Add("superviseur", "/backoffice/citizens", language);
            data.Add("superviseur", "/backoffice/citizens?Query=Amina", language);
            foreach (var url in new[] { "/admin", "/admin/administrations", "/admin/administrations/new", "/admin/administrations/3",
                         "/admin/themes", "/admin/themes/new", "/admin/themes/1", "/admin/routing", "/admin/users", "/admin/users/new", "/admin/partners", "/admin/partners/new", "/admin/partners/1",
                         "/admin/templates", "/admin/templates/citizen.answered/ar", "/admin/templates/staff.digest/fr",
                         "/admin/faq", "/admin/faq/edit/new", "/admin/faq/edit/1" })
                data.Add("admin", url, language);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_renders_for_its_audience_in_both_languages(string? login, string url, string language)
    {
        var browser = app.NewBrowser(language);
        if (login is not null) await browser.SignInAsync(login);

        var page = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, browser.LastStatus);
        Assert.Equal(new Uri("http://localhost" + url).AbsolutePath, browser.LastUrl!.AbsolutePath);
        Assert.Equal(language[..2], page.DocumentElement.GetAttribute("lang"));
        Assert.NotEmpty(page.Text("h1"));
        Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
        Assert.All(page.QuerySelectorAll("input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea"),
            field => Assert.True(field.Id is { Length: > 0 } id && page.QuerySelector($"label[for='{id}']") is not null,
                $"{url}: the field {field.GetAttribute("name")} has no label"));
    }

    [Fact]
    public async Task An_unknown_page_is_a_friendly_404_in_the_reader_s_language()
    {
        var browser = app.NewBrowser("ar-MA");
        var page = await browser.GetAsync("/nowhere");
        Assert.Equal(HttpStatusCode.NotFound, browser.LastStatus);
        Assert.Matches(@"\p{IsArabic}", page.Text("h1"));
    }
}
