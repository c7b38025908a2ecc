using System.Xml.Linq;
using Chikaya.Domain.Complaints;
using Chikaya.Tests.TestSupport;
using Chikaya.Web.Features.Partners;
using Microsoft.EntityFrameworkCore;
using static Chikaya.Tests.TestSupport.Open311Client;

namespace Chikaya.Tests.Features;

/// <summary>The updates extension FixMyStreet uses to exchange what happens after the filing.</summary>
public sealed class Open311UpdateTests(ChikayaApp app)
{
    [Fact]
    public async Task The_administration_s_steps_are_listed_as_updates_in_FixMyStreet_s_statuses()
    {
        using var client = app.NewApiClient();
        var number = await client.PostRequestAsync();
        await app.AnswerAsync(number, "Nettoyé le jour même.");

        var xml = XDocument.Parse(await client.GetStringAsync($"/open311/v2/servicerequestupdates.xml?api_key={DemoKey}&start_date=2026-11-01T00:00:00Z"));
        var json = await client.JsonAsync("/open311/v2/servicerequestupdates.json");

        var mine = xml.Root!.Elements("request_update").Where(u => u.Element("service_request_id")!.Value == number).ToList();
        Assert.Equal(["INVESTIGATING", "CLOSED"], mine.Select(u => u.Element("status")!.Value));
        Assert.Equal("Nettoyé le jour même.", mine[1].Element("description")!.Value);
        Assert.All(mine, u => Assert.Matches(@"^\d+$", u.Element("update_id")!.Value));
        // without a key, the text of the answer stays with the citizen: only the step's name is public
        var anonymous = json.EnumerateArray().Last(u => u.GetProperty("service_request_id").GetString() == number);
        Assert.NotEqual("Nettoyé le jour même.", anonymous.GetProperty("description").GetString());
        Assert.Equal("Answered", anonymous.GetProperty("external_status_code").GetString());
    }

    [Fact]
    public async Task A_citizen_s_update_reopens_an_answered_request_once_however_often_it_is_posted()
    {
        using var client = app.NewApiClient();
        var number = await client.PostRequestAsync();
        await app.AnswerAsync(number);
        FormUrlEncodedContent Update() => Form(("api_key", DemoKey), ("service_request_id", number), ("update_id", "fms-" + number),
            ("updated_datetime", "2026-11-24T10:15:00+01:00"), ("status", "OPEN"), ("description", "Le dépôt est revenu."),
            ("first_name", "Salma"), ("last_name", "Idrissi"), ("email", "salma@example.ma"));

        var first = await (await client.PostAsync("/open311/v2/servicerequestupdates.xml", Update())).XmlAsync();
        var again = await (await client.PostAsync("/open311/v2/servicerequestupdates.xml", Update())).XmlAsync();

        Assert.Equal(200, first.Status);
        var updateId = first.Xml.Root!.Element("request_update")!.Element("update_id")!.Value;
        Assert.Equal(updateId, again.Xml.Root!.Element("request_update")!.Element("update_id")!.Value);
        await using var db = app.Database();
        var complaint = await db.Complaints.Include(c => c.Events).SingleAsync(c => c.TrackingNumber == number);
        Assert.Equal(ComplaintStatus.Reopened, complaint.Status);
        // the events of an Include come in no particular order (PostgreSQL returns them as it finds them), so the step is found by its kind
        var reopened = Assert.Single(complaint.Events, e => e.Type == ComplaintEventType.Reopened);
        Assert.Equal(("Salma Idrissi", updateId), (reopened.ActorName, reopened.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(complaint.Events.Max(e => e.Id), reopened.Id);
    }

    [Fact]
    public async Task A_closing_update_closes_an_answered_request_and_keeps_the_citizen_s_word()
    {
        using var client = app.NewApiClient();
        var number = await client.PostRequestAsync();
        await app.AnswerAsync(number);

        var (status, _) = await (await client.PostAsync("/open311/v2/servicerequestupdates.json", Form(("api_key", DemoKey),
            ("service_request_id", number), ("update_id", "u-close-" + number), ("updated_datetime", "2026-11-24T11:00:00Z"),
            ("status", "CLOSED"), ("description", "Merci, c'est propre.")))).JsonAsync();

        Assert.Equal(200, status);
        await using var db = app.Database();
        var complaint = await db.Complaints.Include(c => c.Events).SingleAsync(c => c.TrackingNumber == number);
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal("Merci, c'est propre.", complaint.Events.Single(e => e.Type == ComplaintEventType.RemarkAdded).Text);
    }

    [Fact]
    public async Task A_closing_update_refused_for_its_text_leaves_the_request_as_it_was()
    {
        using var client = app.NewApiClient();
        var number = await client.PostRequestAsync();
        await app.AnswerAsync(number);

        var (status, _) = await (await client.PostAsync("/open311/v2/servicerequestupdates.json", Form(("api_key", DemoKey),
            ("service_request_id", number), ("update_id", "u-long-" + number), ("updated_datetime", "2026-11-24T11:00:00Z"),
            ("status", "CLOSED"), ("description", new string('x', 5_000))))).JsonAsync();

        Assert.Equal(400, status);
        await using var db = app.Database();
        var complaint = await db.Complaints.Include(c => c.Events).SingleAsync(c => c.TrackingNumber == number);
        Assert.Equal(ComplaintStatus.Answered, complaint.Status);
        Assert.DoesNotContain(complaint.Events, e => e.Type == ComplaintEventType.Closed);
    }

    [Theory]
    [InlineData("status", "FIXED", 400)]
    [InlineData("updated_datetime", "24/11/2026", 400)]
    [InlineData("service_request_id", "CH-0000-000000", 404)]
    [InlineData("description", "", 400)]
    public async Task A_malformed_update_is_refused_with_the_spec_s_errors(string field, string value, int expected)
    {
        using var client = app.NewApiClient();
        var number = await client.PostRequestAsync();
        var fields = new Dictionary<string, string>
        {
            ["api_key"] = DemoKey, ["service_request_id"] = number, ["update_id"] = Guid.NewGuid().ToString(),
            ["updated_datetime"] = "2026-11-24T11:00:00Z", ["status"] = "OPEN", ["description"] = "Texte", [field] = value,
        };
        var (status, json) = await (await client.PostAsync("/open311/v2/servicerequestupdates.json", new FormUrlEncodedContent(fields))).JsonAsync();

        Assert.Equal(expected, status);
        Assert.Equal(expected, json[0].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task An_update_on_a_request_still_being_handled_is_refused_with_the_rule_s_reason()
    {
        using var client = app.NewApiClient();
        var number = await client.PostRequestAsync();
        var (status, json) = await (await client.PostAsync("/open311/v2/servicerequestupdates.json", Form(("api_key", DemoKey),
            ("service_request_id", number), ("update_id", "early-" + number), ("updated_datetime", "2026-11-24T11:00:00Z"),
            ("status", "OPEN"), ("description", "Alors ?")))).JsonAsync();

        Assert.Equal(400, status);
        Assert.False(string.IsNullOrWhiteSpace(json[0].GetProperty("description").GetString()));
    }

    [Fact]
    public async Task Posting_updates_needs_a_key_that_allows_it()
    {
        var key = await app.AddPartnerAsync(PartnerPermissions.File | PartnerPermissions.ReadDetails);
        using var client = app.NewApiClient();
        var number = await client.PostRequestAsync();
        var (status, _) = await (await client.PostAsync("/open311/v2/servicerequestupdates.json", Form(("api_key", key),
            ("service_request_id", number), ("update_id", "x"), ("updated_datetime", "2026-11-24T11:00:00Z"),
            ("status", "OPEN"), ("description", "Alors ?")))).JsonAsync();
        Assert.Equal(403, status);
    }
}
