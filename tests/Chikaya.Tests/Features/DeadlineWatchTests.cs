using Chikaya.Domain.Complaints;
using Chikaya.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chikaya.Tests.Features;

public sealed class DeadlineWatchTests(MailingApp fixture) : IClassFixture<MailingApp>
{
    private ChikayaApp App => fixture.App;
    private SmtpSink Smtp => fixture.Smtp;
    private const string Supervisor = "superviseur@demo.chikaya.ma";

    private async Task<List<ComplaintEvent>> HistoryAsync(string number)
    {
        await using var db = App.Database();
        return await db.ComplaintEvents.Where(e => db.Complaints.Any(c => c.Id == e.ComplaintId && c.TrackingNumber == number))
            .OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task A_forgotten_complaint_is_warned_about_then_escalated_to_the_supervisor_then_to_the_parent()
    {
        var filed = await App.FileAsync(territory: "A-HAY-HASSANI", theme: "urbanism");
        await App.RunJobsAsync();
        var before = Smtp.To(Supervisor).Count;

        App.Clock.Advance(TimeSpan.FromDays(8));
        await App.RunJobsAsync();
        var warnings = (await HistoryAsync(filed.TrackingNumber)).Where(e => e.Type == ComplaintEventType.DeadlineWarning).ToList();
        Assert.Equal("decision:7", Assert.Single(warnings).Text);
        Assert.False(warnings[0].IsPublic);
        Assert.Contains(Smtp.To("agent.hay-hassani@demo.chikaya.ma"), m => m.Subject!.Contains(filed.TrackingNumber, StringComparison.Ordinal));

        App.Clock.Advance(TimeSpan.FromDays(8));
        await App.RunJobsAsync();
        var escalations = (await HistoryAsync(filed.TrackingNumber)).Where(e => e.Type == ComplaintEventType.Escalated).ToList();
        Assert.Equal("decision:1", Assert.Single(escalations).Text);
        Assert.True(Smtp.To(Supervisor).Count > before);

        App.Clock.Advance(TimeSpan.FromDays(7));
        await App.RunJobsAsync();
        escalations = (await HistoryAsync(filed.TrackingNumber)).Where(e => e.Type == ComplaintEventType.Escalated).ToList();
        Assert.Equal(["decision:1", "decision:2"], escalations.Select(e => e.Text));
        Assert.Equal(await App.AdministrationIdAsync("COMMUNE-CASABLANCA"), escalations[1].AdministrationId);

        var supervisor = App.NewBrowser();
        await supervisor.SignInAsync("superviseur");
        var page = await supervisor.GetAsync("/backoffice/warnings");
        Assert.Contains(filed.TrackingNumber, page.QuerySelector("tbody")!.TextContent);
        var handlerView = await supervisor.GetAsync($"/backoffice/complaints/{filed.TrackingNumber}");
        Assert.Contains(handlerView.QuerySelectorAll(".timeline .internal"), li => li.TextContent.Contains("superviseur", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_answered_complaint_left_alone_closes_itself_and_the_citizen_is_told()
    {
        var email = $"quiet.{Guid.NewGuid():N}@example.ma";
        var filed = await App.FileAsync(territory: "A-ANFA", email: email);
        var agent = App.NewBrowser();
        await agent.SignInAsync("agent.anfa");
        var page = await agent.GetAsync($"/backoffice/complaints/{filed.TrackingNumber}");
        page = await agent.SubmitAsync(page, "form:has(button[value='Accept'])", submitName: "Input.Action", submitValue: "Accept");
        await agent.SubmitAsync(page, "form:has(button[value='Answer'])", new Dictionary<string, string?> { ["Input.Text"] = "Fait." },
            submitName: "Input.Action", submitValue: "Answer");

        App.Clock.Advance(TimeSpan.FromDays(14));
        await App.RunJobsAsync();
        Assert.Equal(ComplaintStatus.Answered, await StatusAsync(filed.TrackingNumber));

        App.Clock.Advance(TimeSpan.FromDays(2));
        await App.RunJobsAsync();
        await App.RunJobsAsync();

        Assert.Equal(ComplaintStatus.Closed, await StatusAsync(filed.TrackingNumber));
        Assert.Contains(Smtp.To(email), m => m.Subject!.Contains("clôturée", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_citizen_rates_remarks_adds_a_document_and_reopens_within_the_window_but_not_after()
    {
        var filed = await App.FileAsync(territory: "A-ANFA");
        var agent = App.NewBrowser();
        await agent.SignInAsync("agent.anfa");
        var page = await agent.GetAsync($"/backoffice/complaints/{filed.TrackingNumber}");
        page = await agent.SubmitAsync(page, "form:has(button[value='Accept'])", submitName: "Input.Action", submitValue: "Accept");
        await agent.SubmitAsync(page, "form:has(button[value='Answer'])", new Dictionary<string, string?> { ["Input.Text"] = "Nettoyé." },
            submitName: "Input.Action", submitValue: "Answer");

        var citizen = App.NewBrowser();
        var track = await citizen.SubmitAsync(await citizen.GetAsync("/track"), "main form",
            new Dictionary<string, string?> { ["Input.Number"] = filed.TrackingNumber, ["Input.SecretCode"] = filed.SecretCode });
        track = await citizen.SubmitAsync(track, "form[action$='/Rate']", new Dictionary<string, string?> { ["Score"] = "2", ["Text"] = "Trop lent" });
        track = await citizen.SubmitAsync(track, "form[action$='/Remark']", new Dictionary<string, string?> { ["Text"] = "Prévoir un passage par semaine." });
        track = await citizen.SubmitAsync(track, "form[action$='/Documents']", files: [("Files", "avant.png", SampleFiles.Png)]);
        Assert.NotEmpty(track.Text("#rating"));

        var detail = await agent.GetAsync($"/backoffice/complaints/{filed.TrackingNumber}");
        Assert.Contains("Trop lent", detail.Text("#rating"));
        Assert.Contains("Prévoir un passage par semaine.", detail.Body!.TextContent);
        Assert.Contains("avant.png", detail.Body.TextContent);

        track = await citizen.SubmitAsync(track, "form[action$='/Reopen']", new Dictionary<string, string?> { ["Text"] = "Les ordures sont revenues." });
        Assert.Equal(ComplaintStatus.Reopened, await StatusAsync(filed.TrackingNumber));

        page = await agent.GetAsync($"/backoffice/complaints/{filed.TrackingNumber}");
        await agent.SubmitAsync(page, "form:has(button[value='Answer'])", new Dictionary<string, string?> { ["Input.Text"] = "Repassé." },
            submitName: "Input.Action", submitValue: "Answer");
        App.Clock.Advance(TimeSpan.FromDays(31));
        var late = App.NewBrowser();
        var again = await late.SubmitAsync(await late.GetAsync("/track"), "main form",
            new Dictionary<string, string?> { ["Input.Number"] = filed.TrackingNumber, ["Input.SecretCode"] = filed.SecretCode });
        Assert.Null(again.QuerySelector("form[action$='/Reopen']"));
    }

    [Fact]
    public async Task Asking_the_citizen_pauses_the_answer_clock_and_the_answer_resumes_it()
    {
        var filed = await App.FileAsync(territory: "A-ANFA");
        var agent = App.NewBrowser();
        await agent.SignInAsync("agent.anfa");
        var page = await agent.GetAsync($"/backoffice/complaints/{filed.TrackingNumber}");
        page = await agent.SubmitAsync(page, "form:has(button[value='Accept'])", submitName: "Input.Action", submitValue: "Accept");
        await agent.SubmitAsync(page, "form:has(button[value='RequestInformation'])", new Dictionary<string, string?> { ["Input.Text"] = "Quel immeuble ?" },
            submitName: "Input.Action", submitValue: "RequestInformation");
        await using var db = App.Database();
        var due = await db.Complaints.Where(c => c.TrackingNumber == filed.TrackingNumber).Select(c => c.AnswerDueUtc).SingleAsync();

        App.Clock.Advance(TimeSpan.FromDays(4));
        var citizen = App.NewBrowser();
        var track = await citizen.SubmitAsync(await citizen.GetAsync("/track"), "main form",
            new Dictionary<string, string?> { ["Input.Number"] = filed.TrackingNumber, ["Input.SecretCode"] = filed.SecretCode });
        Assert.NotEmpty(track.Text("#clock-paused"));
        await citizen.SubmitAsync(track, "form[action$='/Information']", new Dictionary<string, string?> { ["Text"] = "Le numéro 12." });

        await using var after = App.Database();
        var resumed = await after.Complaints.Where(c => c.TrackingNumber == filed.TrackingNumber).Select(c => c.AnswerDueUtc).SingleAsync();
        Assert.Equal(due.AddDays(4), resumed);
    }

    [Fact]
    public async Task A_question_the_citizen_never_answers_does_not_hold_back_the_escalation_while_the_clock_runs()
    {
        await using var app = new ChikayaApp(); // the decree's clock: not paused while the citizen is asked
        await app.InitializeAsync();
        var filed = await app.FileAsync(territory: "A-ANFA");
        var agent = app.NewBrowser();
        await agent.SignInAsync("agent.anfa");
        var page = await agent.GetAsync($"/backoffice/complaints/{filed.TrackingNumber}");
        page = await agent.SubmitAsync(page, "form:has(button[value='Accept'])", submitName: "Input.Action", submitValue: "Accept");
        await agent.SubmitAsync(page, "form:has(button[value='RequestInformation'])", new Dictionary<string, string?> { ["Input.Text"] = "Quel immeuble ?" },
            submitName: "Input.Action", submitValue: "RequestInformation");

        app.Clock.Advance(TimeSpan.FromDays(62));
        await app.RunJobsAsync();

        await using var db = app.Database();
        var complaint = await db.Complaints.Include(c => c.Events).SingleAsync(c => c.TrackingNumber == filed.TrackingNumber);
        Assert.Equal(ComplaintStatus.AwaitingInformation, complaint.Status);
        Assert.Contains(complaint.Events, e => e.Type == ComplaintEventType.Escalated && e.Text == "answer:1");
    }

    [Fact]
    public async Task A_supervisor_once_locked_out_for_wrong_passwords_is_told_of_escalations_again_once_the_lockout_is_over()
    {
        await using var app = new ChikayaApp(); // the lockout is on the demo supervisor
        await app.InitializeAsync();
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Chikaya.Web.Data.AppUser>>();
            var user = (await users.FindByEmailAsync(Supervisor))!;
            // what five wrong passwords leave behind once their quarter of an hour has passed
            user.LockoutEnd = app.Clock.GetUtcNow().AddMinutes(-10);
            await users.UpdateAsync(user);
        }
        var filed = await app.FileAsync(territory: "A-HAY-HASSANI", theme: "urbanism");

        app.Clock.Advance(TimeSpan.FromDays(16));
        await app.RunJobsAsync();

        await using var db = app.Database();
        Assert.True(await db.Outbox.AnyAsync(m => m.Recipient == Supervisor && m.Subject.Contains(filed.TrackingNumber)));
    }

    private async Task<ComplaintStatus> StatusAsync(string number)
    {
        await using var db = App.Database();
        return await db.Complaints.Where(c => c.TrackingNumber == number).Select(c => c.Status).SingleAsync();
    }
}
