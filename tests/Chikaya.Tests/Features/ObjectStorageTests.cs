using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Chikaya.Tests.TestSupport;
using Chikaya.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chikaya.Tests.Features;

/// <summary>Attachments in an S3-compatible bucket (a real s3rver on loopback), chosen by <c>Chikaya:Storage:Provider</c>.</summary>
public sealed class ObjectStorageTests
{
    [Fact]
    public async Task With_the_S3_provider_attachments_go_to_the_bucket_and_come_back_whole()
    {
        await using var s3 = new S3Server();
        await s3.StartAsync();
        await using var app = new ChikayaApp { Settings = s3.Settings };
        await app.InitializeAsync();
        using var client = app.NewApiClient();

        var form = new MultipartFormDataContent
        {
            { new StringContent((await app.ThemeIdAsync("cleanliness")).ToString(System.Globalization.CultureInfo.InvariantCulture)), "themeId" },
            { new StringContent("A-ANFA"), "territoryCode" },
            { new StringContent("Dépôt sauvage"), "subject" },
            { new StringContent("Des gravats au coin de la rue."), "description" },
        };
        var pdf = new ByteArrayContent(SampleFiles.Pdf);
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(pdf, "files", "plan.pdf");
        var response = await client.PostAsync("/api/v1/complaints", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingNumber").GetString();

        await using var db = app.Database();
        var attachment = await db.Attachments.SingleAsync(a => db.Complaints.Any(c => c.TrackingNumber == number && c.Attachments.Contains(a)));
        Assert.Equal([attachment.StorageKey], s3.Keys());
        Assert.False(Directory.Exists(Path.Combine(app.DataDirectory, "attachments")));
        var store = app.Services.GetRequiredService<IFileStore>();
        Assert.IsType<S3FileStore>(store);
        await using (var content = await store.OpenReadAsync(attachment.StorageKey, CancellationToken.None))
        {
            using var copy = new MemoryStream();
            await content!.CopyToAsync(copy);
            Assert.Equal(SampleFiles.Pdf, copy.ToArray());
        }

        // a file saved before a crash kept its complaint from being committed: the daily sweep removes it, and only it
        await store.SaveAsync(new MemoryStream(SampleFiles.Png), CancellationToken.None);
        Assert.Equal(2, s3.Keys().Count);
        app.Clock.SetUtcNow(DateTimeOffset.UtcNow.AddDays(2));
        Assert.Contains("orphan-files", await app.RunJobsAsync());
        Assert.Equal([attachment.StorageKey], s3.Keys());

        await store.DeleteAsync(attachment.StorageKey, CancellationToken.None);
        Assert.Null(await store.OpenReadAsync(attachment.StorageKey, CancellationToken.None));
        Assert.Empty(s3.Keys());
    }

    [Fact]
    public async Task The_S3_provider_without_a_bucket_stops_the_start()
    {
        await using var app = new ChikayaApp { Settings = new() { ["Chikaya:Storage:Provider"] = "S3" } };
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await app.InitializeAsync());
        Assert.Contains("Chikaya:Storage", error.ToString());
    }
}
