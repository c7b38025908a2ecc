using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Chikaya.Tests.TestSupport;
using Chikaya.Web.Features.Partners;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Tests.Features;

/// <summary>A partner set up by an administrator, receiving signed webhooks on a loopback server. The clock moves: an app of its own.</summary>
public sealed class WebhookTests : IAsyncLifetime
{
    private readonly ChikayaApp _app = new();
    private readonly HttpInbox _receiver = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        _receiver.Dispose();
        await _app.DisposeAsync();
    }

    private sealed record Issued(string Key, string Secret, int PartnerId);

    private async Task<Issued> AdministratorSetsUpPartnerAsync(params string[] events)
    {
        var admin = _app.NewBrowser();
        await admin.SignInAsync("admin");
        var form = await admin.GetAsync("/admin/partners/new");
        foreach (var box in form.QuerySelectorAll("input[name='Input.Permissions']").OfType<IHtmlInputElement>()) box.IsChecked = true;
        foreach (var box in form.QuerySelectorAll("input[name='Input.WebhookEvents']").OfType<IHtmlInputElement>()) box.IsChecked = events.Contains(box.Value);
        var page = await admin.SubmitAsync(form, "main form", new Dictionary<string, string?>
        {
            ["Input.Name"] = "Application de la ville", ["Input.AllAdministrations"] = "true", ["Input.RequestsPerMinute"] = "100",
            ["Input.WebhookUrl"] = _receiver.Url,
        });
        Assert.Empty(page.Errors());
        await using var db = _app.Database();
        var id = await db.Partners.Where(p => p.Name == "Application de la ville").Select(p => p.Id).SingleAsync();
        return new Issued(page.Text("#issued-key"), page.Text("#issued-secret"), id);
    }

    private static void AssertSigned(string secret, System.Collections.Specialized.NameValueCollection headers, string body)
    {
        var expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes(headers["X-Chikaya-Timestamp"] + "." + body))).ToLowerInvariant();
        Assert.Equal("sha256=" + expected, headers["X-Chikaya-Signature"]);
    }

    [Fact]
    public async Task A_subscribed_partner_receives_each_step_signed_with_its_secret()
    {
        var partner = await AdministratorSetsUpPartnerAsync("Filed", "Answered");
        using var client = _app.NewApiClient();
        var number = await client.PostRequestAsync();
        await _app.AnswerAsync(number, "Ramassage fait.");
        await _app.RunJobsAsync();

        var received = _receiver.Requests.ToList();
        Assert.Equal(["filed", "answered"], received.Select(r => r.Headers["X-Chikaya-Event"]));
        foreach (var (headers, body, _) in received) AssertSigned(partner.Secret, headers, body);
        var answered = JsonDocument.Parse(received[1].Body).RootElement;
        Assert.Equal((number, "closed", "Answered", "Ramassage fait."), (answered.GetProperty("service_request_id").GetString(),
            answered.GetProperty("status").GetString(), answered.GetProperty("detailed_status").GetString(), answered.GetProperty("text").GetString()));
        Assert.Equal("ARR-ANFA", answered.GetProperty("jurisdiction_id").GetString());
    }

    [Fact]
    public async Task A_refused_delivery_is_retried_later_and_the_log_shows_each_attempt()
    {
        var partner = await AdministratorSetsUpPartnerAsync("Filed");
        _receiver.FailNext = 2;
        using var client = _app.NewApiClient();
        await client.PostRequestAsync();

        await _app.RunJobsAsync();          // refused: next try a minute later
        await _app.RunJobsAsync();          // refused: next try two minutes later
        await _app.RunJobsAsync();          // too early
        await _app.RunJobsAsync();          // accepted

        Assert.Equal([503, 503, 202], _receiver.Requests.Select(r => r.Answered));
        var bodies = _receiver.Requests.Select(r => r.Body).Distinct();
        Assert.Single(bodies);
        await using var db = _app.Database();
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.PartnerId == partner.PartnerId);
        Assert.Equal((3, 202), (delivery.Attempts, delivery.LastStatus));
        Assert.NotNull(delivery.DeliveredUtc);

        var admin = _app.NewBrowser();
        await admin.SignInAsync("admin");
        var page = await admin.GetAsync($"/admin/partners/{partner.PartnerId}");
        Assert.Contains("Livré", page.Text("main"));
    }

    [Fact]
    public async Task Events_the_partner_did_not_choose_and_revoked_partners_get_nothing()
    {
        var partner = await AdministratorSetsUpPartnerAsync("Answered");
        using var client = _app.NewApiClient();
        var number = await client.PostRequestAsync();
        await _app.RunJobsAsync();
        Assert.Empty(_receiver.Requests);

        var admin = _app.NewBrowser();
        await admin.SignInAsync("admin");
        await admin.SubmitAsync(await admin.GetAsync($"/admin/partners/{partner.PartnerId}"), "form[action*='handler=Revoke']");
        await _app.AnswerAsync(number);
        await _app.RunJobsAsync();

        Assert.Empty(_receiver.Requests);
        var refused = await client.GetAsync($"/open311/v2/requests.json?api_key={partner.Key}");
        Assert.Equal(403, (int)refused.StatusCode);
    }
}
