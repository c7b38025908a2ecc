using System.Text.Json;
using Chikaya.Domain.Complaints;
using Chikaya.Tests.TestSupport;
using Chikaya.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chikaya.Tests.Features;

public sealed class PrivacyTests(ChikayaApp app)
{
    [Fact]
    public async Task A_citizen_downloads_their_data_then_closes_the_account_and_their_complaints_forget_them()
    {
        var email = $"leila.{Guid.NewGuid():N}@example.ma";
        var browser = app.NewBrowser();
        await browser.SubmitAsync(await browser.GetAsync("/account/register"), "main form", new Dictionary<string, string?>
        {
            ["Input.FullName"] = "Leila Benali", ["Input.Email"] = email, ["Input.Phone"] = "0612345678", ["Input.Password"] = "motdepasse1",
        });
        var form = await browser.GetAsync("/complaints/new");
        var receipt = await browser.SubmitAsync(form, "main form", new Dictionary<string, string?>
        {
            ["Input.ThemeId"] = (await app.ThemeIdAsync("roads")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.TerritoryCode"] = "A-ANFA", ["Input.Subject"] = "Trottoir cassé", ["Input.Description"] = "Devant chez moi", ["Input.Address"] = "3 rue des Roses",
        });
        var number = receipt.Text("#tracking-number");

        var download = await browser.GetRawAsync("/account/my-data/Download");
        var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(email, json.GetProperty("account").GetProperty("Email").GetString());
        Assert.Equal(number, json.GetProperty("complaints")[0].GetProperty("TrackingNumber").GetString());

        var page = await browser.GetAsync("/account/my-data");
        var refused = await browser.SubmitAsync(page, "form[action$='/Close']", new Dictionary<string, string?> { ["Confirm"] = "autre@example.ma" });
        Assert.NotEmpty(refused.Errors());
        await browser.SubmitAsync(refused, "form[action$='/Close']", new Dictionary<string, string?> { ["Confirm"] = email });

        await using var db = app.Database();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        var complaint = await db.Complaints.Include(c => c.Events).SingleAsync(c => c.TrackingNumber == number);
        Assert.Equal((null, null, null, null, null), (complaint.CitizenUserId, complaint.ContactName, complaint.ContactEmail, complaint.ContactPhone, complaint.Address));
        Assert.DoesNotContain(complaint.Events, e => e.ActorName.Contains("Leila", StringComparison.Ordinal));
        Assert.Equal("Trottoir cassé", complaint.Subject);
        Assert.Contains(complaint.Events, e => e.Type == ComplaintEventType.PersonalDataErased && !e.IsPublic);
    }

    [Fact]
    public async Task Closed_complaints_lose_their_personal_data_after_the_retention_period()
    {
        // its own platform: the job erases every complaint closed long enough ago, other tests' included
        await using var own = new ChikayaApp();
        await own.InitializeAsync();
        var filed = await own.FileAsync(territory: "A-ANFA", email: $"ancien.{Guid.NewGuid():N}@example.ma");
        var agent = own.NewBrowser();
        await agent.SignInAsync("agent.anfa");
        var page = await agent.GetAsync($"/backoffice/complaints/{filed.TrackingNumber}");
        await agent.SubmitAsync(page, "form:has(button[value='Reject'])", new Dictionary<string, string?> { ["Input.Text"] = "Hors compétence" },
            submitName: "Input.Action", submitValue: "Reject");

        await using var scope = own.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<Chikaya.Web.Features.Jobs.IScheduledJob>().OfType<RetentionJob>().Single();
        await job.RunAsync(ChikayaApp.Start.UtcDateTime.AddDays(700), CancellationToken.None);
        await using (var before = own.Database())
            Assert.NotNull((await before.Complaints.SingleAsync(c => c.TrackingNumber == filed.TrackingNumber)).ContactEmail);

        await job.RunAsync(ChikayaApp.Start.UtcDateTime.AddDays(731), CancellationToken.None);

        await using var after = own.Database();
        var complaint = await after.Complaints.SingleAsync(c => c.TrackingNumber == filed.TrackingNumber);
        Assert.Null(complaint.ContactEmail);
        Assert.Equal(ComplaintStatus.Rejected, complaint.Status);
    }
}
