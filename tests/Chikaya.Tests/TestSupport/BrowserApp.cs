using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Chikaya.Tests.TestSupport;

/// <summary>
/// The platform on a real port, with demo data, driven by Debian's Chromium through Playwright.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChikayaApp App { get; } = new(demoComplaints: 30);
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync(string language = "fr-MA", string? login = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = language, BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        if (login is not null)
        {
            await page.GotoAsync("/account/signin");
            await page.FillAsync("#Input_Email", $"{login}@{Chikaya.Web.Data.Seeding.DemoOptions.Domain}");
            await page.FillAsync("#Input_Password", Chikaya.Web.Data.Seeding.DemoOptions.Password);
            await page.PressAsync("#Input_Password", "Enter");
            // signed in once the sign-in page has sent the browser on
            // (the next page need not finish loading: the test goes where it wants next)
            try
            {
                await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.OrdinalIgnoreCase),
                    new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
            }
            catch (TimeoutException)
            {
                throw new InvalidOperationException($"Signing in as {login} stayed on {page.Url}: {await page.InnerTextAsync("main")}");
            }
        }
        return page;
    }

    /// <summary>A demo letter of an arrondissement of Casablanca: the supervisor sees it, and it prints as a letter.</summary>
    public async Task<string> FirstComplaintAsync()
    {
        await using var db = App.Database();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Complaints
            .Where(c => c.Channel == Chikaya.Domain.Complaints.Channel.MailOffice).OrderBy(c => c.ReceivedUtc).Select(c => c.TrackingNumber));
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
        await App.DisposeAsync();
    }
}
