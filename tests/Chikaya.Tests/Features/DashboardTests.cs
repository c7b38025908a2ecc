using System.Globalization;
using AngleSharp.Dom;
using Chikaya.Domain.Complaints;
using Chikaya.Domain.Deadlines;
using Chikaya.Tests.TestSupport;
using Chikaya.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Tests.Features;

/// <summary>A platform holding exactly eleven complaints whose figures are known by heart.</summary>
public sealed class KnownComplaintsApp : IAsyncLifetime
{
    public ChikayaApp App { get; } = new();

    private static DateTime D(int y, int m, int d) => new(y, m, d, 10, 0, 0, DateTimeKind.Utc);

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        await using var db = App.Database();
        var themes = await db.Themes.ToDictionaryAsync(t => t.Code, t => t.Id);
        var anfa = await db.Administrations.Where(a => a.Code == "ARR-ANFA").Select(a => a.Id).SingleAsync();
        var maarif = await db.Administrations.Where(a => a.Code == "ARR-MAARIF").Select(a => a.Id).SingleAsync();
        var places = await db.Territories.Where(t => t.Code == "A-ANFA" || t.Code == "A-MAARIF").ToDictionaryAsync(t => t.Code, t => t.Id);
        var staff = Actor.Staff("x", "Agent");
        var n = 0;
        Complaint Add(Channel channel, DateTime received, string theme, bool inMaarif = false)
        {
            var complaint = Complaint.Submit(new NewComplaint
            {
                Channel = channel, ThemeId = themes[theme], AdministrationId = inMaarif ? maarif : anfa,
                TerritoryId = places[inMaarif ? "A-MAARIF" : "A-ANFA"], Subject = $"Connue {++n}", Description = "Jeu de données connu",
                ReceivedUtc = received,
            }, $"CH-2026-KN{n:D4}".Replace('0', 'Z').Replace('1', 'Y'), "ABCD-EFGH", LegalDeadlines.Decree, received);
            db.Complaints.Add(complaint);
            return complaint;
        }
        Add(Channel.Web, D(2026, 11, 20), "cleanliness");
        Add(Channel.Web, D(2026, 10, 10), "cleanliness").Accept(staff, D(2026, 10, 12));
        var c3 = Add(Channel.Web, D(2026, 8, 1), "cleanliness"); c3.Accept(staff, D(2026, 8, 2)); c3.Assign(staff, "x", "Agent", D(2026, 8, 3));
        var c4 = Add(Channel.Web, D(2026, 6, 1), "cleanliness"); c4.Accept(staff, D(2026, 6, 2)); c4.Answer(staff, "ok", D(2026, 6, 11)); c4.Close(staff, D(2026, 6, 20));
        var c5 = Add(Channel.Web, D(2026, 3, 1), "cleanliness"); c5.Accept(staff, D(2026, 3, 2)); c5.Answer(staff, "ok", D(2026, 4, 30));
        c5.Rate(Actor.Citizen(null, "A"), 4, null, D(2026, 5, 1));
        Add(Channel.MailOffice, D(2026, 11, 1), "urbanism");
        var c7 = Add(Channel.MailOffice, D(2026, 2, 1), "urbanism"); c7.Accept(staff, D(2026, 2, 1).AddHours(2)); c7.Answer(staff, "ok", D(2026, 2, 1).AddHours(5));
        Add(Channel.CallCentre, D(2026, 5, 5), "urbanism").Reject(staff, "Hors compétence", D(2026, 5, 6));
        Add(Channel.Web, D(2025, 6, 1), "roads", inMaarif: true).Accept(staff, D(2025, 6, 5));
        var c10 = Add(Channel.Web, D(2025, 5, 1), "roads", inMaarif: true); c10.Accept(staff, D(2025, 5, 2)); c10.Answer(staff, "ok", D(2025, 9, 8));
        Add(Channel.MailOffice, D(2024, 12, 1), "roads", inMaarif: true);
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

public sealed class DashboardTests(KnownComplaintsApp fixture) : IClassFixture<KnownComplaintsApp>
{
    private ChikayaApp App => fixture.App;

    private static string Cell(IDocument page, string measure, string column) =>
        page.QuerySelector($"#seed-table tr[data-measure='{measure}'] td[data-column='{column}']")!.TextContent.Trim();

    private static string Row(IDocument page, int row, string column) =>
        page.QuerySelectorAll("#seed-table tbody tr")[row].QuerySelector($"td[data-column='{column}']")!.TextContent.Trim();

    [Theory]
    [InlineData("current-web", "5", "3", "1", "1", "2", "10", "35", "60")]
    [InlineData("current-mailoffice", "2", "1", "0", "0", "1", "0", "0", "0")]
    [InlineData("current-other", "1", "0", "0", "0", "0", "–", "–", "–")]
    [InlineData("current-all", "8", "4", "1", "1", "3", "0", "23.33", "60")]
    [InlineData("previous-web", "2", "1", "0", "1", "1", "130", "130", "130")]
    [InlineData("previous-mailoffice", "1", "1", "0", "1", "0", "–", "–", "–")]
    [InlineData("previous-other", "0", "0", "0", "0", "0", "–", "–", "–")]
    [InlineData("previous-all", "3", "2", "0", "2", "1", "130", "130", "130")]
    public async Task Every_figure_of_the_seed_s_table_agrees_with_the_complaints(string column, string received, string inProgress,
        string over30, string over60, string answered, string min, string mean, string max)
    {
        var observer = App.NewBrowser();
        await observer.SignInAsync("observateur");
        var page = await observer.GetAsync("/backoffice/dashboard");

        Assert.Equal([received, inProgress, over30, over60, answered, min, mean, max],
            Enumerable.Range(0, 8).Select(row => Row(page, row, column)));
    }

    [Theory]
    [InlineData("Territory=A-ANFA", "8", "0")]
    [InlineData("Territory=R06", "8", "3")]
    [InlineData("Territory=R01", "0", "0")]
    [InlineData("Channel=Web", "5", "2")]
    [InlineData("Status=Rejected", "1", "0")]
    [InlineData("From=2026-06-01&To=2026-10-31", "3", "0")]
    [InlineData("Kind=Suggestion", "0", "0")]
    public async Task Filters_narrow_every_figure(string filter, string currentAll, string previousAll)
    {
        var observer = App.NewBrowser();
        await observer.SignInAsync("observateur");
        var page = await observer.GetAsync("/backoffice/dashboard?" + filter);

        Assert.Equal((currentAll, previousAll), (Cell(page, "received", "current-all"), Cell(page, "received", "previous-all")));
    }

    [Fact]
    public async Task The_theme_split_and_the_month_table_count_the_same_complaints()
    {
        var observer = App.NewBrowser();
        await observer.SignInAsync("observateur");
        var page = await observer.GetAsync("/backoffice/dashboard");

        var themes = page.QuerySelectorAll("#themes-table tbody tr").Select(r => r.Children[1].TextContent.Trim()).ToList();
        Assert.Equal(["5", "3", "3"], themes);
        Assert.NotNull(page.QuerySelector("svg[role='img'][aria-describedby='themes-table']"));
        var months = page.QuerySelectorAll("#months-table tbody tr").Select(r => int.Parse(r.Children[1].TextContent, CultureInfo.InvariantCulture)).Sum();
        Assert.Equal(8, months);
    }

    [Fact]
    public async Task A_figure_opens_the_list_of_complaints_behind_it_within_the_reader_s_scope()
    {
        var observer = App.NewBrowser();
        await observer.SignInAsync("observateur");
        var page = await observer.GetAsync("/backoffice/dashboard");
        var link = page.QuerySelector("#seed-table tr[data-measure='over-60'] td[data-column='previous-all'] a")!.GetAttribute("href")!;

        var list = await observer.GetAsync(link);
        Assert.Equal("2", list.Text("#total").Split(' ')[0]);

        var anfa = App.NewBrowser();
        await anfa.SignInAsync("agent.anfa");
        var theirs = await anfa.GetAsync(link);
        Assert.Equal("0", theirs.Text("#total").Split(' ')[0]);
        var dashboard = await anfa.GetAsync("/backoffice/dashboard");
        Assert.Equal("0", Cell(dashboard, "received", "previous-all"));
    }

    [Fact]
    public async Task The_ranking_puts_first_the_administration_that_answers_within_the_deadline()
    {
        await using var db = App.Database();
        var kinds = await db.Administrations.ToDictionaryAsync(a => a.Id, a => a.Kind);
        var rows = await Ranking.RunAsync(db.Complaints, ChikayaApp.Start.UtcDateTime, null, kinds, CancellationToken.None, minimum: 1);
        var anfa = await App.AdministrationIdAsync("ARR-ANFA");
        var maarif = await App.AdministrationIdAsync("ARR-MAARIF");

        Assert.Equal([anfa, maarif], rows.Select(r => r.AdministrationId));
        Assert.Equal((0.75, 10.0, 4.0), (rows[0].ShareWithin60Days!.Value, rows[0].MedianDays!.Value, rows[0].Satisfaction!.Value));
        Assert.Equal((0.0, 130.0), (rows[1].ShareWithin60Days!.Value, rows[1].MedianDays!.Value));
        Assert.Empty(await Ranking.RunAsync(db.Complaints, ChikayaApp.Start.UtcDateTime, null, kinds, CancellationToken.None));
    }

    [Fact]
    public async Task The_tables_export_to_CSV_and_XLSX_with_the_same_figures()
    {
        var observer = App.NewBrowser();
        await observer.SignInAsync("observateur");

        var csv = await observer.GetRawAsync("/backoffice/dashboard/export?table=channels&format=csv");
        var text = await csv.Content.ReadAsStringAsync();
        var xlsx = await observer.GetRawAsync("/backoffice/dashboard/export?table=themes&format=xlsx");
        Assert.True(xlsx.IsSuccessStatusCode, xlsx.StatusCode + " " + xlsx.Headers.Location + string.Join("\n", App.Errors.Entries));
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), useHeaderRow: true,
                excelType: MiniExcelLibs.ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Année en cours,Tous les canaux,8,4,1,1,3,0,23.33,60", text);
        Assert.Equal([5.0, 3.0, 3.0], rows.Select(r => Convert.ToDouble(r.Values.Last(), CultureInfo.InvariantCulture)));
    }
}
