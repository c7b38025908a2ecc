using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chikaya.Domain.Complaints;
using Chikaya.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Tests.Features;

/// <summary>Everything a citizen does on the portal after filing, through the JSON API a native app uses.</summary>
public sealed class CitizenApiTests(ChikayaApp app)
{
    private HttpClient Client(string secret)
    {
        var client = app.NewApiClient();
        client.DefaultRequestHeaders.Add("X-Secret-Code", secret);
        return client;
    }

    [Fact]
    public async Task After_the_answer_an_app_rates_remarks_and_reopens_with_the_secret_code()
    {
        var filed = await app.FileAsync();
        await app.AnswerAsync(filed.TrackingNumber);
        using var client = Client(filed.SecretCode);
        var url = $"/api/v1/complaints/{filed.TrackingNumber}";

        var rated = await client.PostAsJsonAsync(url + "/rating", new { score = 2, text = "Réponse trop vague." });
        var remark = await client.PostAsJsonAsync(url + "/remarks", new { text = "Le dépôt est revenu le lendemain." });
        var reopened = await client.PostAsJsonAsync(url + "/reopen", new { text = "Le problème persiste." });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (rated.StatusCode, remark.StatusCode, reopened.StatusCode));
        var view = JsonDocument.Parse(await reopened.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Reopened", view.GetProperty("status").GetString());
        await using var db = app.Database();
        var complaint = await db.Complaints.Include(c => c.Events).SingleAsync(c => c.TrackingNumber == filed.TrackingNumber);
        Assert.Equal((ComplaintStatus.Reopened, 2), (complaint.Status, complaint.SatisfactionScore));
        Assert.Contains(complaint.Events, e => e.Type == ComplaintEventType.RemarkAdded && e.Text == "Le dépôt est revenu le lendemain.");
    }

    [Fact]
    public async Task An_app_answers_the_administration_s_question_and_adds_a_photo()
    {
        var filed = await app.FileAsync();
        await using (var db = app.Database())
        {
            var c = await db.Complaints.Include(x => x.Events).SingleAsync(x => x.TrackingNumber == filed.TrackingNumber);
            c.Accept(Actor.Staff("s", "Agent"), app.Clock.GetUtcNow().UtcDateTime);
            c.RequestInformation(Actor.Staff("s", "Agent"), "Quel numéro de rue ?", app.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
        using var client = Client(filed.SecretCode);
        var url = $"/api/v1/complaints/{filed.TrackingNumber}";

        var answered = await client.PostAsJsonAsync(url + "/information", new { text = "Au numéro 14." });
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Png), "files", "photo.png" } };
        var photo = await client.PostAsync(url + "/documents", form);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (answered.StatusCode, photo.StatusCode));
        await using var check = app.Database();
        var complaint = await check.Complaints.Include(c => c.Attachments).SingleAsync(c => c.TrackingNumber == filed.TrackingNumber);
        Assert.Equal(ComplaintStatus.InProgress, complaint.Status);
        Assert.Contains(complaint.Attachments, a => a.FileName == "photo.png");
    }

    [Fact]
    public async Task The_handler_downloads_the_citizen_s_photo_and_an_observer_neither_sees_nor_downloads_it()
    {
        var filed = await app.FileAsync(territory: "A-ANFA");
        using var client = Client(filed.SecretCode);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Png), "files", "facade-benali.png" } };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/complaints/{filed.TrackingNumber}/documents", form)).StatusCode);
        Guid id;
        await using (var db = app.Database())
            id = (await db.Complaints.Include(c => c.Attachments).SingleAsync(c => c.TrackingNumber == filed.TrackingNumber)).Attachments.Single().Id;
        var url = $"/backoffice/complaints/{filed.TrackingNumber}";

        var handler = app.NewBrowser();
        await handler.SignInAsync("agent.anfa");
        var observer = app.NewBrowser();
        await observer.SignInAsync("observateur");

        Assert.NotNull((await handler.GetAsync(url)).QuerySelector($"a[href$='/document?id={id}']"));
        Assert.Equal(HttpStatusCode.OK, (await handler.GetRawAsync($"{url}/document?id={id}")).StatusCode);
        Assert.Null((await observer.GetAsync(url)).QuerySelector("a[href*='/document?id=']"));
        Assert.Equal(HttpStatusCode.NotFound, (await observer.GetRawAsync($"{url}/document?id={id}")).StatusCode);
    }

    [Fact]
    public async Task A_refused_step_is_a_400_with_the_rule_s_code_and_a_wrong_code_a_404()
    {
        var filed = await app.FileAsync();
        using var owner = Client(filed.SecretCode);
        using var stranger = Client("AAAA-BBBB");
        var url = $"/api/v1/complaints/{filed.TrackingNumber}";

        var early = await owner.PostAsJsonAsync(url + "/rating", new { score = 5 });
        var notMine = await stranger.PostAsJsonAsync(url + "/remarks", new { text = "x" });
        var html = await owner.PostAsync(url + "/documents", new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Html), "files", "page.html" } });
        var plain = await owner.PostAsync(url + "/remarks", new StringContent("texte"));

        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("complaint.rate.not-answered", await early.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, html.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
    }
}
