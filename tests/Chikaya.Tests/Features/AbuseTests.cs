using System.Net;
using System.Net.Http.Json;
using Chikaya.Tests.TestSupport;

namespace Chikaya.Tests.Features;

/// <summary>A platform whose limits are tiny, to see them bite.</summary>
public sealed class LimitedApp : IAsyncLifetime
{
    public ChikayaApp App { get; } = new(demoComplaints: 0)
    {
        Settings = new()
        {
            ["Chikaya:RateLimits:Filing:PermitLimit"] = "2",
            ["Chikaya:RateLimits:Tracking:PermitLimit"] = "3",
            ["Chikaya:RateLimits:SignIn:PermitLimit"] = "2",
        },
    };

    public ValueTask InitializeAsync() => App.InitializeAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

public sealed class AbuseTests(LimitedApp fixture) : IClassFixture<LimitedApp>
{
    private ChikayaApp App => fixture.App;

    [Fact]
    public async Task Anonymous_filing_is_limited_per_address_with_a_retry_delay()
    {
        using var client = App.NewApiClient();
        var theme = await App.ThemeIdAsync("roads");
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
            last = await client.PostAsJsonAsync("/api/v1/complaints", new { themeId = theme, subject = $"Trou {i}", description = "Grand trou" });

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.True(last.Headers.RetryAfter is not null || last.Headers.Contains("Retry-After"));
        var form = await App.NewBrowser().GetAsync("/complaints/new");
        Assert.NotNull(form.QuerySelector("main form"));
    }

    [Fact]
    public async Task Guessing_tracking_numbers_is_stopped_after_a_few_tries()
    {
        using var client = App.NewApiClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/complaints/CH-2026-ZZZZZ{i + 2}");
            request.Headers.Add("X-Secret-Code", "AAAA-AAAA");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Repeated_sign_in_attempts_get_a_friendly_page_in_the_reader_s_language()
    {
        var browser = App.NewBrowser("ar-MA");
        var form = await browser.GetAsync("/account/signin");
        for (var i = 0; i < 2; i++)
            form = await browser.SubmitAsync(form, "main form", new Dictionary<string, string?> { ["Input.Email"] = "x@example.ma", ["Input.Password"] = "wrong" });

        var page = await browser.SubmitAsync(form, "main form", new Dictionary<string, string?> { ["Input.Email"] = "x@example.ma", ["Input.Password"] = "wrong" });

        Assert.Equal(HttpStatusCode.TooManyRequests, browser.LastStatus);
        Assert.Matches(@"\p{IsArabic}", page.Text("h1"));
    }

    [Fact]
    public async Task Security_headers_forbid_inline_script_framing_and_sniffing()
    {
        using var client = App.NewApiClient();
        var response = await client.GetAsync("/");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        // scripts come from files of our own origin, never inline
        var scripts = System.Text.RegularExpressions.Regex.Matches(await response.Content.ReadAsStringAsync(), "<script[^>]*>");
        Assert.All(scripts, s => Assert.Matches("src=\"/js/", s.Value));
    }
}
