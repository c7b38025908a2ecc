using Chikaya.Tests.TestSupport;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Chikaya.Tests.Features;

/// <summary>WCAG 2.1 AA, checked by axe-core in Chromium on every page, in French and Arabic, signed out and in.</summary>
public sealed class AccessibilityTests(BrowserApp fixture) : IClassFixture<BrowserApp>
{
    public static TheoryData<string?, string, string> Pages()
    {
        var data = new TheoryData<string?, string, string>();
        foreach (var language in new[] { "fr-MA", "ar-MA" })
        {
            foreach (var url in new[] { "/", "/complaints/new", "/track", "/account/signin", "/account/register", "/stats", "/faq", "/nowhere" })
                data.Add(null, url, language);
            data.Add("citoyen", "/account/complaints", language);
            data.Add("citoyen", "/complaints/new", language);
            data.Add("citoyen", "/account/two-factor", language);
            data.Add("citoyen", "/account/my-data", language);
            foreach (var url in new[] { "/backoffice", "/backoffice/complaints/FIRST", "/backoffice/dashboard", "/backoffice/warnings", "/backoffice/dashboard/ranking" })
                data.Add("superviseur", url, language);
            foreach (var url in new[] { "/admin", "/admin/administrations", "/admin/administrations/3", "/admin/themes", "/admin/themes/1",
                         "/admin/routing", "/admin/users", "/admin/users/new", "/admin/templates", "/admin/templates/citizen.answered/ar", "/admin/faq", "/admin/faq/edit/new" })
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
        {
            await page.GotoAsync("/backoffice?Queue=all");
            url = (await page.GetAttributeAsync("tbody a.number", "href"))!;
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
}
