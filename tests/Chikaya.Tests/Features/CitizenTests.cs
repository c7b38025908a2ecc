using Chikaya.Domain.Complaints;
using Chikaya.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Tests.Features;

/// <summary>One person, one record, whatever the channel: found, shown to handlers within their scope, merged and unmerged.</summary>
public sealed class CitizenTests(ChikayaApp app)
{
    private async Task<Browser> SignedInAsync(string login)
    {
        var browser = app.NewBrowser();
        await browser.SignInAsync(login);
        return browser;
    }

    [Fact]
    public async Task A_citizen_who_calls_then_writes_then_files_on_the_web_has_one_record_with_the_three_complaints()
    {
        var (phone, _, cin) = ChannelScenario.NewIdentifiers();
        var email = "citoyen@demo.chikaya.ma";

        var call = (await app.FileByPhoneAsync(await SignedInAsync("callcentre"), new()
        {
            ["Input.ContactName"] = "Fatima Zahra El Amrani", ["Input.ContactEmail"] = email, ["Input.ContactPhone"] = phone,
        })).Number();
        var letter = (await app.RegisterLetterAsync(await SignedInAsync("agent.anfa"), new()
        {
            ["Input.ContactName"] = "F. Z. El Amrani", ["Input.ContactPhone"] = phone, ["Input.Cin"] = cin,
        })).Number();
        var citizen = await SignedInAsync("citoyen");
        var form = await citizen.GetAsync("/complaints/new");
        await citizen.SubmitAsync(form, "main form", new Dictionary<string, string?>
        {
            ["Input.ThemeId"] = (await app.ThemeIdAsync("cleanliness")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.TerritoryCode"] = "A-ANFA", ["Input.Subject"] = "Dépôt sauvage", ["Input.Description"] = "Des gravats au coin de la rue.",
        });
        var web = citizen.LastUrl!.AbsolutePath.Split('/')[2];

        await using var db = app.Database();
        var complaints = await db.Complaints.Where(c => new[] { call, letter, web }.Contains(c.TrackingNumber)).ToListAsync();
        Assert.Equal(3, complaints.Count);
        Assert.Equal([Channel.Web, Channel.CallCentre, Channel.MailOffice], complaints.Select(c => c.Channel).Order());
        var id = Assert.Single(complaints.Select(c => c.CitizenId).Distinct());
        var record = await db.Citizens.SingleAsync(c => c.Id == id);
        var account = await db.Users.SingleAsync(u => u.Email == email);
        Assert.Equal(account.Id, record.UserId);
        Assert.Equal((email, "+212" + phone[1..], cin), (record.Email, record.Phone, record.Cin));

        var mine = await citizen.GetAsync("/account/complaints");
        Assert.All(new[] { call, letter, web }, number => Assert.Contains(number, mine.Body!.TextContent));
        await citizen.GetAsync($"/track/{letter}");
        Assert.Equal($"/track/{letter}", citizen.LastUrl!.AbsolutePath);
    }

    [Fact]
    public async Task What_an_anonymous_visitor_types_or_a_bare_name_identifies_no_one_and_an_anonymous_complaint_stays_anonymous()
    {
        var (_, email, _) = ChannelScenario.NewIdentifiers();
        var known = await app.ComplaintAsync((await app.FileByPhoneAsync(await SignedInAsync("callcentre"), new() { ["Input.ContactEmail"] = email })).Number());

        var typed = await app.ComplaintAsync((await app.FileAsync(email: email)).TrackingNumber);
        var nameOnly = await app.ComplaintAsync((await app.FileAsync(email: null)).TrackingNumber);
        var anonymous = await app.ComplaintAsync((await app.FileByPhoneAsync(await SignedInAsync("callcentre"), [])).Number());

        Assert.NotNull(known.CitizenId);
        Assert.Null(typed.CitizenId);
        Assert.Equal(email, typed.ContactEmail);
        Assert.Null(nameOnly.CitizenId);
        Assert.Null(anonymous.CitizenId);
        Assert.True(anonymous.IsAnonymous);
    }

    [Fact]
    public async Task A_handler_sees_the_citizen_s_other_complaints_from_every_channel_within_their_scope_only()
    {
        var (phone, _, _) = ChannelScenario.NewIdentifiers();
        var agent = await SignedInAsync("callcentre");
        var first = (await app.FileByPhoneAsync(agent, new() { ["Input.ContactName"] = "Hicham", ["Input.ContactPhone"] = phone })).Number();
        var second = (await app.FileByPhoneAsync(agent, new() { ["Input.ContactPhone"] = phone }, subject: "Encore éteint")).Number();
        var inMaarif = (await app.RegisterLetterAsync(await SignedInAsync("agent.maarif"), new() { ["Input.ContactPhone"] = phone })).Number();

        var handler = await (await SignedInAsync("agent.anfa")).GetAsync($"/backoffice/complaints/{first}");
        var supervisor = await (await SignedInAsync("superviseur")).GetAsync($"/backoffice/complaints/{first}");
        var observer = await (await SignedInAsync("observateur")).GetAsync($"/backoffice/complaints/{first}");

        Assert.Contains(second, handler.Text("#citizen-history"));
        Assert.DoesNotContain(inMaarif, handler.Text("#citizen-history"));
        Assert.Contains(inMaarif, supervisor.Text("#citizen-history"));
        Assert.Contains("Bureau d'ordre", supervisor.Text("#citizen-history"));
        Assert.Null(observer.QuerySelector("#citizen-history"));
    }

    [Fact]
    public async Task A_supervisor_merges_two_records_of_one_person_then_undoes_the_merge()
    {
        var (phone, _, cin) = ChannelScenario.NewIdentifiers();
        var name = "Youssef Test" + cin;
        var byPhone = await app.ComplaintAsync((await app.FileByPhoneAsync(await SignedInAsync("callcentre"), new() { ["Input.ContactName"] = name, ["Input.ContactPhone"] = phone })).Number());
        var byCard = await app.ComplaintAsync((await app.RegisterLetterAsync(await SignedInAsync("agent.anfa"), new() { ["Input.ContactName"] = name, ["Input.Cin"] = cin })).Number());
        Assert.NotEqual(byPhone.CitizenId, byCard.CitizenId);
        var supervisor = await SignedInAsync("superviseur");

        var found = await supervisor.GetAsync("/backoffice/citizens?Query=" + Uri.EscapeDataString(name));
        Assert.Equal(2, found.QuerySelectorAll("#merge tbody tr").Length);
        await supervisor.SubmitAsync(found, "#merge", new Dictionary<string, string?>
        {
            ["merged"] = byCard.CitizenId.ToString(), ["kept"] = byPhone.CitizenId.ToString(),
        });

        var moved = await app.ComplaintAsync(byCard.TrackingNumber);
        Assert.Equal(byPhone.CitizenId, moved.CitizenId);
        Assert.Contains(moved.Events, e => e.Type == ComplaintEventType.CitizenMerged && e.ActorName == "Superviseur de la Commune" && !e.IsPublic);
        await using (var db = app.Database())
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "citizen.merge" && a.Subject == byCard.CitizenId.ToString()));
        var callCentre = await SignedInAsync("callcentre");
        var byCin = await callCentre.GetAsync("/callcentre?Query=" + cin);
        Assert.Equal($"/callcentre/citizens/{byPhone.CitizenId}", Assert.Single(byCin.QuerySelectorAll("#callers a")).GetAttribute("href"));

        var afterMerge = await supervisor.GetAsync("/backoffice/citizens?Query=" + Uri.EscapeDataString(name));
        await supervisor.SubmitAsync(afterMerge, "#merges form");

        var back = await app.ComplaintAsync(byCard.TrackingNumber);
        Assert.Equal(byCard.CitizenId, back.CitizenId);
        Assert.Contains(back.Events, e => e.Type == ComplaintEventType.CitizenMergeUndone);
        Assert.Equal(byPhone.CitizenId, (await app.ComplaintAsync(byPhone.TrackingNumber)).CitizenId);
        await using (var db = app.Database())
        {
            var merge = await db.CitizenMerges.SingleAsync(m => m.MergedCitizenId == byCard.CitizenId);
            Assert.NotNull(merge.UndoneUtc);
            Assert.Equal([byCard.Id], merge.ComplaintIds);
        }
    }

    [Fact]
    public async Task A_merge_of_a_record_with_itself_or_outside_the_supervisor_s_scope_is_refused_with_a_message()
    {
        var (phone, _, _) = ChannelScenario.NewIdentifiers();
        var name = "Karima Test" + phone;
        var complaint = await app.ComplaintAsync((await app.FileByPhoneAsync(await SignedInAsync("callcentre"),
            new() { ["Input.ContactName"] = name, ["Input.ContactPhone"] = phone }, territory: "")).Number());
        var supervisor = await SignedInAsync("superviseur");

        var page = await supervisor.GetAsync("/backoffice/citizens?Query=" + Uri.EscapeDataString(name));
        Assert.NotNull(page.QuerySelector("#no-citizen"));
        var own = (await app.FileByPhoneAsync(await SignedInAsync("callcentre"), new() { ["Input.ContactName"] = "Autre " + name, ["Input.ContactPhone"] = phone[..^1] + (phone[^1] == '9' ? '8' : '9') })).Number();
        var ownId = (await app.ComplaintAsync(own)).CitizenId.ToString();
        page = await supervisor.GetAsync("/backoffice/citizens?Query=" + Uri.EscapeDataString(name));
        page = await supervisor.SubmitAsync(page, "#merge", new Dictionary<string, string?> { ["merged"] = ownId, ["kept"] = ownId });
        Assert.Contains("Choisissez deux fiches différentes.", page.Errors());
        page = await supervisor.SubmitAsync(page, "#merge", new Dictionary<string, string?> { ["merged"] = ownId, ["kept"] = complaint.CitizenId.ToString() });
        Assert.Contains("Cette fiche n'est pas parmi les personnes qui se sont adressées à vos administrations.", page.Errors());
    }

    [Fact]
    public async Task A_supervisor_cannot_move_a_person_s_complaints_filed_with_administrations_they_do_not_see()
    {
        var (phone, _, _) = ChannelScenario.NewIdentifiers();
        var name = "Nadia Test" + phone;
        // one person's record: a call to an administration outside the commune, and a letter to one of its arrondissements
        var elsewhere = await app.ComplaintAsync((await app.FileByPhoneAsync(await SignedInAsync("callcentre"),
            new() { ["Input.ContactName"] = name, ["Input.ContactPhone"] = phone }, territory: "")).Number());
        var inside = await app.ComplaintAsync((await app.RegisterLetterAsync(await SignedInAsync("agent.anfa"),
            new() { ["Input.ContactName"] = name, ["Input.ContactPhone"] = phone })).Number());
        Assert.Equal(elsewhere.CitizenId, inside.CitizenId);
        var other = await app.ComplaintAsync((await app.FileByPhoneAsync(await SignedInAsync("callcentre"),
            new() { ["Input.ContactName"] = "Autre " + name, ["Input.ContactPhone"] = phone[..^1] + (phone[^1] == '9' ? '8' : '9') })).Number());
        var supervisor = await SignedInAsync("superviseur");

        var page = await supervisor.GetAsync("/backoffice/citizens?Query=" + Uri.EscapeDataString(name));
        page = await supervisor.SubmitAsync(page, "#merge", new Dictionary<string, string?>
        {
            ["merged"] = inside.CitizenId.ToString(), ["kept"] = other.CitizenId.ToString(),
        });

        Assert.Contains("Cette fiche a aussi des réclamations adressées à des administrations que vous ne supervisez pas : seul quelqu'un qui les voit toutes peut la fusionner.", page.Errors());
        Assert.Equal(inside.CitizenId, (await app.ComplaintAsync(elsewhere.TrackingNumber)).CitizenId);
        Assert.Equal(inside.CitizenId, (await app.ComplaintAsync(inside.TrackingNumber)).CitizenId);
        await using var db = app.Database();
        Assert.False(await db.CitizenMerges.AnyAsync(m => m.MergedCitizenId == inside.CitizenId));
    }
}
