using System.Net;
using AngleSharp.Html.Dom;
using Chikaya.Domain.Complaints;
using Chikaya.Tests.TestSupport;
using Chikaya.Web.Features.BackOffice;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Tests.Features;

public sealed class BackOfficeTests(ChikayaApp app)
{
    private static string Detail(string number) => $"/backoffice/complaints/{number}";

    private static Task<IHtmlDocument> ActAsync(Browser browser, IHtmlDocument page, ComplaintAction action,
        Dictionary<string, string?>? values = null, IEnumerable<(string, string, byte[])>? files = null) =>
        browser.SubmitAsync(page, $"form:has(button[value='{action}'])", values, files, "Input.Action", action.ToString());

    private async Task<ComplaintStatus> StatusAsync(string number)
    {
        await using var db = app.Database();
        return await db.Complaints.Where(c => c.TrackingNumber == number).Select(c => c.Status).SingleAsync();
    }

    [Fact]
    public async Task A_handler_takes_a_complaint_from_receipt_to_answer_and_the_citizen_reads_the_answer()
    {
        var filed = await app.FileAsync(territory: "A-ANFA");
        var agent = app.NewBrowser();
        await agent.SignInAsync("agent.anfa");

        // the queue holds every test's Anfa complaints: look this one up in it
        var inbox = await agent.GetAsync("/backoffice?Queue=to-decide&Search=" + filed.TrackingNumber);
        Assert.Contains(filed.TrackingNumber, inbox.Body!.TextContent);
        var page = await agent.GetAsync(Detail(filed.TrackingNumber));
        page = await ActAsync(agent, page, ComplaintAction.Accept);
        page = await ActAsync(agent, page, ComplaintAction.TakeOver);
        page = await ActAsync(agent, page, ComplaintAction.Note, new() { ["Input.Text"] = "Voir avec la société de nettoyage" });
        page = await ActAsync(agent, page, ComplaintAction.Answer, new() { ["Input.Text"] = "Les conteneurs ont été vidés." },
            [("Input.Files", "rapport.pdf", SampleFiles.Pdf)]);

        Assert.Equal(ComplaintStatus.Answered, await StatusAsync(filed.TrackingNumber));
        var citizen = app.NewBrowser();
        var track = await citizen.SubmitAsync(await citizen.GetAsync("/track"), "main form",
            new Dictionary<string, string?> { ["Input.Number"] = filed.TrackingNumber, ["Input.SecretCode"] = filed.SecretCode });
        Assert.Equal("Les conteneurs ont été vidés.", track.Text("#answer"));
        Assert.Contains("rapport.pdf", track.Body!.TextContent);
        Assert.DoesNotContain("société de nettoyage", track.Body.TextContent);
        Assert.DoesNotContain("Agent Anfa", track.Body.TextContent);
    }

    [Fact]
    public async Task The_citizen_answers_a_request_for_information_and_the_handler_resumes()
    {
        var filed = await app.FileAsync(territory: "A-ANFA");
        var agent = app.NewBrowser();
        await agent.SignInAsync("agent.anfa");
        var page = await ActAsync(agent, await agent.GetAsync(Detail(filed.TrackingNumber)), ComplaintAction.Accept);
        await ActAsync(agent, page, ComplaintAction.RequestInformation, new() { ["Input.Text"] = "Quel numéro de rue ?" });

        var citizen = app.NewBrowser();
        var track = await citizen.SubmitAsync(await citizen.GetAsync("/track"), "main form",
            new Dictionary<string, string?> { ["Input.Number"] = filed.TrackingNumber, ["Input.SecretCode"] = filed.SecretCode });
        Assert.Contains("Quel numéro de rue ?", track.Body!.TextContent);
        await citizen.SubmitAsync(track, "form[action$='/Information']", new Dictionary<string, string?> { ["Text"] = "Au 24, devant la pharmacie." });

        Assert.Equal(ComplaintStatus.InProgress, await StatusAsync(filed.TrackingNumber));
        var detail = await agent.GetAsync(Detail(filed.TrackingNumber));
        Assert.Contains("Au 24, devant la pharmacie.", detail.Body!.TextContent);
    }

    [Fact]
    public async Task Another_administration_s_complaint_does_not_exist_for_a_handler()
    {
        var filed = await app.FileAsync(territory: "A-ANFA");
        var other = app.NewBrowser();
        await other.SignInAsync("agent.maarif");

        var inbox = await other.GetAsync("/backoffice?Queue=all&Search=" + filed.TrackingNumber);
        var response = await other.GetRawAsync(Detail(filed.TrackingNumber));
        var post = await other.GetRawAsync(Detail(filed.TrackingNumber) + "/document?id=" + Guid.NewGuid());

        Assert.DoesNotContain(filed.TrackingNumber, inbox.QuerySelector("tbody")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task A_transfer_keeps_the_deadlines_and_hands_the_complaint_to_the_other_administration()
    {
        var filed = await app.FileAsync(territory: "A-ANFA", theme: "public-domain");
        var anfa = app.NewBrowser();
        await anfa.SignInAsync("agent.anfa");
        var communeId = await app.AdministrationIdAsync("COMMUNE-CASABLANCA");

        await ActAsync(anfa, await anfa.GetAsync(Detail(filed.TrackingNumber)), ComplaintAction.Transfer,
            new() { ["Input.AdministrationId"] = communeId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Text"] = "Relève de la Commune" });

        Assert.Equal("/backoffice", anfa.LastUrl!.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, (await anfa.GetRawAsync(Detail(filed.TrackingNumber))).StatusCode);
        var commune = app.NewBrowser();
        await commune.SignInAsync("agent.commune");
        var page = await commune.GetAsync(Detail(filed.TrackingNumber));
        Assert.Equal(HttpStatusCode.OK, commune.LastStatus);
        await using var db = app.Database();
        var complaint = await db.Complaints.SingleAsync(c => c.TrackingNumber == filed.TrackingNumber);
        Assert.Equal(communeId, complaint.AdministrationId);
        Assert.Equal(complaint.ReceivedUtc.AddDays(60), complaint.AnswerDueUtc);
        Assert.NotNull(page.QuerySelector("button[value='Accept']"));
    }

    [Fact]
    public async Task A_supervisor_sees_the_arrondissements_below_and_an_observer_sees_no_personal_data()
    {
        var filed = await app.FileAsync(territory: "A-SIDI-BELYOUT", email: "private.person@example.ma");
        var supervisor = app.NewBrowser();
        await supervisor.SignInAsync("superviseur");
        var observer = app.NewBrowser();
        await observer.SignInAsync("observateur");

        var seenBySupervisor = await supervisor.GetAsync(Detail(filed.TrackingNumber));
        var seenByObserver = await observer.GetAsync(Detail(filed.TrackingNumber));

        Assert.Contains("private.person@example.ma", seenBySupervisor.Text("#citizen"));
        Assert.DoesNotContain("private.person", seenByObserver.Body!.TextContent);
        Assert.Null(seenByObserver.QuerySelector("button[value='Accept']"));
    }

    [Fact]
    public async Task A_decision_on_a_page_that_someone_else_changed_meanwhile_is_refused()
    {
        var filed = await app.FileAsync(territory: "A-ANFA");
        var first = app.NewBrowser();
        await first.SignInAsync("agent.anfa");
        var second = app.NewBrowser();
        await second.SignInAsync("agent.anfa");
        var stale = await second.GetAsync(Detail(filed.TrackingNumber));

        await ActAsync(first, await first.GetAsync(Detail(filed.TrackingNumber)), ComplaintAction.Accept);
        var refused = await ActAsync(second, stale, ComplaintAction.Reject, new() { ["Input.Text"] = "Hors compétence" });

        Assert.NotEmpty(refused.Errors());
        Assert.Equal(ComplaintStatus.Accepted, await StatusAsync(filed.TrackingNumber));
    }

    [Fact]
    public async Task A_refused_step_shows_why_in_the_page()
    {
        var filed = await app.FileAsync(territory: "A-ANFA");
        var agent = app.NewBrowser();
        await agent.SignInAsync("agent.anfa");

        var page = await ActAsync(agent, await agent.GetAsync(Detail(filed.TrackingNumber)), ComplaintAction.Reject, new() { ["Input.Text"] = " " });

        Assert.Equal(HttpStatusCode.OK, agent.LastStatus);
        Assert.NotEmpty(page.Errors());
        Assert.Equal(ComplaintStatus.Received, await StatusAsync(filed.TrackingNumber));
    }

    [Theory]
    [InlineData(null, "/backoffice", "/account/signin")]
    [InlineData("citoyen", "/backoffice", "/account/denied")]
    [InlineData("agent.anfa", "/admin", "/account/denied")]
    [InlineData("admin", "/backoffice", "/account/denied")]
    public async Task Each_area_is_closed_to_those_it_is_not_for(string? login, string url, string landing)
    {
        var browser = app.NewBrowser();
        if (login is not null) await browser.SignInAsync(login);

        await browser.GetAsync(url);

        Assert.Equal(landing, browser.LastUrl!.AbsolutePath);
    }
}
