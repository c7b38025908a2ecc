using System.Net;
using Chikaya.Domain.Complaints;
using Chikaya.Tests.TestSupport;
using Chikaya.Web.Features.BackOffice;
using Chikaya.Web.Features.Shared;

namespace Chikaya.Tests.Features;

public sealed class MailOfficeTests(ChikayaApp app)
{
    private async Task<Browser> ClerkAsync(string login = "agent.anfa")
    {
        var clerk = app.NewBrowser();
        await clerk.SignInAsync(login);
        return clerk;
    }

    [Fact]
    public async Task A_letter_received_ten_days_ago_is_registered_with_its_scans_and_its_deadlines_count_from_that_day()
    {
        var clerk = await ClerkAsync();
        var (_, _, cin) = ChannelScenario.NewIdentifiers();

        var acknowledgement = await app.RegisterLetterAsync(clerk, new()
        {
            ["Input.ReceivedOn"] = ChannelScenario.LocalDate(app, -10), ["Input.Reference"] = "BO-2026-0042",
            ["Input.ContactName"] = "Mohamed Berrada", ["Input.Cin"] = cin, ["Input.PostalAddress"] = "12 rue Ibn Batouta\nCasablanca",
        }, [("Input.Files", "page1.pdf", SampleFiles.Pdf), ("Input.Files", "page2.png", SampleFiles.Png)]);

        Assert.Matches("^/backoffice/mail/CH-[0-9]{4}-[A-Z0-9]{6}/acknowledgement$", clerk.LastUrl!.AbsolutePath);
        var complaint = await app.ComplaintAsync(acknowledgement.Number());
        var receivedDay = Display.Local(app.Clock.GetUtcNow().UtcDateTime).Date.AddDays(-10);
        Assert.Equal(receivedDay, Display.Local(complaint.ReceivedUtc));
        Assert.Equal(complaint.ReceivedUtc.AddDays(15), complaint.DecisionDueUtc);
        Assert.Equal(Channel.MailOffice, complaint.Channel);
        Assert.Equal("BO-2026-0042", complaint.ExternalReference);
        Assert.Equal(2, complaint.Attachments.Count);
        Assert.NotNull(complaint.CitizenId);
        Assert.Contains(complaint.Events, e => e.Type == ComplaintEventType.RegisteredOnBehalf && e.ActorName == "Agent Anfa");
        Assert.Contains("Mohamed Berrada", acknowledgement.Text("address"));
        Assert.Contains("Ibn Batouta", acknowledgement.Text("address"));
        Assert.Contains("BO-2026-0042", acknowledgement.Text("#acknowledgement"));
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}$", acknowledgement.Text("#secret-code"));
        Assert.True(complaint.OwnsSecretCode(acknowledgement.Text("#secret-code")));
    }

    [Fact]
    public async Task The_acknowledgement_can_be_printed_again_without_the_secret_code_once_another_letter_is_registered()
    {
        var clerk = await ClerkAsync();
        var first = (await app.RegisterLetterAsync(clerk, new() { ["Input.ContactName"] = "Nadia" })).Number();
        await app.RegisterLetterAsync(clerk, new() { ["Input.ContactName"] = "Omar" });

        var reprint = await clerk.GetAsync($"/backoffice/mail/{first}/acknowledgement");

        Assert.Equal(HttpStatusCode.OK, clerk.LastStatus);
        Assert.Null(reprint.QuerySelector("#secret-code"));
        Assert.NotNull(reprint.QuerySelector("#code-gone"));
    }

    [Fact]
    public async Task A_letter_dated_tomorrow_or_without_pages_or_reference_is_refused_next_to_the_field()
    {
        var clerk = await ClerkAsync();

        var page = await app.RegisterLetterAsync(clerk, new() { ["Input.ReceivedOn"] = ChannelScenario.LocalDate(app, 1) });
        Assert.Equal("La date de réception ne peut pas être dans le futur.", page.Text("#received-error"));
        page = await app.RegisterLetterAsync(clerk, new() { ["Input.ReceivedOn"] = "hier", ["Input.Reference"] = " " }, []);
        Assert.NotEmpty(page.Text("#received-error"));
        Assert.NotEmpty(page.Text("#reference-error"));
        Assert.NotEmpty(page.Text("#files-error"));
        page = await app.RegisterLetterAsync(clerk, new() { ["Input.ReceivedOn"] = ChannelScenario.LocalDate(app, -400) });
        Assert.NotEmpty(page.Text("#received-error"));
        Assert.Equal(HttpStatusCode.OK, clerk.LastStatus);
    }

    [Fact]
    public async Task A_page_that_is_not_a_scan_is_refused()
    {
        var clerk = await ClerkAsync();

        var page = await app.RegisterLetterAsync(clerk, [], [("Input.Files", "lettre.pdf", SampleFiles.Html)]);

        Assert.NotEmpty(page.Text("#files-error"));
        Assert.Equal("/backoffice/mail/new", clerk.LastUrl!.AbsolutePath);
    }

    [Fact]
    public async Task A_clerk_registers_letters_for_their_own_administrations_only()
    {
        var clerk = await ClerkAsync();
        var maarif = await app.AdministrationIdAsync("ARR-MAARIF");

        var page = await app.RegisterLetterAsync(clerk, new() { ["Input.AdministrationId"] = maarif.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.NotEmpty(page.Text("#administration-error"));
        var observer = app.NewBrowser();
        await observer.SignInAsync("observateur");
        await observer.GetAsync("/backoffice/mail/new");
        Assert.Equal("/account/denied", observer.LastUrl!.AbsolutePath);
    }

    [Fact]
    public async Task The_answer_to_a_letter_prints_as_a_letter_for_its_administration_only()
    {
        var clerk = await ClerkAsync();
        var number = (await app.RegisterLetterAsync(clerk, new() { ["Input.ContactName"] = "Latifa", ["Input.PostalAddress"] = "3 avenue Hassan II" })).Number();
        await clerk.GetAsync($"/backoffice/mail/{number}/answer-letter");
        Assert.Equal(HttpStatusCode.NotFound, clerk.LastStatus);

        var detail = await clerk.GetAsync($"/backoffice/complaints/{number}");
        detail = await clerk.SubmitAsync(detail, $"form:has(button[value='{ComplaintAction.Accept}'])", submitName: "Input.Action", submitValue: nameof(ComplaintAction.Accept));
        detail = await clerk.SubmitAsync(detail, $"form:has(button[value='{ComplaintAction.Answer}'])",
            new Dictionary<string, string?> { ["Input.Text"] = "Les travaux de réfection sont programmés pour lundi." }, submitName: "Input.Action", submitValue: nameof(ComplaintAction.Answer));
        Assert.NotNull(detail.QuerySelector($"#letters a[href='/backoffice/mail/{number}/answer-letter']"));

        var letter = await clerk.GetAsync($"/backoffice/mail/{number}/answer-letter");
        Assert.Equal("Les travaux de réfection sont programmés pour lundi.", letter.Text("#answer"));
        Assert.Contains("3 avenue Hassan II", letter.Text("address"));
        var other = await ClerkAsync("agent.maarif");
        await other.GetAsync($"/backoffice/mail/{number}/answer-letter");
        Assert.Equal(HttpStatusCode.NotFound, other.LastStatus);
        await other.GetAsync($"/backoffice/mail/{number}/acknowledgement");
        Assert.Equal(HttpStatusCode.NotFound, other.LastStatus);
    }

    [Fact]
    public async Task The_inbox_shows_the_letters_alone_when_filtered_by_channel()
    {
        var clerk = await ClerkAsync();
        var letter = (await app.RegisterLetterAsync(clerk, [])).Number();
        var web = (await app.FileAsync(territory: "A-ANFA")).TrackingNumber;

        var inbox = await clerk.GetAsync("/backoffice?Queue=all&Channel=MailOffice&Search=" + letter);
        var all = await clerk.GetAsync("/backoffice?Queue=all&Channel=MailOffice&Search=" + web);

        Assert.Contains(letter, inbox.Text("tbody"));
        Assert.Null(all.QuerySelector("tbody a.number"));
    }
}
