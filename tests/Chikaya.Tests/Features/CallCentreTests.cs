using AngleSharp.Dom;
using System.Net;
using Chikaya.Domain.Complaints;
using Chikaya.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Tests.Features;

public sealed class CallCentreTests(ChikayaApp app)
{
    private async Task<Browser> AgentAsync(string language = "fr-MA")
    {
        var agent = app.NewBrowser(language);
        await agent.SignInAsync("callcentre");
        return agent;
    }

    [Fact]
    public async Task An_agent_files_for_a_caller_and_finds_them_again_by_phone_e_mail_or_identity_card()
    {
        var agent = await AgentAsync();
        var (phone, email, cin) = ChannelScenario.NewIdentifiers();

        var filed = await app.FileByPhoneAsync(agent, new()
        {
            ["Input.ContactName"] = "Rachid Alaoui", ["Input.ContactPhone"] = phone, ["Input.ContactEmail"] = email, ["Input.Cin"] = cin,
        });

        var number = filed.Number();
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}$", filed.Text("#secret-code"));
        var complaint = await app.ComplaintAsync(number);
        Assert.Equal(Channel.CallCentre, complaint.Channel);
        Assert.NotNull(complaint.CitizenId);
        Assert.Contains(complaint.Events, e => e.Type == ComplaintEventType.RegisteredOnBehalf && e.ActorName.Contains("centre d'appel"));
        foreach (var query in new[] { phone[..2] + " " + phone[2..], "+212" + phone[1..], email.ToUpperInvariant(), cin.ToLowerInvariant(), "rachid ALAOUI" })
        {
            var found = await agent.GetAsync("/callcentre?Query=" + Uri.EscapeDataString(query));
            var link = found.QuerySelectorAll("#callers a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Contains($"/callcentre/citizens/{complaint.CitizenId}", link);
        }
        var caller = await agent.GetAsync($"/callcentre/citizens/{complaint.CitizenId}");
        Assert.Contains(number, caller.Text("table.citizen-complaints"));
        Assert.Contains(cin, caller.Text("#caller"));
    }

    [Fact]
    public async Task A_new_complaint_for_a_known_caller_joins_their_record()
    {
        var agent = await AgentAsync();
        var (phone, _, _) = ChannelScenario.NewIdentifiers();
        var first = await app.ComplaintAsync((await app.FileByPhoneAsync(agent, new() { ["Input.ContactName"] = "Khadija", ["Input.ContactPhone"] = phone })).Number());

        var form = await agent.GetAsync($"/callcentre/new?citizen={first.CitizenId}");
        Assert.Equal("+212" + phone[1..], form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_ContactPhone")!.Value);
        var second = await app.ComplaintAsync((await app.FileByPhoneAsync(agent, new() { ["Input.ContactPhone"] = phone }, subject: "Trottoir")).Number());

        Assert.Equal(first.CitizenId, second.CitizenId);
        var caller = await agent.GetAsync($"/callcentre/citizens/{first.CitizenId}");
        Assert.Equal(2, caller.QuerySelectorAll("table.citizen-complaints tbody tr").Length);
    }

    [Fact]
    public async Task A_form_sent_twice_files_once()
    {
        var agent = await AgentAsync();
        var form = await agent.GetAsync("/callcentre/new");
        var values = new Dictionary<string, string?>
        {
            ["Input.ThemeId"] = (await app.ThemeIdAsync("roads")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Subject"] = "Chaussée effondrée", ["Input.Description"] = "Un trou s'est ouvert rue 12.",
        };

        var first = await agent.SubmitAsync(form, "#file-for-caller", values);
        var again = await agent.SubmitAsync(form, "#file-for-caller", values);

        Assert.Equal(first.Number(), again.Text(".number"));
        Assert.Equal($"/callcentre/complaints/{first.Number()}", agent.LastUrl!.AbsolutePath);
    }

    [Fact]
    public async Task A_caller_who_gives_nothing_stays_anonymous()
    {
        var agent = await AgentAsync();

        var complaint = await app.ComplaintAsync((await app.FileByPhoneAsync(agent, [])).Number());

        Assert.Null(complaint.CitizenId);
        Assert.True(complaint.IsAnonymous);
    }

    [Fact]
    public async Task The_status_is_read_in_plain_sentences_without_personal_data()
    {
        var agent = await AgentAsync();
        var (phone, email, _) = ChannelScenario.NewIdentifiers();
        var number = (await app.FileByPhoneAsync(agent, new() { ["Input.ContactName"] = "Samira Tazi", ["Input.ContactPhone"] = phone, ["Input.ContactEmail"] = email })).Number();

        var page = await agent.GetAsync("/callcentre?Number=" + number.ToLowerInvariant());

        Assert.Equal($"/callcentre/complaints/{number}", agent.LastUrl!.AbsolutePath);
        var sentences = page.QuerySelectorAll("#read-aloud p").Select(p => p.TextContent).ToList();
        Assert.StartsWith($"La demande {number} a été reçue le", sentences[0]);
        Assert.Contains("Arrondissement Anfa", sentences[0]);
        Assert.Equal("Son état aujourd'hui : Reçue.", sentences[1]);
        Assert.Matches(@"^Prochaine échéance de décision : le .+, dans 1[45] jours\.$", sentences[^1]);
        Assert.DoesNotContain("Samira", page.Body!.TextContent);
        Assert.DoesNotContain(email, page.Body.TextContent);
        Assert.Null(page.QuerySelector("#secret-code"));
    }

    [Fact]
    public async Task The_status_is_read_in_Arabic_too()
    {
        var agent = await AgentAsync("ar-MA");
        var number = (await app.FileByPhoneAsync(agent, [])).Number();

        var page = await agent.GetAsync($"/callcentre/complaints/{number}");

        Assert.All(page.QuerySelectorAll("#read-aloud p"), p => Assert.Matches(@"\p{IsArabic}", p.TextContent));
    }

    [Fact]
    public async Task Bad_caller_details_and_unknown_numbers_get_a_message_next_to_the_field()
    {
        var agent = await AgentAsync();

        var page = await app.FileByPhoneAsync(agent, new() { ["Input.Cin"] = "123", ["Input.ContactPhone"] = "abc", ["Input.ContactEmail"] = "x@" });
        Assert.Equal(HttpStatusCode.OK, agent.LastStatus);
        Assert.NotEmpty(page.Text("#cin-error"));
        page = await app.FileByPhoneAsync(agent, new() { ["Input.ContactPhone"] = "abc", ["Input.ContactEmail"] = "x@", ["Input.Subject"] = "" });
        Assert.NotEmpty(page.Text("#phone-error"));
        Assert.NotEmpty(page.Text("#email-error"));
        Assert.NotEmpty(page.Text("#subject-error"));

        var search = await agent.GetAsync("/callcentre?Number=CH-2000-ZZZZZZ&Query=ab");
        Assert.Equal("Aucune demande ne porte ce numéro.", search.Text("#number-error"));
        Assert.NotEmpty(search.Text("#query-error"));
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetRawAsync("/callcentre/complaints/CH-2000-ZZZZZZ")).StatusCode);
    }

    [Fact]
    public async Task Opening_a_caller_s_record_is_written_in_the_audit_log()
    {
        var agent = await AgentAsync();
        var (phone, _, _) = ChannelScenario.NewIdentifiers();
        var complaint = await app.ComplaintAsync((await app.FileByPhoneAsync(agent, new() { ["Input.ContactPhone"] = phone })).Number());

        await agent.GetAsync($"/callcentre/citizens/{complaint.CitizenId}");

        await using var db = app.Database();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "personal-data.view" && a.Subject == complaint.CitizenId.ToString()));
    }
}
