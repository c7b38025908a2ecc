using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chikaya.Tests.TestSupport;
using Chikaya.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chikaya.Tests.Features;

/// <summary>Nothing lost: the server is killed (SIGKILL) while citizens file, and every accepted complaint survives.</summary>
public sealed class CrashTests
{
    private const int Clients = 8;
    private const int AcceptedBeforeKill = 60;

    private sealed record Filing(string Subject, byte[] Photo, byte[] Document);

    private sealed record Accepted(Filing Filing, string TrackingNumber, string SecretCode);

    [Fact]
    public async Task Every_complaint_that_got_a_201_survives_a_SIGKILL_whole_with_its_attachments_and_once()
    {
        await using var database = new ChikayaApp();
        var accepted = new ConcurrentBag<Accepted>();
        var unanswered = new ConcurrentBag<Filing>();
        int themeId;

        await using (var server = await ServerProcess.StartAsync(database))
        {
            using (var client = server.NewClient())
                themeId = (await client.GetFromJsonAsync<JsonElement>("/api/v1/themes")).EnumerateArray()
                    .First(t => t.GetProperty("code").GetString() == "cleanliness").GetProperty("id").GetInt32();
            var enough = new TaskCompletionSource();
            var citizens = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
            {
                using var client = server.NewClient();
                for (var i = 0; ; i++)
                {
                    var filing = NewFiling($"crash {c}-{i}");
                    HttpResponseMessage response;
                    try { response = await client.SendAsync(Request(filing, themeId)); }
                    catch (HttpRequestException)
                    {
                        // the server died while it had the request: it may or may not have kept it
                        unanswered.Add(filing);
                        return;
                    }
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                    accepted.Add(await AcceptedAsync(filing, response));
                    if (accepted.Count >= AcceptedBeforeKill) enough.TrySetResult();
                }
            })).ToList();

            await enough.Task.WaitAsync(TimeSpan.FromMinutes(3));
            await server.KillAsync();
            await Task.WhenAll(citizens);
        }

        await using (var restarted = await ServerProcess.StartAsync(database))
        {
            using var client = restarted.NewClient();
            // each citizen left without an answer tries again with the same idempotency key
            foreach (var filing in unanswered)
            {
                var response = await client.SendAsync(Request(filing, themeId));
                Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
                accepted.Add(await AcceptedAsync(filing, response));
            }
            foreach (var complaint in accepted)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/complaints/{complaint.TrackingNumber}");
                request.Headers.Add("X-Secret-Code", complaint.SecretCode);
                var response = await client.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var view = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal(complaint.Filing.Subject, view.GetProperty("subject").GetString());
                Assert.Equal(2, view.GetProperty("documents").GetArrayLength());
            }
        }

        Assert.True(accepted.Count >= AcceptedBeforeKill);
        TestContext.Current.TestOutputHelper?.WriteLine($"{accepted.Count} accepted, {unanswered.Count} unanswered when killed");
        await database.InitializeAsync();
        await using var db = database.Database();
        var files = database.Services.GetRequiredService<IFileStore>();
        var stored = await db.Complaints.AsNoTracking().Include(c => c.Attachments)
            .Where(c => c.Subject.StartsWith("crash ")).ToListAsync();
        Assert.Equal(accepted.Count, stored.Count);
        Assert.Equal(stored.Count, stored.Select(c => c.Subject).Distinct().Count());

        // files saved for filings the kill interrupted before their commit: the daily sweep removes them, and only them
        var keys = new List<string>();
        await foreach (var (key, _) in files.ListAsync(CancellationToken.None)) keys.Add(key);
        var referenced = stored.SelectMany(c => c.Attachments).Select(a => a.StorageKey).ToHashSet();
        TestContext.Current.TestOutputHelper?.WriteLine($"{keys.Count(k => !referenced.Contains(k))} files without a complaint after the kill");
        database.Clock.SetUtcNow(DateTimeOffset.UtcNow.AddDays(2));
        Assert.Contains("orphan-files", await database.RunJobsAsync());
        keys.Clear();
        await foreach (var (key, _) in files.ListAsync(CancellationToken.None)) keys.Add(key);
        Assert.Equal(referenced.Order(), keys.Order());
        foreach (var complaint in accepted)
        {
            var saved = stored.Single(c => c.TrackingNumber == complaint.TrackingNumber);
            Assert.Equal(complaint.Filing.Subject, saved.Subject);
            var expected = new[] { complaint.Filing.Photo, complaint.Filing.Document }.Select(Convert.ToHexString).Order();
            var actual = new List<string>();
            foreach (var attachment in saved.Attachments)
            {
                await using var content = await files.OpenReadAsync(attachment.StorageKey, CancellationToken.None);
                Assert.NotNull(content);
                using var copy = new MemoryStream();
                await content.CopyToAsync(copy);
                actual.Add(Convert.ToHexString(copy.ToArray()));
            }
            Assert.Equal(expected, actual.Order());
        }
    }

    private static Filing NewFiling(string subject) => new(subject, SampleFiles.Png,
        Encoding.ASCII.GetBytes($"%PDF-1.4\n% {subject} {Convert.ToHexString(RandomNumberGenerator.GetBytes(512))}\n%%EOF\n"));

    private static HttpRequestMessage Request(Filing filing, int themeId)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(themeId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "themeId" },
            { new StringContent("A-ANFA"), "territoryCode" },
            { new StringContent(filing.Subject), "subject" },
            { new StringContent("Les conteneurs débordent depuis une semaine."), "description" },
            { new StringContent("amina@example.ma"), "contactEmail" },
        };
        var photo = new ByteArrayContent(filing.Photo);
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(photo, "files", "photo.png");
        var document = new ByteArrayContent(filing.Document);
        document.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(document, "files", "plan.pdf");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = form };
        request.Headers.Add("Idempotency-Key", filing.Subject.Replace(' ', '-'));
        return request;
    }

    private static async Task<Accepted> AcceptedAsync(Filing filing, HttpResponseMessage response)
    {
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Accepted(filing, receipt.GetProperty("trackingNumber").GetString()!, receipt.GetProperty("secretCode").GetString()!);
    }
}
