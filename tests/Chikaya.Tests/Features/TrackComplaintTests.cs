using System.Net;
using Chikaya.Tests.TestSupport;

namespace Chikaya.Tests.Features;

public sealed class TrackComplaintTests(ChikayaApp app)
{
    private static Dictionary<string, string?> Proof(string number, string? code = null, string? email = null) => new()
    {
        ["Input.Number"] = number, ["Input.SecretCode"] = code, ["Input.Email"] = email,
    };

    [Fact]
    public async Task The_number_and_the_secret_code_open_the_complaint_page()
    {
        var filed = await app.FileAsync();
        var browser = app.NewBrowser();

        var page = await browser.SubmitAsync(await browser.GetAsync("/track"), "main form", Proof(filed.TrackingNumber, filed.SecretCode));

        Assert.EndsWith($"/track/{filed.TrackingNumber}", browser.LastUrl!.AbsolutePath);
        Assert.NotEmpty(page.Text("#status"));
        Assert.Contains("Ordures non ramassées", page.Body!.TextContent);
    }

    [Fact]
    public async Task The_email_given_when_filing_also_opens_it_typed_loosely()
    {
        var filed = await app.FileAsync(email: "karim@example.ma");
        var browser = app.NewBrowser();
        var loose = filed.TrackingNumber.Replace("-", " ").ToLowerInvariant();

        await browser.SubmitAsync(await browser.GetAsync("/track"), "main form", Proof(loose, email: " KARIM@example.ma "));

        Assert.EndsWith($"/track/{filed.TrackingNumber}", browser.LastUrl!.AbsolutePath);
    }

    [Fact]
    public async Task A_wrong_code_and_an_unknown_number_give_the_same_answer()
    {
        var filed = await app.FileAsync();
        var browser = app.NewBrowser();

        var wrongCode = await browser.SubmitAsync(await browser.GetAsync("/track"), "main form", Proof(filed.TrackingNumber, "AAAA-AAAA"));
        var unknown = await browser.SubmitAsync(await browser.GetAsync("/track"), "main form", Proof("CH-2026-ZZZZZZ", "AAAA-AAAA"));

        Assert.EndsWith("/track", browser.LastUrl!.AbsolutePath);
        Assert.Equal(wrongCode.Errors(), unknown.Errors());
        Assert.NotEmpty(wrongCode.Errors());
    }

    [Fact]
    public async Task Without_proof_the_complaint_page_sends_back_to_the_form()
    {
        var filed = await app.FileAsync();
        var browser = app.NewBrowser();

        await browser.GetAsync($"/track/{filed.TrackingNumber}");

        Assert.Equal("/track", browser.LastUrl!.AbsolutePath);
        Assert.Contains(filed.TrackingNumber, browser.LastUrl.Query);
    }

    [Fact]
    public async Task A_citizen_adds_a_document_and_downloads_it_as_an_attachment()
    {
        var filed = await app.FileAsync();
        var browser = app.NewBrowser();
        var page = await browser.SubmitAsync(await browser.GetAsync("/track"), "main form", Proof(filed.TrackingNumber, filed.SecretCode));

        page = await browser.SubmitAsync(page, "form[action$='/Documents']", files: [("Files", "plan.pdf", SampleFiles.Pdf)]);
        var link = page.QuerySelector("a[download]")!.GetAttribute("href")!;
        var download = await browser.GetRawAsync(link);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(SampleFiles.Pdf, await download.Content.ReadAsByteArrayAsync());
    }
}
