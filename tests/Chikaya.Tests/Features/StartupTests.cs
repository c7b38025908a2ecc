using Chikaya.Domain.Complaints;
using Chikaya.Domain.Territories;
using Chikaya.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Tests.Features;

public sealed class StartupTests
{
    [Fact]
    public async Task The_first_start_loads_the_territories_the_themes_and_a_living_demo_and_a_restart_adds_nothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "chikaya-tests", Guid.NewGuid().ToString("N"));
        await using (var first = new ChikayaApp(demoComplaints: 150, folder) { KeepData = true })
        {
            await first.InitializeAsync();
            await first.NewBrowser().SignInAsync("citoyen");
            await using var db = first.Database();
            // cookies are protected with keys every instance reads from the database
            Assert.True(await db.DataProtectionKeys.AnyAsync());

            Assert.Equal(112, await db.Territories.CountAsync());
            Assert.Equal(16, await db.Territories.CountAsync(t => t.Kind == TerritoryKind.Arrondissement));
            Assert.Equal(16, await db.Themes.CountAsync());
            Assert.Equal(19, await db.Administrations.CountAsync());
            var complaints = await db.Complaints.Include(c => c.Events).ToListAsync();
            Assert.Equal(150, complaints.Count);
            Assert.True(complaints.Select(c => c.Status).Distinct().Count() >= 5);
            Assert.Contains(complaints, c => c.Status.IsOpen() && c.AnswerDueUtc < ChikayaApp.Start.UtcDateTime);
            Assert.All(complaints, c =>
            {
                Assert.Equal(c.ReceivedUtc.AddDays(15), c.DecisionDueUtc);
                Assert.Equal(c.ReceivedUtc.AddDays(60), c.AnswerDueUtc);
                Assert.Equal(c.Status, c.Events.OrderBy(e => e.OccurredUtc).ThenBy(e => e.Id).Last().StatusAfter);
                Assert.True(c.ReceivedUtc <= ChikayaApp.Start.UtcDateTime && c.ReceivedUtc > ChikayaApp.Start.UtcDateTime.AddDays(-550));
            });
        }

        await using var second = new ChikayaApp(demoComplaints: 150, folder);
        await second.InitializeAsync();
        await using var again = second.Database();
        Assert.Equal(112, await again.Territories.CountAsync());
        Assert.Equal(19, await again.Administrations.CountAsync());
        Assert.Equal(150, await again.Complaints.CountAsync());
    }
}
