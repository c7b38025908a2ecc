using System.Text.Json;
using Chikaya.Domain.Administrations;
using Chikaya.Domain.Complaints;
using Chikaya.Domain.Deadlines;
using Chikaya.Tests.TestSupport;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chikaya.Tests.Features;

/// <summary>A platform of its own with a few hundred complaints in every state, spread over three years and every place.</summary>
public sealed class StoreComparisonApp : IAsyncLifetime
{
    public ChikayaApp App { get; } = new();
    public static readonly Actor Staff = Actor.Staff("x", "Agent");
    private int numbers;

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        await AddAsync(400, new Random(17));
    }

    /// <summary>Adds complaints received at random over three years before now, each taken some way through its life.</summary>
    public async Task AddAsync(int count, Random random)
    {
        await using var db = App.Database();
        var themes = await db.Themes.Select(t => t.Id).ToListAsync();
        var administrations = await db.Administrations.Select(a => new { a.Id, a.TerritoryId }).ToListAsync();
        var territories = await db.Territories.Select(t => t.Id).ToListAsync();
        var now = App.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < count; i++)
        {
            var received = now.AddMinutes(-random.NextDouble() * 3 * 365 * 24 * 60);
            var administration = administrations[random.Next(administrations.Count)];
            var complaint = Complaint.Submit(new NewComplaint
            {
                Kind = (SubmissionKind)random.Next(3), Channel = (Channel)random.Next(8), ThemeId = themes[random.Next(themes.Count)],
                AdministrationId = administration.Id, TerritoryId = random.Next(10) == 0 ? null : administration.TerritoryId ?? territories[random.Next(territories.Count)],
                Subject = "Comparée", Description = "Pour comparer le store et la base", ReceivedUtc = received,
            }, "CH-2026-S" + Letters(++numbers), "ABCD-EFGH", LegalDeadlines.Decree, received);
            var at = received.AddDays(random.NextDouble() * 90);
            if (at < now && random.Next(12) == 0) complaint.Reject(Staff, "Hors compétence", at);
            else if (at < now && random.Next(4) > 0)
            {
                complaint.Accept(Staff, at);
                at = at.AddDays(random.NextDouble() * 120);
                if (at < now && random.Next(3) > 0)
                {
                    complaint.Answer(Staff, "Fait", at);
                    if (random.Next(3) == 0) complaint.Rate(Actor.Citizen(null, "A"), 1 + random.Next(5), null, at.AddDays(1));
                    if (random.Next(3) == 0 && at.AddDays(10) < now) complaint.Close(Staff, at.AddDays(10));
                }
            }
            db.Complaints.Add(complaint);
        }
        await db.SaveChangesAsync();
    }

    private static string Letters(int n) => new(Enumerable.Range(0, 4).Select(i => "ABCDEFGHJK"[n / (int)Math.Pow(10, i) % 10]).ToArray());

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

public sealed class DashboardStoreTests(StoreComparisonApp fixture) : IClassFixture<StoreComparisonApp>
{
    private ChikayaApp App => fixture.App;
    private static readonly JsonSerializerOptions Fields = new() { IncludeFields = true };

    private static readonly string[] Queries =
    [
        "", "Territory=R06", "Territory=A-ANFA", "Channel=Web", "Channel=MailOffice&From=2026-01-01", "Status=Answered", "Kind=Suggestion",
        "From=2025-03-01&To=2025-09-30", "AdministrationId=1", "Scope=ARR-ANFA", "Scope=ARR-ANFA,ARR-MAARIF&Channel=Web", "Theme=first",
    ];

    public static TheoryData<string> Filters => new(Queries);

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task The_store_gives_the_database_s_figures_ranking_and_warnings(string filter)
    {
        var (store, sql) = await BothAsync(filter);

        Assert.Equal(sql, store);
    }

    [Fact]
    public async Task After_changes_made_once_the_store_is_loaded_it_still_gives_the_database_s_figures()
    {
        await BothAsync("");
        var now = App.Clock.GetUtcNow().UtcDateTime;
        await using (var db = App.Database())
        {
            var mine = await db.Complaints.Where(c => c.Subject == "Comparée").OrderBy(c => c.TrackingNumber).ToListAsync();
            var maarif = await db.Administrations.Where(a => a.Code == "ARR-MAARIF").Select(a => a.Id).SingleAsync();
            foreach (var c in mine.Where(c => c.Status == ComplaintStatus.Received).Take(10)) c.Accept(StoreComparisonApp.Staff, now);
            foreach (var c in mine.Where(c => c.Status == ComplaintStatus.Received).Take(5)) c.Reject(StoreComparisonApp.Staff, "Hors compétence", now);
            foreach (var c in mine.Where(c => c.Status == ComplaintStatus.Received && c.AdministrationId != maarif).Take(5))
                c.Transfer(StoreComparisonApp.Staff, maarif, "Compétence de Maârif", now);
            foreach (var c in mine.Where(c => c.Status == ComplaintStatus.Accepted).Take(10)) c.Answer(StoreComparisonApp.Staff, "Fait", now);
            foreach (var c in mine.Where(c => c.Status == ComplaintStatus.Answered && c.SatisfactionScore is null).Take(8))
                c.Rate(Actor.Citizen(null, "A"), 2, null, now);
            foreach (var c in mine.Where(c => c.Status is ComplaintStatus.Answered or ComplaintStatus.Closed).Take(6))
                c.Reopen(Actor.Citizen(null, "A"), "Toujours là", now);
            await db.SaveChangesAsync();
            // a bulk change that no aggregate method makes: the database's triggers see it all the same
            var theme = await db.Themes.Select(t => t.Id).MaxAsync();
            await db.Complaints.Where(c => c.Subject == "Comparée" && c.Channel == Channel.Chat).ExecuteUpdateAsync(s => s.SetProperty(c => c.ThemeId, theme));
        }
        await fixture.AddAsync(30, new Random(29));

        foreach (var filter in Queries)
        {
            var (store, sql) = await BothAsync(filter);
            Assert.Equal(sql, store);
        }
    }

    [Fact]
    public async Task A_complaint_filed_through_the_app_counts_at_once_on_the_dashboard()
    {
        await LoadedStoreAsync();
        var observer = App.NewBrowser();
        await observer.SignInAsync("observateur");
        static string Received(AngleSharp.Dom.IDocument page) =>
            page.QuerySelector("#seed-table tr[data-measure='received'] td[data-column='current-all']")!.TextContent.Trim();
        var before = int.Parse(Received(await observer.GetAsync("/backoffice/dashboard?Territory=A-MAARIF")), System.Globalization.CultureInfo.InvariantCulture);

        await App.FileAsync(territory: "A-MAARIF");

        Assert.Equal((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Received(await observer.GetAsync("/backoffice/dashboard?Territory=A-MAARIF")));
    }

    private async Task<DashboardStore> LoadedStoreAsync()
    {
        var store = App.Services.GetRequiredService<DashboardStore>();
        for (var i = 0; i < 200 && !store.IsLoaded; i++) await Task.Delay(50);
        Assert.True(store.IsLoaded);
        return store;
    }

    /// <summary>Figures, warnings and rankings (every kind, collectivities) from the store and from the database, as JSON.</summary>
    private async Task<(string Store, string Sql)> BothAsync(string query)
    {
        var store = await LoadedStoreAsync();
        await using var db = App.Database();
        var (filter, scope) = await ParseAsync(db, query);
        var resolved = filter.Resolve(await ReferenceSnapshot.LoadAsync(db, CancellationToken.None), scope);
        Assert.True(await store.CatchUpAsync(db, CancellationToken.None));
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var kinds = await db.Administrations.ToDictionaryAsync(a => a.Id, a => a.Kind);
        IReadOnlyList<RankingRow> Ranked(IEnumerable<AdministrationTotals> t, IReadOnlyDictionary<int, double?> m, IReadOnlySet<AdministrationKind>? only) =>
            Ranking.Compose(t, m, only, kinds, minimum: 1);
        var fromStore = store.Read((rows, limits) =>
        {
            var keep = new StoreFilter(resolved, limits);
            return JsonSerializer.Serialize(new object[]
            {
                StoreQueries.Figures(rows, keep, limits, now), StoreQueries.Warnings(rows, keep, limits, now),
                StoreQueries.Ranking(rows, keep, limits, now, (t, m) => Ranked(t, m, null)),
                StoreQueries.Ranking(rows, keep, limits, now, (t, m) => Ranked(t, m, Ranking.Collectivities)),
            }, Fields);
        });
        var fromSql = JsonSerializer.Serialize(new object[]
        {
            await DashboardQuery.RunAsync(resolved.Apply(db), now, CancellationToken.None),
            await DashboardWarnings.RunAsync(resolved.Apply(db), now, CancellationToken.None),
            await Ranking.RunAsync(resolved.Apply(db), now, null, kinds, CancellationToken.None, minimum: 1),
            await Ranking.RunAsync(resolved.Apply(db), now, Ranking.Collectivities, kinds, CancellationToken.None, minimum: 1),
        }, Fields);
        return (fromStore, fromSql);
    }

    /// <summary>A dashboard query string, where "Scope" names the administrations a reader sees and "Theme=first" the first theme.</summary>
    private static async Task<(DashboardFilter, IReadOnlySet<int>?)> ParseAsync(AppDbContext db, string query)
    {
        var parts = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        string? Part(string key) => parts.GetValueOrDefault(key);
        var filter = new DashboardFilter
        {
            Territory = Part("Territory"), Channel = Part("Channel") is { } c ? Enum.Parse<Channel>(c) : null,
            Status = Part("Status") is { } s ? Enum.Parse<ComplaintStatus>(s) : null, Kind = Part("Kind") is { } k ? Enum.Parse<SubmissionKind>(k) : null,
            From = Part("From") is { } f ? DateOnly.Parse(f, System.Globalization.CultureInfo.InvariantCulture) : null,
            To = Part("To") is { } t ? DateOnly.Parse(t, System.Globalization.CultureInfo.InvariantCulture) : null,
            AdministrationId = Part("AdministrationId") is { } a ? int.Parse(a, System.Globalization.CultureInfo.InvariantCulture) : null,
            ThemeId = Part("Theme") is not null ? await db.Themes.Select(x => x.Id).MinAsync() : null,
        };
        IReadOnlySet<int>? scope = Part("Scope") is { } codes
            ? (await db.Administrations.Where(x => codes.Split(',', StringSplitOptions.None).Contains(x.Code)).Select(x => x.Id).ToListAsync()).ToHashSet()
            : null;
        return (filter, scope);
    }
}
