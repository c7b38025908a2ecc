using Chikaya.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Chikaya.Tests.Features;

/// <summary>The portal as an installed app on a phone that loses the network, in headless Chromium.</summary>
public sealed class OfflineBrowserTests(BrowserApp fixture) : IClassFixture<BrowserApp>
{
    private async Task<int> CountAsync(string subject)
    {
        await using var db = fixture.App.Database();
        return await db.Complaints.CountAsync(c => c.Subject == subject);
    }

    [Fact]
    public async Task Written_offline_a_complaint_waits_on_the_device_and_is_filed_once_when_the_network_returns()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/complaints/new");
        await page.SelectOptionAsync("#Input_ThemeId", new SelectOptionValue { Index = 1 });
        await page.SelectOptionAsync("#Input_TerritoryCode", "A-ANFA");
        var subject = "Sans réseau " + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("#Input_Subject", subject);
        await page.FillAsync("#Input_Description", "Écrit dans le bus, sans réseau.");
        await page.SetInputFilesAsync("#camera", new FilePayload { Name = "photo.png", MimeType = "image/png", Buffer = SampleFiles.Png });

        await page.Context.SetOfflineAsync(true);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForFunctionAsync("document.getElementById('draft-status').textContent.length > 0");
        Assert.Equal(0, await CountAsync(subject));

        await page.Context.SetOfflineAsync(false);
        await page.WaitForURLAsync("**/receipt");
        await page.GotoAsync("/complaints/new");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal(1, await CountAsync(subject));
        await using var db = fixture.App.Database();
        var filed = await db.Complaints.Include(c => c.Attachments).SingleAsync(c => c.Subject == subject);
        Assert.Contains(filed.Attachments, a => a.FileName == "photo.png");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_portal_is_installable_its_worker_runs_and_a_visited_page_opens_offline()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.EvaluateAsync("navigator.serviceWorker.ready");
        var manifest = await page.EvaluateAsync<string>("fetch('/manifest.webmanifest').then(r => r.json()).then(m => m.display + ' ' + m.icons.length)");
        Assert.Equal("standalone 2", manifest);
        await page.GotoAsync("/track");

        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync("/track");

        Assert.True(await page.IsVisibleAsync("main h1"));
        await page.Context.CloseAsync();
    }
}
