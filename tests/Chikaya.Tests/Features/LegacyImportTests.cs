using System.Globalization;
using System.Text;
using Chikaya.Domain.Complaints;
using Chikaya.Tests.TestSupport;
using Chikaya.Web.Features.LegacyImport;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Tests.Features;

/// <summary>The import and export commands, run as an operator runs them, on an app of their own.</summary>
public sealed class LegacyImportTests : IAsyncLifetime
{
    private readonly ChikayaApp _app = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("chikaya-import").FullName;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        if (Environment.GetEnvironmentVariable("KEEP_IMPORT") is null) Directory.Delete(_folder, recursive: true);
    }

    private const string Header = "external_id,kind,channel,theme_code,administration_code,territory_code,received_at,subject,description,status,decided_at,rejection_reason,answered_at,answer,closed_at,contact_name,contact_email,contact_phone,address,latitude,longitude";

    private static string Valid(int i) => string.Create(CultureInfo.InvariantCulture,
        $"OLD-{i},complaint,mailoffice,cleanliness,,A-ANFA,2026-0{1 + i % 9}-1{i % 8}T08:00:00Z,Sujet {i},\"Description {i}, avec virgule\",answered,2026-0{1 + i % 9}-1{i % 8}T09:00:00Z,,2026-0{1 + i % 9}-2{i % 8}T10:00:00Z,Réponse {i},,Citoyen {i},c{i}@example.ma,,,33.{i % 10},-7.5");

    private async Task<(int Exit, string Report)> RunAsync(string command, string file, params string[] more)
    {
        var exit = await LegacyCommands.RunAsync(_app.Services, [command, file, .. more]);
        var report = file + ".rejected.csv";
        return (exit, File.Exists(report) ? await File.ReadAllTextAsync(report) : "");
    }

    private async Task<string> WriteAsync(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllLinesAsync(path, lines, new UTF8Encoding(true));
        return path;
    }

    [Fact]
    public async Task Valid_rows_are_imported_with_their_history_and_each_bad_row_is_reported_with_its_line_and_reasons()
    {
        var rows = Enumerable.Range(1, 200).Select(Valid).ToList();
        rows.Insert(10, "OLD-X1,complaint,web,cleanliness,,A-ANFA,24/11/2026,Sujet,Texte,received,,,,,,,,,,,");          // line 12
        rows.Insert(20, "OLD-X2,complaint,web,nothing,,A-ANFA,2026-01-01,Sujet,Texte,received,,,,,,,,,,,");              // line 22
        rows.Insert(30, ",complaint,web,cleanliness,,A-ANFA,2026-01-01,Sujet,Texte,received,,,,,,,,,,\"33,5\",-7.5");             // line 32
        rows.Insert(40, "OLD-X4,complaint,web,cleanliness,,A-ANFA,2026-03-01,Sujet,Texte,answered,2026-02-01,,2026-03-05,Ok,,,,,,,");  // line 42
        rows.Insert(50, "OLD-1,complaint,web,cleanliness,,A-ANFA,2026-01-01,Sujet,Texte,received,,,,,,,,,,,");            // line 52
        var file = await WriteAsync("legacy.csv", [Header, .. rows]);

        var (exit, report) = await RunAsync("import-complaints", file);

        Assert.Equal(2, exit);
        var rejected = report.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(["12", "22", "32", "42", "52"], rejected.Select(r => r.Split(',')[0]));
        Assert.Contains("import.date.invalid:received_at", rejected[0]);
        Assert.Contains("complaint.theme.unknown", rejected[1]);
        Assert.Contains("import.external-id.required", rejected[2]);
        Assert.Contains("import.number.invalid:latitude", rejected[2]);
        Assert.Contains("import.dates.order", rejected[3]);
        Assert.Contains("import.external-id.repeated", rejected[4]);
        Assert.Contains("received_at", rejected[0].Split(',').Last());

        await using var db = _app.Database();
        var imported = await db.Complaints.Include(c => c.Events).Where(c => c.Subject.StartsWith("Sujet ")).ToListAsync();
        Assert.Equal(200, imported.Count);
        var seven = imported.Single(c => c.Subject == "Sujet 7");
        Assert.Equal((ComplaintStatus.Answered, Channel.MailOffice), (seven.Status, seven.Channel));
        Assert.Equal(new DateTime(2026, 8, 17, 8, 0, 0, DateTimeKind.Utc), seven.ReceivedUtc);
        Assert.Equal(10, seven.ProcessingDays);
        Assert.Equal((33.7, "Description 7, avec virgule"), (seven.Latitude!.Value, seven.Description));
        Assert.StartsWith("CH-2026-", seven.TrackingNumber);
        Assert.Equal([ComplaintEventType.Submitted, ComplaintEventType.Accepted, ComplaintEventType.Answered], seven.Events.OrderBy(e => e.OccurredUtc).ThenBy(e => e.Id).Select(e => e.Type));
        // old news: nobody is told again about what happened months ago
        Assert.Equal(0, await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task Running_the_same_file_twice_files_nothing_twice()
    {
        var file = await WriteAsync("twice.csv", [Header, .. Enumerable.Range(1, 50).Select(Valid)]);

        var first = await RunAsync("import-complaints", file);
        var second = await RunAsync("import-complaints", file);

        Assert.Equal((0, 0), (first.Exit, second.Exit));
        await using var db = _app.Database();
        Assert.Equal(50, await db.Complaints.CountAsync(c => c.Subject.StartsWith("Sujet ")));
    }

    [Fact]
    public async Task What_one_platform_exports_another_imports_as_it_was()
    {
        var file = await WriteAsync("source.csv", [Header, .. Enumerable.Range(1, 30).Select(Valid),
            "OLD-R,suggestion,email,roads,MIN-INTERIEUR,,2026-05-01,Refusée,Hors sujet,rejected,2026-05-03,Pas de notre ressort,,,,,,,,,"]);
        await RunAsync("import-complaints", file);
        var export = Path.Combine(_folder, "export.csv");

        Assert.Equal(0, await LegacyCommands.RunAsync(_app.Services, ["export-complaints", export]));

        await using var other = new ChikayaApp();
        Assert.Equal(0, await LegacyCommands.RunAsync(other.Services, ["import-complaints", export]));
        await using var source = _app.Database();
        await using var copy = other.Database();
        var expected = await source.Complaints.OrderBy(c => c.TrackingNumber)
            .Select(c => new { c.TrackingNumber, c.Status, c.Kind, c.Channel, c.ReceivedUtc, c.AnsweredUtc, c.RejectionReason, c.ContactEmail }).ToListAsync();
        var actual = await copy.Complaints.OrderBy(c => c.TrackingNumber)
            .Select(c => new { c.TrackingNumber, c.Status, c.Kind, c.Channel, c.ReceivedUtc, c.AnsweredUtc, c.RejectionReason, c.ContactEmail }).ToListAsync();
        Assert.Equal(31, actual.Count);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task A_file_without_the_layout_s_header_is_refused_whole()
    {
        var file = await WriteAsync("wrong.csv", ["numero;date;objet", "1;2026-01-01;Texte"]);
        var (exit, _) = await RunAsync("import-complaints", file);
        Assert.Equal(1, exit);
    }
}
