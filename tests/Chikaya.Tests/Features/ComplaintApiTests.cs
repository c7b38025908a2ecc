using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chikaya.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Tests.Features;

public sealed class ComplaintApiTests(ChikayaApp app)
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Themes_and_administrations_are_listed_in_the_requested_language()
    {
        using var client = app.NewApiClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar-MA");

        var themes = await BodyAsync(await client.GetAsync("/api/v1/themes"));
        var administrations = await BodyAsync(await client.GetAsync("/api/v1/administrations"));

        var cleanliness = themes.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "cleanliness");
        Assert.Equal("النظافة", cleanliness.GetProperty("name").GetString());
        Assert.Contains(administrations.EnumerateArray(), a => a.GetProperty("code").GetString() == "ARR-ANFA");
        Assert.Equal(17 + 2, administrations.GetArrayLength());
    }

    [Fact]
    public async Task A_complaint_filed_as_JSON_is_routed_and_can_be_read_back_with_its_secret_code()
    {
        var filed = await app.FileAsync(territory: "A-SIDI-MOUMEN", theme: "urbanism");
        using var client = app.NewApiClient();

        var anonymous = await client.GetAsync($"/api/v1/complaints/{filed.TrackingNumber}");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/complaints/{filed.TrackingNumber}");
        request.Headers.Add("X-Secret-Code", filed.SecretCode);
        var proven = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, proven.StatusCode);
        var body = await BodyAsync(proven);
        Assert.Equal("Received", body.GetProperty("status").GetString());
        Assert.Equal(await app.AdministrationIdAsync("ARR-SIDI-MOUMEN"), filed.AdministrationId);
        Assert.Equal("Submitted", body.GetProperty("history")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_contact_email_also_proves_ownership()
    {
        var filed = await app.FileAsync(email: "Youssef@Example.ma");
        using var client = app.NewApiClient();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/complaints/{filed.TrackingNumber.ToLowerInvariant()}");
        request.Headers.Add("X-Contact-Email", "youssef@example.ma");

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_complaint_no_rule_can_route_without_a_place_goes_to_the_national_administration()
    {
        var filed = await app.FileAsync(territory: null!, theme: "health");
        Assert.Equal(await app.AdministrationIdAsync("MIN-SANTE"), filed.AdministrationId);
    }

    [Theory]
    [InlineData("{\"themeId\": 1, \"subject\": \"x\",", "request.json-invalid")]
    [InlineData("{\"themeId\": 1, \"subject\": \"x\", \"description\": \"y\", \"latitude\": NaN, \"longitude\": 1}", "request.json-invalid")]
    [InlineData("{\"themeId\": 1, \"subject\": \"x\", \"description\": \"y\", \"kind\": \"complaint-ish\"}", "request.json-invalid")]
    [InlineData("{\"themeId\": 1, \"subject\": \"a\\u0000b\", \"description\": \"y\"}", "complaint.text.control-characters")]
    [InlineData("{\"themeId\": 1, \"subject\": \"x\", \"description\": \"y\", \"latitude\": 95, \"longitude\": 1}", "complaint.location.latitude-invalid")]
    [InlineData("{\"themeId\": 99999, \"subject\": \"x\", \"description\": \"y\"}", "complaint.theme.unknown")]
    [InlineData("{\"themeId\": 1, \"subject\": \"x\", \"description\": \"y\", \"territoryCode\": \"NOWHERE\"}", "complaint.territory.unknown")]
    [InlineData("{\"subject\": \"\", \"description\": \"y\"}", "complaint.theme.required")]
    public async Task Bad_input_gets_a_400_with_a_stable_code_and_nothing_is_saved(string json, string code)
    {
        using var client = app.NewApiClient();
        await using var db = app.Database();

        var response = await client.PostAsync("/api/v1/complaints", Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(code, await response.Content.ReadAsStringAsync());
        Assert.False(await db.Complaints.AnyAsync(c => c.Description == "y"));
    }

    [Theory]
    [InlineData("application/json; charset=klingon")]
    [InlineData("multipart/form-data")]
    [InlineData("application/x-www-form-urlencoded; charset=klingon")]
    public async Task A_broken_content_type_is_a_client_error_not_a_crash(string contentType)
    {
        using var client = app.NewApiClient();
        var content = new ByteArrayContent("{\"subject\": \"x\"}"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await client.PostAsync("/api/v1/complaints", content);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_page_form_with_NUL_characters_or_a_broken_charset_is_refused_without_a_crash()
    {
        var browser = app.NewBrowser();
        var form = await browser.GetAsync("/complaints/new");
        var page = await browser.SubmitAsync(form, "main form", new Dictionary<string, string?>
        {
            ["Input.ThemeId"] = "1", ["Input.Subject"] = "a\0b", ["Input.Description"] = "c\0d", ["Input.ContactName"] = "\0",
            ["Input.Latitude"] = "NaN", ["Input.Longitude"] = "Infinity",
        });
        Assert.NotEmpty(page.Errors());

        var raw = new StringContent("Input.Subject=x", System.Text.Encoding.UTF8);
        raw.Headers.Remove("Content-Type");
        raw.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded; charset=klingon");
        using var client = app.NewApiClient();
        var response = await client.PostAsync("/complaints/new", raw);
        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Fact]
    public async Task An_unsupported_content_type_is_a_415_problem()
    {
        using var client = app.NewApiClient();
        var response = await client.PostAsync("/api/v1/complaints", new StringContent("subject=x", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Multipart_filing_keeps_the_files_and_refuses_a_wrong_type()
    {
        using var client = app.NewApiClient();
        var theme = (await app.ThemeIdAsync("hygiene")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        MultipartFormDataContent Form(byte[] bytes, string name)
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(theme), "themeId" }, { new StringContent("A-ANFA"), "territoryCode" },
                { new StringContent("Égout ouvert"), "subject" }, { new StringContent("Odeurs près du marché"), "description" },
                { new StringContent("33.59"), "latitude" }, { new StringContent("-7.62"), "longitude" },
            };
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "files", name);
            return form;
        }

        var accepted = await client.PostAsync("/api/v1/complaints", Form(SampleFiles.Pdf, "plan.pdf"));
        var refused = await client.PostAsync("/api/v1/complaints", Form(SampleFiles.Html, "photo.jpg"));

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("attachment.type-not-allowed", await refused.Content.ReadAsStringAsync());
        var number = (await BodyAsync(accepted)).GetProperty("trackingNumber").GetString();
        await using var db = app.Database();
        var stored = await db.Complaints.Include(c => c.Attachments).SingleAsync(c => c.TrackingNumber == number);
        Assert.Equal("application/pdf", Assert.Single(stored.Attachments).ContentType);
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "attachments", Assert.Single(stored.Attachments).StorageKey)));
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_same_complaint()
    {
        using var client = app.NewApiClient();
        var key = Guid.NewGuid().ToString();
        var json = $"{{\"themeId\": {await app.ThemeIdAsync("roads")}, \"subject\": \"Nid-de-poule {key[..6]}\", \"description\": \"Dangereux\"}}";
        HttpRequestMessage Request(string body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = Json(body) };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        var first = await client.SendAsync(Request(json));
        var retry = await client.SendAsync(Request(json));
        var reused = await client.SendAsync(Request(json.Replace("Dangereux", "Autre chose")));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var a = await BodyAsync(first);
        var b = await BodyAsync(retry);
        Assert.Equal(a.GetProperty("trackingNumber").GetString(), b.GetProperty("trackingNumber").GetString());
        Assert.Equal(a.GetProperty("secretCode").GetString(), b.GetProperty("secretCode").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("idempotency.key-reused", await reused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_API_is_described_by_OpenAPI_and_the_health_endpoint_answers()
    {
        using var client = app.NewApiClient();
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/complaints", openApi);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_API_path_is_a_problem_document_not_a_page()
    {
        using var client = app.NewApiClient();
        var response = await client.GetAsync("/api/v1/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
