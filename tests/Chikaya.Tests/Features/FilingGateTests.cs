using Chikaya.Web.Features.Portal.SubmitComplaint;
using Microsoft.Extensions.Configuration;

namespace Chikaya.Tests.Features;

public sealed class FilingGateTests
{
    private static FilingGate Gate(params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public async Task A_filing_beyond_the_cap_waits_until_one_in_progress_ends()
    {
        var gate = Gate((FilingGate.Setting, "2"));
        var first = await gate.EnterAsync(default);
        var second = await gate.EnterAsync(default);

        var third = gate.EnterAsync(default);
        await Task.Delay(50);
        Assert.False(third.IsCompleted);

        first!.Dispose();
        first.Dispose(); // a second release frees no extra place
        Assert.NotNull(await third.WaitAsync(TimeSpan.FromSeconds(5)));
        var fourth = gate.EnterAsync(default);
        await Task.Delay(50);
        Assert.False(fourth.IsCompleted);
        second!.Dispose();
        Assert.NotNull(await fourth.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task PostgreSQL_caps_filings_at_twice_the_processors_by_default_and_SQLite_does_not()
    {
        var postgres = Gate(("Chikaya:Database:Provider", "Postgres"));
        var sqlite = Gate();

        var turns = new List<IDisposable?>();
        for (var i = 0; i < Environment.ProcessorCount * 2; i++) turns.Add(await postgres.EnterAsync(default));
        var beyond = postgres.EnterAsync(default);
        await Task.Delay(50);

        Assert.All(turns, Assert.NotNull);
        Assert.False(beyond.IsCompleted);
        for (var i = 0; i < 100; i++) Assert.Null(await sqlite.EnterAsync(default));
    }
}
