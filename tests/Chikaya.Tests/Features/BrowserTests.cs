using Chikaya.Tests.TestSupport;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Chikaya.Tests.Features;

/// <summary>
/// In Debian's Chromium: WCAG 2.1 AA checked by axe-core on every page, in French and Arabic, signed out
/// and in; filing with the keyboard alone; the citizen and handler flows.
/// </summary>
public sealed class BrowserTests(BrowserApp fixture) : IClassFixture<BrowserApp>
{
    public static TheoryData<string?, string, string> Pages()
    {
        var data = new TheoryData<string?, string, string>();
        foreach (var language in new[] { "fr-MA", "ar-MA" })
        {
            foreach (var url in new[] { "/", "/complaints/new", "/track", "/account/signin", "/account/register", "/stats", "/faq", "/chat", "/nowhere" })
                data.Add(null, url, language);
            data.Add("citoyen", "/account/complaints", language);
            data.Add("citoyen", "/complaints/new", language);
            data.Add("citoyen", "/account/two-factor", language);
            data.Add("citoyen", "/account/my-data", language);
            foreach (var url in new[] { "/backoffice", "/backoffice/complaints/FIRST", "/backoffice/dashboard", "/backoffice/warnings", "/backoffice/dashboard/ranking",
                         "/backoffice/mail/new", "/backoffice/mail/FIRST/acknowledgement", "/backoffice/citizens?Query=Benali" })
                data.Add("superviseur", url, language);
            foreach (var url in new[] { "/callcentre", "/callcentre?Query=Benali", "/callcentre/new", "/callcentre/complaints/FIRST", "/callcentre/citizens/BENALI" })
                data.Add("callcentre", url, language);
            foreach (var url in new[] { "/admin", "/admin/administrations", "/admin/administrations/3", "/admin/themes", "/admin/themes/1",
                         "/admin/routing", "/admin/users", "/admin/users/new", "/admin/partners", "/admin/partners/new", "/admin/partners/1", "/admin/templates", "/admin/templates/citizen.answered/ar", "/admin/faq", "/admin/faq/edit/new" })
                data.Add("admin", url, language);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_passes_axe_WCAG_2_1_AA(string? login, string url, string language)
    {
        var page = await fixture.NewPageAsync(language, login);
        if (url.Contains("FIRST", StringComparison.Ordinal))
            url = url.Replace("FIRST", await fixture.FirstComplaintAsync(), StringComparison.Ordinal);
        if (url.Contains("BENALI", StringComparison.Ordinal))
        {
            await page.GotoAsync("/callcentre?Query=Benali");
            url = (await page.GetAttributeAsync("#callers a", "href"))!;
        }
        await page.GotoAsync(url);

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v =>
            $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_checker_does_catch_a_violation()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.EvaluateAsync("document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=\"text\">')");

        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a"] } });

        Assert.Contains(result.Violations, v => v.Id == "label");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_complaint_is_filed_end_to_end_with_the_keyboard_alone()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/complaints/new");
        var fields = new Dictionary<string, Func<Task>>
        {
            ["Input_ThemeId"] = () => page.Keyboard.PressAsync("ArrowDown"),
            ["Input_Subject"] = () => page.Keyboard.TypeAsync("Banc cassé"),
            ["Input_Description"] = () => page.Keyboard.TypeAsync("Le banc du jardin est cassé."),
        };
        for (var i = 0; i < 80 && fields.Count > 0; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("document.activeElement.id");
            if (fields.Remove(focused, out var fill)) await fill();
        }
        Assert.Empty(fields);
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string>("document.activeElement.type") == "submit") break;
        }
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/receipt");

        Assert.Matches(@"^CH-\d{4}-\w{6}$", (await page.TextContentAsync("#tracking-number"))!.Trim());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task In_the_browser_a_handler_answers_and_the_citizen_reads_the_answer_in_Arabic()
    {
        var citizen = await fixture.NewPageAsync("ar-MA");
        await citizen.GotoAsync("/complaints/new");
        await citizen.SelectOptionAsync("#Input_ThemeId", new SelectOptionValue { Index = 1 });
        await citizen.SelectOptionAsync("#Input_TerritoryCode", "A-ANFA");
        await citizen.FillAsync("#Input_Subject", "إنارة معطلة");
        await citizen.FillAsync("#Input_Description", "الشارع مظلم منذ أسبوع");
        await citizen.FillAsync("#Input_ContactEmail", "nora@example.ma");
        await citizen.ClickAsync("main form button[type=submit]");
        await citizen.WaitForURLAsync("**/receipt");
        var number = (await citizen.TextContentAsync("#tracking-number"))!.Trim();

        var handler = await fixture.NewPageAsync("fr-MA", "agent.anfa");
        await handler.GotoAsync($"/backoffice/complaints/{number}");
        await handler.ClickAsync("button[value='Accept']");
        await handler.FillAsync("#answer", "Le lampadaire a été réparé.");
        await handler.ClickAsync("button[value='Answer']");
        // the answer box is there only while the complaint is handled: gone once the answer is saved
        await handler.WaitForSelectorAsync("#answer", new() { State = WaitForSelectorState.Detached });

        await citizen.GotoAsync($"/track/{number}");
        Assert.Equal("Le lampadaire a été réparé.", (await citizen.TextContentAsync("#answer"))!.Trim());
        Assert.Equal("rtl", await citizen.GetAttributeAsync("html", "dir"));
        await citizen.Context.CloseAsync();
        await handler.Context.CloseAsync();
    }

    [Fact]
    public async Task The_dashboard_prints_to_a_PDF_through_Chromium()
    {
        var page = await fixture.NewPageAsync("ar-MA", "superviseur");
        var response = await page.APIRequest.GetAsync("/backoffice/dashboard/report?Territory=R06");
        var pdf = await response.BodyAsync();

        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        Assert.True(pdf.Length > 5000);
        await page.Context.CloseAsync();
    }
}
