using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Chikaya.Tests.TestSupport;

namespace Chikaya.Tests.Features;

public sealed class Open311Tests(ChikayaApp app)
{
    [Fact]
    public async Task Discovery_names_the_endpoint_and_its_formats()
    {
        using var client = app.NewApiClient();
        var json = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/discovery.json")).RootElement;
        var xml = XDocument.Parse(await client.GetStringAsync("/open311/v2/discovery.xml"));

        Assert.Equal("http://wiki.open311.org/GeoReport_v2", json.GetProperty("endpoints")[0].GetProperty("specification").GetString());
        Assert.Equal(["application/json", "text/xml"], xml.Descendants("format").Select(f => f.Value));
    }

    [Fact]
    public async Task The_services_are_our_themes_in_the_requested_locale_in_JSON_and_XML()
    {
        using var client = app.NewApiClient();
        var json = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/services.json?locale=ar")).RootElement;
        var xml = XDocument.Parse(await client.GetStringAsync("/open311/v2/services.xml"));

        var cleanliness = json.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "cleanliness");
        Assert.Equal("النظافة", cleanliness.GetProperty("service_name").GetString());
        Assert.True(cleanliness.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", cleanliness.GetProperty("type").GetString());
        Assert.Contains(xml.Root!.Elements("service"), s => s.Element("service_code")!.Value == "urbanism" && s.Element("service_name")!.Value == "Urbanisme");
    }

    [Theory]
    [InlineData("/open311/v2/services/nothing.json", "application/json")]
    [InlineData("/open311/v2/services/nothing.xml", "text/xml")]
    [InlineData("/open311/v2/services/cleanliness.csv", "application/json")]
    public async Task Unknown_services_and_formats_answer_with_the_spec_s_error_list(string url, string mediaType)
    {
        using var client = app.NewApiClient();
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        if (mediaType == "text/xml") Assert.Equal("404", XDocument.Parse(body).Root!.Element("error")!.Element("code")!.Value);
        else Assert.Equal(404, JsonDocument.Parse(body).RootElement[0].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_service_definition_lists_its_attributes_in_JSON_and_XML()
    {
        using var client = app.NewApiClient();
        var json = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/services/cleanliness.json?locale=ar")).RootElement;
        var xml = XDocument.Parse(await client.GetStringAsync("/open311/v2/services/cleanliness.xml?locale=fr"));

        Assert.Equal("cleanliness", json.GetProperty("service_code").GetString());
        var kind = json.GetProperty("attributes")[0];
        Assert.Equal(("kind", "singlevaluelist"), (kind.GetProperty("code").GetString(), kind.GetProperty("datatype").GetString()));
        Assert.Equal(["complaint", "remark", "suggestion"], kind.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()));
        Assert.Equal("اقتراح", kind.GetProperty("values")[2].GetProperty("name").GetString());
        var territory = xml.Root!.Element("attributes")!.Elements("attribute").Single(a => a.Element("code")!.Value == "territory_code");
        Assert.Equal(("string", "false", "2"), (territory.Element("datatype")!.Value, territory.Element("required")!.Value, territory.Element("order")!.Value));
        Assert.Equal(3, xml.Root.Element("attributes")!.Elements("attribute").First().Element("values")!.Elements("value").Count());
    }

    [Theory]
    [InlineData("DELETE", "/open311/v2/requests.json", 405, "application/json")]
    [InlineData("PUT", "/open311/v2/services.xml", 405, "text/xml")]
    [InlineData("GET", "/open311/v2/nothing-here.xml", 404, "text/xml")]
    [InlineData("GET", "/open311/v2/requests", 404, "application/json")]
    public async Task What_the_framework_refuses_comes_in_the_spec_s_error_format_too(string method, string url, int status, string mediaType)
    {
        using var client = app.NewApiClient();
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        var code = mediaType == "text/xml"
            ? XDocument.Parse(body).Root!.Element("error")!.Element("code")!.Value
            : JsonDocument.Parse(body).RootElement[0].GetProperty("code").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), code);
    }
}
