using System.Diagnostics;
using System.Text;
using Chikaya.Web.Data;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.LegacyImport;

/// <summary>
/// <c>dotnet run --project src/Chikaya.Web -- import-complaints FILE [--rejected REPORT]</c> and
/// <c>export-complaints FILE [--administration CODE]</c>. Exit code 0 when every row was imported or skipped,
/// 2 when some were rejected (the others are imported), 1 when the file cannot be read.
/// </summary>
public static class LegacyCommands
{
    public static bool Handles(string[] args) => args.FirstOrDefault() is "import-complaints" or "export-complaints";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine($"Usage: {args[0]} FILE");
            return 1;
        }
        await using var scope = services.CreateAsyncScope();
        var file = Path.GetFullPath(args[1]);
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return args[0] == "import-complaints"
            ? await ImportAsync(scope.ServiceProvider, file, Option("--rejected") ?? file + ".rejected.csv")
            : await ExportAsync(scope.ServiceProvider, file, Option("--administration"));
    }

    private static async Task<int> ImportAsync(IServiceProvider services, string file, string report)
    {
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"No such file: {file}");
            return 1;
        }
        var clock = Stopwatch.StartNew();
        using var input = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        await using var rejected = new CsvWriter(new StreamWriter(report, false, new UTF8Encoding(true)), Layout.Writing);
        var progress = new SyncProgress<ImportProgress>(p => Show(
            $"{p.Read,9:N0} rows read · {p.Imported:N0} imported · {p.Skipped:N0} already there · {p.Rejected:N0} rejected · {p.Read / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0} rows/s"));
        try
        {
            var result = await services.GetRequiredService<ComplaintImporter>().ImportAsync(input, rejected, progress, CancellationToken.None);
            Show(null);
            Console.WriteLine($"Imported {result.Imported} of {result.Read} rows in {clock.Elapsed.TotalSeconds:N1} s; {result.Skipped} already imported; {result.Rejected} rejected (see {report}).");
            return result.Rejected > 0 ? 2 : 0;
        }
        catch (Exception e) when (e is InvalidDataException or CsvHelperException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    private static async Task<int> ExportAsync(IServiceProvider services, string file, string? administration)
    {
        var db = services.GetRequiredService<AppDbContext>();
        int? id = null;
        if (administration is not null)
        {
            id = await db.Administrations.Where(a => a.Code == administration).Select(a => (int?)a.Id).FirstOrDefaultAsync();
            if (id is null)
            {
                Console.Error.WriteLine($"No administration with code {administration}.");
                return 1;
            }
        }
        await using var csv = new CsvWriter(new StreamWriter(file, false, new UTF8Encoding(true)), Layout.Writing);
        var count = await new ComplaintExporter(db).ExportAsync(csv, id, new SyncProgress<int>(n => Show($"{n,9:N0} complaints written")), CancellationToken.None);
        Show(null);
        Console.WriteLine($"Exported {count} complaints to {file}.");
        return 0;
    }

    /// <summary>On a terminal, one line that updates itself; in a log, a line per step. Null ends the display.</summary>
    private static void Show(string? line)
    {
        if (Console.IsErrorRedirected) { if (line is not null) Console.Error.WriteLine(line); }
        else Console.Error.Write(line is null ? "\n" : "\r" + line);
    }

    /// <summary>Reports on the caller's thread, in order: <see cref="Progress{T}"/> would post to the thread pool.</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
