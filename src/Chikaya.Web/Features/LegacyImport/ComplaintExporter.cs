using System.Globalization;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.LegacyImport;

/// <summary>Writes complaints in the exchange layout, the one the import reads: what one platform exports, another imports.</summary>
public sealed class ComplaintExporter(AppDbContext db)
{
    public async Task<int> ExportAsync(CsvWriter csv, int? administrationId, IProgress<int>? progress, CancellationToken ct)
    {
        var themes = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Code, ct);
        var administrations = await db.Administrations.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        var territories = await db.Territories.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Code, ct);
        var complaints = db.Complaints.AsNoTracking();
        if (administrationId is { } id) complaints = complaints.Where(c => c.AdministrationId == id);
        csv.WriteHeader<ComplaintRow>();
        await csv.NextRecordAsync();
        var count = 0;
        await foreach (var c in complaints.OrderBy(c => c.ReceivedUtc).AsAsyncEnumerable().WithCancellation(ct))
        {
            csv.WriteRecord(new ComplaintRow
            {
                ExternalId = c.TrackingNumber, TrackingNumber = c.TrackingNumber, Kind = RowReader.Name(c.Kind), Channel = RowReader.Name(c.Channel),
                ThemeCode = themes[c.ThemeId], AdministrationCode = administrations[c.AdministrationId],
                TerritoryCode = c.TerritoryId is { } t ? territories[t] : null, ReceivedAt = Iso(c.ReceivedUtc), Subject = c.Subject,
                Description = c.Description, Status = StatusOf(c.Status), DecidedAt = Iso(c.DecidedUtc), RejectionReason = c.RejectionReason,
                AnsweredAt = Iso(c.AnsweredUtc), Answer = c.AnswerText, ClosedAt = Iso(c.ClosedUtc), ContactName = c.ContactName,
                ContactEmail = c.ContactEmail, ContactPhone = c.ContactPhone, Address = c.Address,
                Latitude = c.Latitude?.ToString("R", CultureInfo.InvariantCulture), Longitude = c.Longitude?.ToString("R", CultureInfo.InvariantCulture),
            });
            await csv.NextRecordAsync();
            if (++count % ComplaintImporter.BatchSize == 0) progress?.Report(count);
        }
        progress?.Report(count);
        return count;
    }

    /// <summary>The layout's five statuses: where a complaint stands, without our finer steps.</summary>
    public static string StatusOf(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Received or ComplaintStatus.Transferred => "received",
        ComplaintStatus.Answered => "answered",
        ComplaintStatus.Closed => "closed",
        ComplaintStatus.Rejected => "rejected",
        _ => "accepted",
    };

    private static string? Iso(DateTime? utc) => utc is { } value
        ? DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : null;
}
