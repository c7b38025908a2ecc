using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Deadlines;
using Chikaya.Web.Features.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Features.Open311;

/// <summary>
/// The updates extension FixMyStreet speaks: GET servicerequestupdates lists the public steps of the
/// complaints in a window; POST servicerequestupdates brings a citizen's comment, a closing or a reopening.
/// </summary>
public static class ServiceRequestUpdates
{
    public static async Task<IResult> ListAsync(string format, HttpContext http, AppDbContext db, TimeProvider clock,
        IStringLocalizer t, CancellationToken ct)
    {
        if (!Open311Format.IsKnown(format)) return Open311Format.UnknownFormat(format);
        var query = http.Request.Query;
        Open311Services.ApplyLocale(query.Param("locale"));
        var errors = new List<string>();
        var (start, end) = Open311Filters.Dates(query, t, errors);
        if (errors.Count > 0) return Open311Format.Errors(format, 400, errors);
        var to = end ?? clock.GetUtcNow().UtcDateTime;
        var from = start ?? to - ServiceRequestQuery.DefaultWindow;

        var events = db.ComplaintEvents.AsNoTracking()
            .Where(x => x.IsPublic && x.Type != ComplaintEventType.Submitted && x.OccurredUtc >= from && x.OccurredUtc <= to);
        var complaints = db.Complaints.AsNoTracking();
        var (jurisdiction, unknown) = await Open311Filters.JurisdictionAsync(query, db, ct);
        if (unknown) return Open311Format.Error(format, 404, t["open311.jurisdiction.unknown", query.Param("jurisdiction_id")!]);
        if (jurisdiction is { } administrationId) complaints = complaints.Where(c => c.AdministrationId == administrationId);
        var rows = await events.Join(complaints, x => x.ComplaintId, c => c.Id, (x, c) => new { x.Id, c.TrackingNumber, c.AdministrationId, x.StatusAfter, x.OccurredUtc, x.Text, x.Type })
            .OrderBy(x => x.OccurredUtc).ThenBy(x => x.Id).Take(ServiceRequestQuery.MaxResults).ToListAsync(ct);
        var partner = PartnerKeyFilter.Current(http);
        var updates = rows.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["update_id"] = r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["service_request_id"] = r.TrackingNumber,
            ["status"] = StatusOf(r.StatusAfter),
            ["updated_datetime"] = r.OccurredUtc,
            ["description"] = partner is not null && partner.May(PartnerPermissions.ReadDetails) && partner.Covers(r.AdministrationId) && r.Text is { } text
                ? text : t["event." + r.Type.ToString().ToLowerInvariant()].Value,
            ["media_url"] = null,
            ["external_status_code"] = r.StatusAfter.ToString(),
        }).ToList();
        return Open311Format.WriteList(format, updates, "service_request_updates", "request_update");
    }

    /// <summary>Our status in the vocabulary FixMyStreet understands.</summary>
    public static string StatusOf(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Received or ComplaintStatus.Reopened => "OPEN",
        ComplaintStatus.Transferred => "INTERNAL_REFERRAL",
        ComplaintStatus.Accepted => "INVESTIGATING",
        ComplaintStatus.InProgress or ComplaintStatus.AwaitingInformation => "IN_PROGRESS",
        ComplaintStatus.Rejected => "NO_FURTHER_ACTION",
        _ => "CLOSED",
    };

    public static async Task<IResult> PostAsync(string format, HttpContext http, AppDbContext db, TimeProvider clock,
        IOptions<DeadlineOptions> deadlines, IStringLocalizer t, CancellationToken ct)
    {
        if (!Open311Format.IsKnown(format)) return Open311Format.UnknownFormat(format);
        if (!http.Request.HasFormContentType) return Open311Format.Error(format, 415, t["open311.form-required"]);
        var form = await http.Request.ReadFormAsync(ct);
        string? Field(string name) => Open311Attributes.Single(form, name);
        Open311Services.ApplyLocale(Field("locale"));
        var partner = PartnerKeyFilter.Current(http)!;

        var errors = new List<string>();
        foreach (var required in new[] { "service_request_id", "update_id", "status", "description", "updated_datetime" })
            if (Field(required) is null) errors.Add(t["open311.field.required", required]);
        var status = Field("status")?.ToUpperInvariant();
        if (status is not (null or "OPEN" or "CLOSED")) errors.Add(t["open311.update.status-invalid"]);
        if (Field("updated_datetime") is { } when && !Open311Format.TryParseDate(when, out _)) errors.Add(t["open311.date.invalid", "updated_datetime"]);
        if (Field("update_id") is { Length: > 100 }) errors.Add(t["open311.update.id-too-long"]);
        if (errors.Count > 0) return Open311Format.Errors(format, 400, errors);

        var number = Field("service_request_id")!;
        var complaint = await db.Complaints.Include(c => c.Events).FirstOrDefaultAsync(c => c.TrackingNumber == number, ct);
        if (complaint is null) return Open311Format.Error(format, 404, t["open311.request.unknown", number]);
        if (!partner.Covers(complaint.AdministrationId)) return Open311Format.Error(format, 403, t["partner.key.not-allowed"]);

        var externalId = Field("update_id")!;
        var earlier = await db.PartnerUpdateReceipts.AsNoTracking().FirstOrDefaultAsync(r => r.PartnerId == partner.Id && r.ExternalId == externalId, ct);
        if (earlier is not null) return Receipt(format, earlier.EventId);

        var now = clock.GetUtcNow().UtcDateTime;
        var name = string.Join(' ', new[] { Field("first_name"), Field("last_name") }.OfType<string>());
        var citizen = Actor.Citizen(null, name.Length > 0 ? name : partner.Name);
        var text = Field("description")!;
        try
        {
            var answered = complaint.Status is ComplaintStatus.Answered or ComplaintStatus.Closed;
            if (status == "OPEN" && answered) complaint.Reopen(citizen, text, now, TimeSpan.FromDays(deadlines.Value.ReopenWindowDays));
            else if (complaint.Status == ComplaintStatus.AwaitingInformation) complaint.ProvideInformation(citizen, text, now);
            else
            {
                if (status == "CLOSED" && complaint.Status == ComplaintStatus.Answered) complaint.Close(citizen, now);
                complaint.AddRemark(citizen, text, now);
            }
        }
        catch (ComplaintRuleException rule)
        {
            // a step taken before the refusal (closing, then a remark too long) must not be saved by anything after it
            db.ChangeTracker.Clear();
            return Open311Format.Error(format, 400, t[rule.Code]);
        }
        var step = complaint.Events[^1];
        await db.SaveChangesAsync(ct);
        db.PartnerUpdateReceipts.Add(new PartnerUpdateReceipt { PartnerId = partner.Id, ExternalId = externalId, EventId = step.Id, ReceivedUtc = now });
        await db.SaveChangesAsync(ct);
        return Receipt(format, step.Id);
    }

    private static IResult Receipt(string format, long eventId) => Open311Format.WriteList(format,
        [new Dictionary<string, object?> { ["update_id"] = eventId.ToString(System.Globalization.CultureInfo.InvariantCulture) }],
        "service_request_updates", "request_update");
}
