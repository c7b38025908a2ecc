using System.Net;
using System.Text;
using Chikaya.Tests.TestSupport;

namespace Chikaya.Tests.Features;

public sealed class ScannedApp : IAsyncLifetime
{
    public Clamd Clamd { get; } = new();
    public ChikayaApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Clamd.StartAsync();
        App = new ChikayaApp(demoComplaints: 0)
        {
            Settings = new()
            {
                ["Chikaya:Antivirus:Host"] = "127.0.0.1",
                ["Chikaya:Antivirus:Port"] = Clamd.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        await App.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Clamd.DisposeAsync();
    }
}

public sealed class AntivirusTests(ScannedApp fixture) : IClassFixture<ScannedApp>
{
    private async Task<HttpResponseMessage> FileAsync(byte[] document)
    {
        using var client = fixture.App.NewApiClient();
        var form = new MultipartFormDataContent
        {
            { new StringContent((await fixture.App.ThemeIdAsync("roads")).ToString(System.Globalization.CultureInfo.InvariantCulture)), "themeId" },
            { new StringContent("Pièce jointe"), "subject" }, { new StringContent("Voir le document"), "description" },
            { new ByteArrayContent(document), "files", "plan.pdf" },
        };
        return await client.PostAsync("/api/v1/complaints", form);
    }

    [Fact]
    public async Task A_document_carrying_the_EICAR_test_virus_is_refused_by_a_real_clamd()
    {
        var infected = await FileAsync(Encoding.ASCII.GetBytes("%PDF-1.4\n" + Clamd.Eicar + "\n%%EOF\n"));
        var clean = await FileAsync(SampleFiles.Pdf);

        Assert.Equal(HttpStatusCode.BadRequest, infected.StatusCode);
        Assert.Contains("attachment.infected", await infected.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, clean.StatusCode);
    }

    [Fact]
    public async Task Without_clamd_the_scanner_says_it_cannot_tell_and_uploads_are_refused_by_default()
    {
        var options = new Chikaya.Web.Infrastructure.Files.AntivirusOptions { Host = "127.0.0.1", Port = new Clamd().Port };
        var scanner = new Chikaya.Web.Infrastructure.Files.VirusScanner(Microsoft.Extensions.Options.Options.Create(options),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Chikaya.Web.Infrastructure.Files.VirusScanner>.Instance);

        var (verdict, _) = await scanner.ScanAsync(new MemoryStream(SampleFiles.Pdf), CancellationToken.None);

        Assert.Equal(Chikaya.Web.Infrastructure.Files.ScanVerdict.Unavailable, verdict);
        Assert.True(scanner.RefusesWhenUnavailable);
    }
}
