using Chikaya.Tests.TestSupport;
using Chikaya.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Chikaya.Tests.Features;

public sealed class SessionRevalidationTests
{
    [Fact]
    public async Task A_handler_locked_by_an_administrator_is_signed_out_within_minutes_not_half_an_hour()
    {
        await using var app = new ChikayaApp();
        await app.InitializeAsync();
        var agent = app.NewBrowser();
        await agent.SignInAsync("agent.maarif");
        await agent.GetAsync("/backoffice");
        Assert.Equal("/backoffice", agent.LastUrl!.AbsolutePath);

        // what the user page does when it locks an account
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync($"agent.maarif@{Chikaya.Web.Data.Seeding.DemoOptions.Domain}"))!;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
        }
        app.Clock.Advance(TimeSpan.FromMinutes(2));

        await agent.GetAsync("/backoffice");
        Assert.Equal("/account/signin", agent.LastUrl!.AbsolutePath);
    }
}
