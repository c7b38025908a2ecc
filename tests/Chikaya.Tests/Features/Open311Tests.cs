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
        Assert.False(cleanliness.GetProperty("metadata").GetBoolean());
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
    public async Task A_service_definition_lists_its_attributes()
    {
        using var client = app.NewApiClient();
        var json = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/services/cleanliness.json")).RootElement;
        Assert.Equal("cleanliness", json.GetProperty("service_code").GetString());
        Assert.Equal(0, json.GetProperty("attributes").GetArrayLength());
    }
}
