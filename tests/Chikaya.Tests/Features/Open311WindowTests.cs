using Chikaya.Tests.TestSupport;

namespace Chikaya.Tests.Features;

/// <summary>Dates move the clock: an app of its own.</summary>
public sealed class Open311WindowTests
{
    [Fact]
    public async Task Without_dates_the_list_covers_the_last_90_days_and_W3C_dates_with_any_zone_select_a_window()
    {
        await using var app = new ChikayaApp();
        using var client = app.NewApiClient();
        var old = await client.PostRequestAsync("Ancienne demande");
        app.Clock.Advance(TimeSpan.FromDays(100));
        var recent = await client.PostRequestAsync("Demande récente");

        var byDefault = await client.JsonAsync("/open311/v2/requests.json");
        // 2026-11-24 09:00 UTC is 10:00 at +01:00; the '+' arrives unencoded, as clients often send it
        var window = await client.JsonAsync("/open311/v2/requests.json?start_date=2026-11-24T09:30:00+01:00&end_date=2026-11-24T10:30:00+01:00");

        Assert.Equal([recent], byDefault.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()));
        Assert.Equal([old], window.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()));
    }
}
