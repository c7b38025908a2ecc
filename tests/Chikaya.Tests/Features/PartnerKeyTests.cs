using Chikaya.Tests.TestSupport;
using Chikaya.Web.Features.Partners;
using Microsoft.EntityFrameworkCore;
using static Chikaya.Tests.TestSupport.Open311Client;

namespace Chikaya.Tests.Features;

public sealed class PartnerKeyTests(ChikayaApp app)
{
    [Fact]
    public async Task A_partner_over_its_rate_gets_429_in_the_spec_s_format()
    {
        var key = await app.AddPartnerAsync(PartnerPermissions.ReadDetails, perMinute: 2);
        using var client = app.NewApiClient();

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++) statuses.Add((int)(await client.GetAsync($"/open311/v2/requests.json?api_key={key}")).StatusCode);
        var (status, json) = await (await client.GetAsync($"/open311/v2/requests.json?api_key={key}")).JsonAsync();

        Assert.Equal([200, 200, 429], statuses);
        Assert.Equal((429, 429), (status, json[0].GetProperty("code").GetInt32()));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_and_every_use_is_recorded()
    {
        var key = await app.AddPartnerAsync(PartnerPermissions.File);
        using var client = app.NewApiClient();
        var ok = await client.GetAsync($"/open311/v2/requests.json?api_key={key}");
        await using (var db = app.Database())
        {
            var partner = await db.Partners.SingleAsync(p => p.KeyHash == Partner.HashKey(key));
            partner.RevokedUtc = app.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        }
        var revoked = await client.GetAsync($"/open311/v2/requests.json?api_key={key}");

        Assert.Equal((200, 403), ((int)ok.StatusCode, (int)revoked.StatusCode));
        await using var check = app.Database();
        var id = await check.Partners.Where(p => p.KeyHash == Partner.HashKey(key)).Select(p => p.Id).SingleAsync();
        var uses = await check.PartnerUses.Where(u => u.PartnerId == id).ToListAsync();
        var use = Assert.Single(uses);
        Assert.Equal(("GET", "/open311/v2/requests.json", 200), (use.Method, use.Path, use.Status));
    }

    [Fact]
    public async Task Keys_are_stored_as_hashes_only()
    {
        await using var db = app.Database();
        var demo = await db.Partners.SingleAsync(p => p.KeyHash == Partner.HashKey(DemoKey));
        Assert.Equal("-key", demo.KeyHint);
        Assert.DoesNotContain(await db.Partners.Select(p => p.KeyHash).ToListAsync(), h => h.Contains("demo"));
    }
}
