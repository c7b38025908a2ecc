using CsvHelper.Configuration.Attributes;

namespace Chikaya.Web.Features.LegacyImport;

/// <summary>
/// One complaint in the exchange layout (docs/partners.md): UTF-8, comma-separated, a header line, dates in
/// ISO 8601 (UTC when no zone is given), numbers with a decimal point. Import and export use the same columns.
/// </summary>
public sealed class ComplaintRow
{
    [Name("external_id")] public string? ExternalId { get; set; }
    [Name("tracking_number")] public string? TrackingNumber { get; set; }
    [Name("kind")] public string? Kind { get; set; }
    [Name("channel")] public string? Channel { get; set; }
    [Name("theme_code")] public string? ThemeCode { get; set; }
    [Name("administration_code")] public string? AdministrationCode { get; set; }
    [Name("territory_code")] public string? TerritoryCode { get; set; }
    [Name("received_at")] public string? ReceivedAt { get; set; }
    [Name("subject")] public string? Subject { get; set; }
    [Name("description")] public string? Description { get; set; }
    [Name("status")] public string? Status { get; set; }
    [Name("decided_at")] public string? DecidedAt { get; set; }
    [Name("rejection_reason")] public string? RejectionReason { get; set; }
    [Name("answered_at")] public string? AnsweredAt { get; set; }
    [Name("answer")] public string? Answer { get; set; }
    [Name("closed_at")] public string? ClosedAt { get; set; }
    [Name("contact_name")] public string? ContactName { get; set; }
    [Name("contact_email")] public string? ContactEmail { get; set; }
    [Name("contact_phone")] public string? ContactPhone { get; set; }
    [Name("address")] public string? Address { get; set; }
    [Name("latitude")] public string? Latitude { get; set; }
    [Name("longitude")] public string? Longitude { get; set; }

    /// <summary>The statuses a row may carry: where the complaint stood when the legacy system handed it over.</summary>
    public static readonly string[] Statuses = ["received", "accepted", "answered", "closed", "rejected"];
}

/// <summary>A refused row, with its line in the file and every reason.</summary>
public sealed class RejectedRow
{
    [Name("line")] public int Line { get; set; }
    [Name("external_id")] public string? ExternalId { get; set; }
    [Name("codes")] public string Codes { get; set; } = "";
    [Name("errors")] public string Errors { get; set; } = "";
}
