using System.Text.Json;
using System.Xml.Linq;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Features.Partners;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Tests.TestSupport;

/// <summary>Open311 calls as a partner's system makes them: form-encoded posts, JSON or XML answers.</summary>
public static class Open311Client
{
    public const string DemoKey = "demo-open311-key";

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>A complaint filed by the demo partner, about cleanliness in Anfa.</summary>
    public static async Task<string> PostRequestAsync(this HttpClient client, string description = "Dépôt sauvage devant l'école.",
        params (string, string)[] more)
    {
        var response = await client.PostAsync("/open311/v2/requests.json", Form(
            [("api_key", DemoKey), ("service_code", "cleanliness"), ("lat", "33.5731"), ("long", "-7.5898"),
             ("attribute[territory_code]", "A-ANFA"), ("description", description), .. more]));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    public static async Task<JsonElement> JsonAsync(this HttpClient client, string url) =>
        JsonDocument.Parse(await client.GetStringAsync(url)).RootElement;

    public static async Task<(int Status, XDocument Xml)> XmlAsync(this HttpResponseMessage response) =>
        ((int)response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync()));

    public static async Task<(int Status, JsonElement Json)> JsonAsync(this HttpResponseMessage response) =>
        ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);

    /// <summary>A partner with its own key, stored as an administrator would issue it.</summary>
    public static async Task<string> AddPartnerAsync(this ChikayaApp app, PartnerPermissions permissions, int perMinute = 600,
        params string[] administrationCodes)
    {
        await using var db = app.Database();
        var ids = await db.Administrations.Where(a => administrationCodes.Contains(a.Code)).Select(a => a.Id).ToListAsync();
        var key = Partner.NewKey();
        var partner = new Partner
        {
            Name = "Partenaire " + key[^4..], Permissions = permissions, AdministrationIds = ids, AllAdministrations = ids.Count == 0,
            RequestsPerMinute = perMinute, CreatedUtc = app.Clock.GetUtcNow().UtcDateTime,
        };
        partner.IssueKey(key);
        db.Partners.Add(partner);
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>What the administration does, straight on the aggregate: accept, then answer.</summary>
    public static async Task AnswerAsync(this ChikayaApp app, string number, string answer = "Le dépôt a été enlevé ce matin.")
    {
        await using var db = app.Database();
        var complaint = await db.Complaints.Include(c => c.Events).SingleAsync(c => c.TrackingNumber == number);
        var staff = Actor.Staff("staff", "Agent");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        complaint.Accept(staff, now);
        complaint.Answer(staff, answer, now);
        await db.SaveChangesAsync();
    }
}
