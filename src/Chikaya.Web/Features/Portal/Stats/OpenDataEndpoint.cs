using System.Globalization;
using System.Text;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Portal.Stats;

/// <summary>
/// GET /stats/open-data.csv: one line per complaint, streamed, with what cannot identify anyone:
/// theme, place, administration, channel, kind, dates and status. No number, name, contact or free text.
/// </summary>
public static class OpenDataEndpoint
{
    public const string Header = "id,kind,theme,territory,administration,channel,received_on,decided_on,answered_on,closed_on,status,processing_days,satisfaction";

    public static WebApplication MapOpenData(this WebApplication app)
    {
        app.MapGet("/stats/open-data.csv", async (HttpContext http, [FromKeyedServices(ReadOnlyDatabase.Key)] AppDbContext db, CancellationToken ct) =>
        {
            var themes = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Code, ct);
            var territories = await db.Territories.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Code, ct);
            var administrations = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = "attachment; filename=\"chikaya-open-data.csv\"";
            await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 1 << 16);
            await writer.WriteLineAsync(Header);
            var rows = db.Complaints.AsNoTracking().OrderBy(c => c.ReceivedUtc)
                .Select(c => new { c.Id, c.Kind, c.ThemeId, c.TerritoryId, c.AdministrationId, c.Channel, c.ReceivedUtc, c.DecidedUtc,
                    c.AnsweredUtc, c.ClosedUtc, c.Status, c.ProcessingDays, c.SatisfactionScore })
                .AsAsyncEnumerable();
            await foreach (var c in rows.WithCancellation(ct))
            {
                await writer.WriteLineAsync(string.Join(',',
                    c.Id.ToString("N"), c.Kind.ToString().ToLowerInvariant(), themes.GetValueOrDefault(c.ThemeId),
                    c.TerritoryId is { } t ? territories.GetValueOrDefault(t) : "", administrations.GetValueOrDefault(c.AdministrationId),
                    c.Channel.ToString().ToLowerInvariant(), Day(c.ReceivedUtc), Day(c.DecidedUtc), Day(c.AnsweredUtc), Day(c.ClosedUtc),
                    c.Status.ToString().ToLowerInvariant(), ExportTable.Format(c.ProcessingDays), ExportTable.Format(c.SatisfactionScore)));
            }
        }).ExcludeFromDescription();
        return app;
    }

    private static string Day(DateTime? utc) => utc is { } d ? Shared.Display.Local(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
}
