using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Chikaya.Web.Features.Dashboard;

/// <summary>
/// What the print view may show, sealed for two minutes: the reader's scope, the filter and the
/// language. Chromium carries it to the print view instead of the reader's cookie.
/// </summary>
public sealed record ReportToken(bool All, int[] AdministrationIds, Dictionary<string, string?> Filter, string Culture)
{
    private const string Purpose = "Chikaya.DashboardReport";

    public string Protect(IDataProtectionProvider protection) =>
        protection.CreateProtector(Purpose).ToTimeLimitedDataProtector()
            .Protect(JsonSerializer.Serialize(this), TimeSpan.FromMinutes(2));

    public static ReportToken? Read(IDataProtectionProvider protection, string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            return JsonSerializer.Deserialize<ReportToken>(protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Unprotect(token));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException) { return null; }
    }

    public DashboardFilter ToFilter() => new()
    {
        Territory = Filter.GetValueOrDefault("Territory"),
        AdministrationId = int.TryParse(Filter.GetValueOrDefault("AdministrationId"), out var a) ? a : null,
        ThemeId = int.TryParse(Filter.GetValueOrDefault("ThemeId"), out var t) ? t : null,
        Channel = Enum.TryParse<Domain.Complaints.Channel>(Filter.GetValueOrDefault("Channel"), out var c) ? c : null,
        Kind = Enum.TryParse<Domain.Complaints.SubmissionKind>(Filter.GetValueOrDefault("Kind"), out var k) ? k : null,
        Status = Enum.TryParse<Domain.Complaints.ComplaintStatus>(Filter.GetValueOrDefault("Status"), out var s) ? s : null,
        From = DateOnly.TryParse(Filter.GetValueOrDefault("From"), System.Globalization.CultureInfo.InvariantCulture, out var f) ? f : null,
        To = DateOnly.TryParse(Filter.GetValueOrDefault("To"), System.Globalization.CultureInfo.InvariantCulture, out var to) ? to : null,
    };
}
