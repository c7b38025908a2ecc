using Chikaya.Domain.Citizens;

namespace Chikaya.Domain.Complaints;

/// <summary>What a citizen hands in, whatever the channel.</summary>
public sealed record NewComplaint
{
    public const int MaxSubjectLength = 200;
    public const int MaxDescriptionLength = 8000;
    public const int MaxAddressLength = 300;
    public const int MaxNameLength = 150;
    public const int MaxReferenceLength = 50;

    /// <summary>A letter found in a drawer after a year is filed, but its date cannot be that old.</summary>
    public static readonly TimeSpan MaxReceivedAge = TimeSpan.FromDays(366);

    public SubmissionKind Kind { get; init; } = SubmissionKind.Complaint;
    public Channel Channel { get; init; } = Channel.Web;
    public required int ThemeId { get; init; }
    public required int AdministrationId { get; init; }
    public int? TerritoryId { get; init; }
    public required string Subject { get; init; }
    public required string Description { get; init; }
    public string Language { get; init; } = "fr";
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Address { get; init; }
    public string? CitizenUserId { get; init; }
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactPhone { get; init; }
    public string? PostalAddress { get; init; }

    /// <summary>The citizen record found from the identifiers the channel verified; null when anonymous.</summary>
    public Guid? CitizenId { get; init; }

    /// <summary>The channel's own reference, such as the mail register number.</summary>
    public string? ExternalReference { get; init; }

    /// <summary>The member of staff who registers it for the citizen: a call-centre agent, a mail-office clerk.</summary>
    public Actor? RegisteredBy { get; init; }

    /// <summary>When the administration received it; a letter's date at the mail office. Defaults to now.</summary>
    public DateTime? ReceivedUtc { get; init; }

    /// <summary>For channels without a subject (Open311, chat): the text's first line, shortened, or the fallback.</summary>
    public static string SubjectFrom(string text, string fallback)
    {
        var first = text.Split('\n', 2)[0].Trim();
        if (first.Length == 0) return fallback;
        return first.Length <= 100 ? first : first[..99].TrimEnd() + "…";
    }

    /// <summary>Every rule the input breaks, as (field, code) pairs; empty when it can be filed.</summary>
    public IReadOnlyList<(string Field, string Code)> Validate(DateTime nowUtc)
    {
        var errors = new List<(string, string)>();
        void Check(bool broken, string field, string code) { if (broken) errors.Add((field, code)); }

        Check(string.IsNullOrWhiteSpace(Subject), "subject", "complaint.subject.required");
        Check(Subject?.Trim().Length > MaxSubjectLength, "subject", "complaint.subject.too-long");
        Check(string.IsNullOrWhiteSpace(Description), "description", "complaint.description.required");
        Check(Description?.Trim().Length > MaxDescriptionLength, "description", "complaint.description.too-long");
        Check(Address?.Trim().Length > MaxAddressLength, "address", "complaint.address.too-long");
        Check(ContactName?.Trim().Length > MaxNameLength, "contactName", "complaint.name.too-long");
        Check(Language is not ("fr" or "ar"), "language", "complaint.language.unsupported");
        Check(Latitude.HasValue != Longitude.HasValue, "latitude", "complaint.location.incomplete");
        Check(Latitude is { } lat && (!double.IsFinite(lat) || lat is < -90 or > 90), "latitude", "complaint.location.latitude-invalid");
        Check(Longitude is { } lon && (!double.IsFinite(lon) || lon is < -180 or > 180), "longitude", "complaint.location.longitude-invalid");
        Check(!string.IsNullOrWhiteSpace(ContactEmail) && ContactRules.NormalizeEmail(ContactEmail) is null, "contactEmail", "complaint.email.invalid");
        Check(!string.IsNullOrWhiteSpace(ContactPhone) && ContactRules.NormalizePhone(ContactPhone) is null, "contactPhone", "complaint.phone.invalid");
        Check(ReceivedUtc > nowUtc, "receivedOn", "complaint.received.in-future");
        Check(ReceivedUtc < nowUtc - MaxReceivedAge, "receivedOn", "complaint.received.too-old");
        Check(PostalAddress?.Trim().Length > MaxAddressLength, "postalAddress", "complaint.postal-address.too-long");
        Check(ExternalReference?.Trim().Length > MaxReferenceLength, "externalReference", "complaint.reference.too-long");
        Check(HasControlCharacters(), "description", "complaint.text.control-characters");
        return errors;
    }

    private bool HasControlCharacters() =>
        new[] { Subject, Description, Address, ContactName, PostalAddress, ExternalReference }
            .Any(text => text?.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) == true);
}
