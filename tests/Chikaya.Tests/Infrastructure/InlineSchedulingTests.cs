using Chikaya.Tests.TestSupport;
using Chikaya.Web.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chikaya.Tests.Infrastructure;

public sealed class InlineSchedulingTests
{
    private static readonly bool Sqlite = ChikayaApp.Postgres is null;

    [Fact]
    public async Task Kestrel_goes_on_with_a_request_on_the_thread_that_received_it_with_SQLite_unless_set_otherwise()
    {
        await using var byDefault = new ChikayaApp();
        await byDefault.InitializeAsync();
        Assert.Equal(Sqlite, Inline(byDefault));

        await using var setOtherwise = new ChikayaApp { Settings = new() { [InlineScheduling.Setting] = Sqlite ? "false" : "true" } };
        await setOtherwise.InitializeAsync();
        Assert.Equal(!Sqlite, Inline(setOtherwise));
    }

    private static bool Inline(ChikayaApp app) =>
        app.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling;
}
