using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Chikaya.Domain.Complaints;
using Chikaya.Domain.Deadlines;
using Chikaya.Domain.Routing;
using Chikaya.Domain.Territories;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Deadlines;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Features.LegacyImport;

public sealed record ImportProgress(int Read, int Imported, int Skipped, int Rejected);

/// <summary>
/// Imports complaints from a legacy system, row by row: a valid row becomes a complaint with its history up
/// to the status it had; an invalid one is reported with its line and reasons; a row imported before (same
/// external_id, same content) is skipped, so running the same file twice files nothing twice.
/// </summary>
public sealed class ComplaintImporter(AppDbContext db, DeadlineRulesProvider deadlines, TimeProvider clock, IStringLocalizer t)
{
    public const int BatchSize = 1000;
    public const string KeyPrefix = "import:";

    private Dictionary<string, Domain.Themes.Theme> _themes = [];
    private Dictionary<string, int> _administrations = [];
    private Dictionary<string, Territory> _territories = [];
    private TerritoryTree _tree = new([]);
    private List<RoutingRule> _rules = [];
    private Dictionary<string, string> _imported = [];
    private HashSet<string> _numbers = [];
    private DeadlineRules? _deadlines;

    public async Task<ImportProgress> ImportAsync(TextReader input, CsvWriter rejected, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        await LoadAsync(ct);
        // the context returns to a pool afterwards: whatever happens, the next user gets it as usual
        try { return await ImportRowsAsync(input, rejected, progress, ct); }
        finally
        {
            db.ImportMode = false;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    private async Task<ImportProgress> ImportRowsAsync(TextReader input, CsvWriter rejected, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        db.ImportMode = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = clock.GetUtcNow().UtcDateTime;
        int read = 0, imported = 0, skipped = 0, failed = 0, pending = 0;
        var seen = new HashSet<string>();
        rejected.WriteHeader<RejectedRow>();
        await rejected.NextRecordAsync();

        using var csv = new CsvReader(input, Layout.Reading);
        if (!await csv.ReadAsync() || !csv.ReadHeader() || !csv.HeaderRecord!.Contains("external_id"))
            throw new InvalidDataException("The file has no header line with the exchange layout's columns (external_id, theme_code, received_at...).");
        await foreach (var row in csv.GetRecordsAsync<ComplaintRow>(ct))
        {
            read++;
            var line = csv.Parser.RawRow;
            var (complaint, key, hash, errors) = Build(row, now);
            if (key is not null && !seen.Add(key)) errors.Add("import.external-id.repeated");
            if (errors.Count == 0 && _imported.TryGetValue(key!, out var earlier))
            {
                if (earlier == hash) { skipped++; continue; }
                errors.Add("import.external-id.changed");
            }
            if (errors.Count > 0)
            {
                failed++;
                rejected.WriteRecord(new RejectedRow
                {
                    Line = line, ExternalId = row.ExternalId, Codes = string.Join(' ', errors),
                    Errors = string.Join(" ", errors.Select(e => e.Split(':') is [var code, var column] ? t[code, column].Value : t[e].Value)),
                });
                await rejected.NextRecordAsync();
                continue;
            }
            db.Complaints.Add(complaint!);
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                Key = key!, ComplaintId = complaint!.Id, TrackingNumber = complaint.TrackingNumber, RequestHash = hash!, CreatedUtc = now,
            });
            _imported[key!] = hash!;
            imported++;
            if (++pending == BatchSize)
            {
                await SaveAsync(ct);
                pending = 0;
                progress?.Report(new ImportProgress(read, imported, skipped, failed));
            }
        }
        await SaveAsync(ct);
        var result = new ImportProgress(read, imported, skipped, failed);
        progress?.Report(result);
        db.ImportMode = false;
        db.AuditEntries.Add(new Audit.AuditEntry
        {
            OccurredUtc = now, ActorName = "import", Action = "complaints.imported", Subject = "import",
            Details = $"read={read}; imported={imported}; skipped={skipped}; rejected={failed}",
        });
        await db.SaveChangesAsync(ct);
        return result;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private (Complaint?, string?, string?, List<string>) Build(ComplaintRow row, DateTime now)
    {
        var errors = new List<string>();
        var cells = new RowReader(errors);
        var externalId = RowReader.Clean(row.ExternalId);
        if (externalId is null) errors.Add("import.external-id.required");
        else if (externalId.Length > 90) errors.Add("import.external-id.too-long");

        var kind = cells.Enum(row.Kind, SubmissionKind.Complaint, "import.kind.invalid");
        var channel = cells.Enum(row.Channel, Channel.Web, "import.channel.invalid");
        var received = cells.Date(row.ReceivedAt, "received_at");
        if (row.ReceivedAt is null || (received is null && !errors.Any(e => e.EndsWith("received_at", StringComparison.Ordinal))))
            errors.Add("import.received.required");
        var decided = cells.Date(row.DecidedAt, "decided_at");
        var answered = cells.Date(row.AnsweredAt, "answered_at");
        var closed = cells.Date(row.ClosedAt, "closed_at");
        var latitude = cells.Number(row.Latitude, "latitude");
        var longitude = cells.Number(row.Longitude, "longitude");
        var status = RowReader.Clean(row.Status)?.ToLowerInvariant() ?? "received";
        if (!ComplaintRow.Statuses.Contains(status)) errors.Add("import.status.invalid");

        var theme = RowReader.Clean(row.ThemeCode) is { } themeCode ? _themes.GetValueOrDefault(themeCode) : null;
        if (theme is null) errors.Add(row.ThemeCode is null ? "complaint.theme.required" : "complaint.theme.unknown");
        Territory? territory = null;
        if (RowReader.Clean(row.TerritoryCode) is { } territoryCode && !_territories.TryGetValue(territoryCode, out territory))
            errors.Add("complaint.territory.unknown");
        int? administration = null;
        if (RowReader.Clean(row.AdministrationCode) is { } administrationCode)
        {
            if (_administrations.TryGetValue(administrationCode, out var id)) administration = id;
            else errors.Add("complaint.administration.unknown");
        }
        else if (theme is not null)
        {
            var chain = territory is null ? [] : _tree.SelfAndAncestors(territory.Code).Select(t => t.Id).ToList();
            administration = RoutingRules.Resolve(theme.Id, chain, _rules);
            if (administration is null) errors.Add("complaint.administration.unresolved");
        }
        if (errors.Count > 0) return (null, Key(externalId), null, errors);

        var input = new NewComplaint
        {
            Kind = kind, Channel = channel, ThemeId = theme!.Id, AdministrationId = administration!.Value, TerritoryId = territory?.Id,
            Subject = row.Subject ?? "", Description = row.Description ?? "", Language = "fr", Latitude = latitude, Longitude = longitude,
            Address = row.Address, ContactName = row.ContactName, ContactEmail = row.ContactEmail, ContactPhone = row.ContactPhone,
            ReceivedUtc = received,
        };
        errors.AddRange(input.Validate(now).Select(e => e.Code));
        var order = new[] { received, decided, answered, closed }.OfType<DateTime>().ToList();
        if (!order.SequenceEqual(order.Order()) || order.Any(d => d > now)) errors.Add("import.dates.order");
        if (errors.Count > 0) return (null, Key(externalId), null, errors);

        try
        {
            var complaint = Complaint.Submit(input, NewNumber(row.TrackingNumber, received!.Value), SecretCode.New(),
                _deadlines!.For(theme.Id, administration.Value), received.Value);
            Advance(complaint, status, decided ?? received.Value, answered, closed, row);
            return (complaint, Key(externalId), Hash(row), errors);
        }
        catch (ComplaintRuleException rule)
        {
            errors.Add(rule.Code);
            return (null, Key(externalId), null, errors);
        }
    }

    /// <summary>Replays the legacy system's steps on the complaint, up to where it stood.</summary>
    private static void Advance(Complaint complaint, string status, DateTime decided, DateTime? answered, DateTime? closed, ComplaintRow row)
    {
        var legacy = new Actor(ActorKind.System, null, "import");
        if (status == "received") return;
        if (status == "rejected")
        {
            complaint.Reject(legacy, RowReader.Clean(row.RejectionReason) ?? "", decided);
            return;
        }
        complaint.Accept(legacy, decided);
        if (status == "accepted") return;
        complaint.Answer(legacy, RowReader.Clean(row.Answer) ?? "", answered ?? decided);
        if (status == "closed") complaint.Close(legacy, closed ?? answered ?? decided);
    }

    private string NewNumber(string? given, DateTime received)
    {
        if (Domain.Complaints.TrackingNumber.Normalize(given) is { } number && _numbers.Add(number)) return number;
        while (true)
        {
            number = Domain.Complaints.TrackingNumber.New(received);
            if (_numbers.Add(number)) return number;
        }
    }

    private static string? Key(string? externalId) => externalId is null ? null : KeyPrefix + externalId;

    private static string Hash(ComplaintRow row)
    {
        var cells = typeof(ComplaintRow).GetProperties().Where(p => p.Name != nameof(ComplaintRow.TrackingNumber)).Select(p => p.GetValue(row) as string);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', cells))));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        _themes = await db.Themes.AsNoTracking().Where(t => t.IsActive).ToDictionaryAsync(t => t.Code, ct);
        _administrations = await db.Administrations.AsNoTracking().Where(a => a.IsActive).ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        var territories = await db.Territories.AsNoTracking().ToListAsync(ct);
        _territories = territories.ToDictionary(t => t.Code);
        _tree = new TerritoryTree(territories);
        _rules = await db.RoutingRules.AsNoTracking().ToListAsync(ct);
        _imported = await db.IdempotencyRecords.AsNoTracking().Where(r => r.Key.StartsWith(KeyPrefix))
            .ToDictionaryAsync(r => r.Key, r => r.RequestHash, ct);
        _numbers = (await db.Complaints.AsNoTracking().Select(c => c.TrackingNumber).ToListAsync(ct)).ToHashSet();
        _deadlines = await deadlines.GetAsync(db, ct);
    }
}
