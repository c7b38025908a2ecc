using System.Net;
using System.Xml.Linq;
using Chikaya.Domain.Complaints;
using Chikaya.Tests.TestSupport;
using Chikaya.Web.Features.Partners;
using Microsoft.EntityFrameworkCore;
using static Chikaya.Tests.TestSupport.Open311Client;

namespace Chikaya.Tests.Features;

public sealed class Open311RequestTests(ChikayaApp app)
{
    [Fact]
    public async Task A_partner_files_a_request_form_encoded_and_it_becomes_a_complaint_from_the_partner_channel()
    {
        using var client = app.NewApiClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar-MA");
        var response = await client.PostAsync("/open311/v2/requests.json", Form(
            ("api_key", DemoKey), ("service_code", "roads"), ("lat", "33.5899"), ("long", "-7.6039"), ("address_string", "Bd Zerktouni"),
            ("attribute[kind][]", "suggestion"), ("attribute[territory_code]", "A-MAARIF"), ("description", "Un passage piéton ici.\nLes enfants traversent."),
            ("email", "Karim@Example.MA"), ("first_name", "Karim"), ("last_name", "Bennani"), ("phone", "0612345678"),
            ("media_url", "https://photos.example.org/1.jpg"), ("device_id", "abc"), ("service_notice", "")));
        var (status, json) = await response.JsonAsync();

        Assert.Equal(201, status);
        var number = json[0].GetProperty("service_request_id").GetString()!;
        Assert.EndsWith($"/open311/v2/requests/{number}.json", response.Headers.Location!.ToString());
        Assert.False(string.IsNullOrEmpty(json[0].GetProperty("secret_code").GetString()));
        await using var db = app.Database();
        var complaint = await db.Complaints.SingleAsync(c => c.TrackingNumber == number);
        Assert.Equal((Channel.Partner, SubmissionKind.Suggestion), (complaint.Channel, complaint.Kind));
        // numbers read in the invariant culture although the request asked for Arabic
        Assert.Equal((33.5899, -7.6039), (complaint.Latitude!.Value, complaint.Longitude!.Value));
        Assert.Equal(("Un passage piéton ici.", "Karim Bennani", "karim@example.ma"), (complaint.Subject, complaint.ContactName, complaint.ContactEmail));
        Assert.Contains("https://photos.example.org/1.jpg", complaint.Description);
        var maarif = await db.Administrations.SingleAsync(a => a.Code == "ARR-MAARIF");
        Assert.Equal(maarif.Id, complaint.AdministrationId);
    }

    [Fact]
    public async Task A_request_posted_for_XML_is_answered_in_XML_and_jurisdiction_id_names_the_administration()
    {
        using var client = app.NewApiClient();
        var (status, xml) = await (await client.PostAsync("/open311/v2/requests.xml", Form(
            ("api_key", DemoKey), ("jurisdiction_id", "COMMUNE-CASABLANCA"), ("service_code", "public-lighting"),
            ("address_string", "Rue 12, Hay Hassani"), ("description", "Lampadaire éteint depuis une semaine.")))).XmlAsync();

        Assert.Equal(201, status);
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var number = xml.Root.Element("request")!.Element("service_request_id")!.Value;
        await using var db = app.Database();
        var complaint = await db.Complaints.SingleAsync(c => c.TrackingNumber == number);
        Assert.Equal(await app.AdministrationIdAsync("COMMUNE-CASABLANCA"), complaint.AdministrationId);
    }

    [Fact]
    public async Task Every_broken_rule_of_a_post_is_listed_with_the_spec_s_400()
    {
        using var client = app.NewApiClient();
        var (status, json) = await (await client.PostAsync("/open311/v2/requests.json", Form(
            ("api_key", DemoKey), ("service_code", ""), ("lat", "33,57"), ("attribute[colour]", "red"),
            ("attribute[kind][]", "remark"), ("attribute[kind][]", "suggestion"), ("description", "x")))).JsonAsync();

        Assert.Equal(400, status);
        var descriptions = json.EnumerateArray().Select(e => (e.GetProperty("code").GetInt32(), e.GetProperty("description").GetString())).ToList();
        Assert.All(descriptions, d => Assert.Equal(400, d.Item1));
        Assert.Contains(descriptions, d => d.Item2!.Contains("attribute[colour]"));
        Assert.Contains(descriptions, d => d.Item2!.Contains("attribute[kind]"));
        Assert.Contains(descriptions, d => d.Item2!.Contains("service_code"));
        Assert.Contains(descriptions, d => d.Item2!.StartsWith("lat "));
    }

    [Fact]
    public async Task A_post_without_any_place_is_refused_and_nothing_is_filed()
    {
        using var client = app.NewApiClient();
        var description = "Sans lieu " + Guid.NewGuid();
        var (status, xml) = await (await client.PostAsync("/open311/v2/requests.xml", Form(
            ("api_key", DemoKey), ("service_code", "cleanliness"), ("description", description)))).XmlAsync();

        Assert.Equal(400, status);
        Assert.Contains("lat", xml.Root!.Element("error")!.Element("description")!.Value);
        await using var db = app.Database();
        Assert.False(await db.Complaints.AnyAsync(c => c.Description == description));
    }

    [Theory]
    [InlineData(null, 403)]
    [InlineData("not-a-key", 403)]
    public async Task Filing_needs_a_valid_partner_key(string? key, int expected)
    {
        using var client = app.NewApiClient();
        var fields = new List<(string, string)> { ("service_code", "cleanliness"), ("lat", "33.5"), ("long", "-7.6"), ("description", "Texte") };
        if (key is not null) fields.Add(("api_key", key));
        var (status, json) = await (await client.PostAsync("/open311/v2/requests.json", Form([.. fields]))).JsonAsync();

        Assert.Equal(expected, status);
        Assert.Equal(expected, json[0].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_JSON_body_is_refused_with_415_in_the_spec_s_format()
    {
        using var client = app.NewApiClient();
        var response = await client.PostAsync("/open311/v2/requests.xml?api_key=" + DemoKey,
            new StringContent("{\"service_code\":\"cleanliness\"}", System.Text.Encoding.UTF8, "application/json"));
        var (status, xml) = await response.XmlAsync();

        Assert.Equal(415, status);
        Assert.Equal("415", xml.Root!.Element("error")!.Element("code")!.Value);
    }

    [Fact]
    public async Task A_partner_scoped_to_one_administration_cannot_file_for_another()
    {
        var key = await app.AddPartnerAsync(PartnerPermissions.File, administrationCodes: "ARR-ANFA");
        using var client = app.NewApiClient();
        HttpContent Post(string territory) => Form(("api_key", key), ("service_code", "cleanliness"), ("lat", "33.5"), ("long", "-7.6"),
            ("attribute[territory_code]", territory), ("description", "Ordures"));

        var refused = await client.PostAsync("/open311/v2/requests.json", Post("A-MAARIF"));
        var accepted = await client.PostAsync("/open311/v2/requests.json", Post("A-ANFA"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task Anyone_reads_a_request_s_status_but_only_a_partner_allowed_to_reads_its_description_and_place()
    {
        using var client = app.NewApiClient();
        var number = await client.PostRequestAsync("Sacs éventrés rue 5, chez M. Alaoui.");

        var anonymous = (await client.JsonAsync($"/open311/v2/requests/{number}.json"))[0];
        var partner = (await client.JsonAsync($"/open311/v2/requests/{number}.json?api_key={DemoKey}"))[0];
        var xml = XDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/{number}.xml"));

        Assert.Equal(("open", "Received"), (anonymous.GetProperty("status").GetString(), anonymous.GetProperty("detailed_status").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, anonymous.GetProperty("description").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, anonymous.GetProperty("lat").ValueKind);
        Assert.Equal("Sacs éventrés rue 5, chez M. Alaoui.", partner.GetProperty("description").GetString());
        Assert.Equal(33.5731, partner.GetProperty("lat").GetDouble());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", anonymous.GetProperty("requested_datetime").GetString());
        Assert.Equal("Arrondissement Anfa", xml.Root!.Element("request")!.Element("agency_responsible")!.Value);
        Assert.Equal("", xml.Root.Element("request")!.Element("description")!.Value);
    }

    [Fact]
    public async Task Lists_and_tokens_come_in_XML_too()
    {
        using var client = app.NewApiClient();
        var number = await client.PostRequestAsync();

        var list = XDocument.Parse(await client.GetStringAsync($"/open311/v2/requests.xml?service_request_id={number}&api_key={DemoKey}"));
        var token = XDocument.Parse(await client.GetStringAsync($"/open311/v2/tokens/{number}.xml"));

        var request = list.Root!.Element("request")!;
        Assert.Equal((number, "open", "cleanliness"), (request.Element("service_request_id")!.Value, request.Element("status")!.Value, request.Element("service_code")!.Value));
        Assert.Equal("-7.5898", request.Element("long")!.Value);
        Assert.Equal(number, token.Root!.Element("request")!.Element("token")!.Value);
    }

    [Fact]
    public async Task An_unknown_request_is_a_404_and_a_token_leads_to_its_request()
    {
        using var client = app.NewApiClient();
        var number = await client.PostRequestAsync();

        var missing = await client.GetAsync("/open311/v2/requests/CH-0000-000000.json");
        var token = await client.JsonAsync($"/open311/v2/tokens/{number}.json");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(number, token[0].GetProperty("service_request_id").GetString());
    }

    [Fact]
    public async Task Answered_requests_are_closed_and_the_status_filter_tells_them_apart()
    {
        using var client = app.NewApiClient();
        var open = await client.PostRequestAsync("Encore ouvert");
        var answered = await client.PostRequestAsync("Bientôt répondu");
        await app.AnswerAsync(answered);

        var closedList = await client.JsonAsync($"/open311/v2/requests.json?status=closed&service_code=cleanliness");
        var openList = await client.JsonAsync($"/open311/v2/requests.json?status=open");
        var both = await client.JsonAsync($"/open311/v2/requests.json?status=open,closed&service_request_id={open},{answered}");

        Assert.Contains(closedList.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == answered);
        Assert.DoesNotContain(closedList.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == open);
        Assert.Contains(openList.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == open);
        Assert.Equal(2, both.GetArrayLength());
        Assert.All(closedList.EnumerateArray(), r => Assert.Equal("closed", r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Service_request_ids_override_every_other_filter_and_empty_parameters_count_as_absent()
    {
        using var client = app.NewApiClient();
        var number = await client.PostRequestAsync();

        var byId = await client.JsonAsync($"/open311/v2/requests.json?service_request_id={number}&service_code=roads&status=closed");
        var empty = await client.JsonAsync("/open311/v2/requests.json?service_code=&status=&start_date=&end_date=&jurisdiction_id=");

        Assert.Equal(number, byId[0].GetProperty("service_request_id").GetString());
        Assert.Contains(empty.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == number);
    }

    [Theory]
    [InlineData("start_date=yesterday", 400)]
    [InlineData("start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", 400)]
    [InlineData("start_date=2026-11-20T00:00:00Z&end_date=2026-11-10T00:00:00Z", 400)]
    [InlineData("status=pending", 400)]
    [InlineData("jurisdiction_id=NOWHERE", 404)]
    public async Task Malformed_filters_get_the_spec_s_errors(string filter, int expected)
    {
        using var client = app.NewApiClient();
        var (status, json) = await (await client.GetAsync("/open311/v2/requests.json?" + filter)).JsonAsync();
        Assert.Equal(expected, status);
        Assert.Equal(expected, json[0].GetProperty("code").GetInt32());
    }
}
