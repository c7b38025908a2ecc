using Chikaya.Web.Features.Partners;

namespace Chikaya.Web.Features.Admin.Partners;

/// <summary>What an administrator sets on a partner, and the choices the form offers.</summary>
public sealed class PartnerForm
{
    public string? Name { get; set; }
    public List<PartnerPermissions> Permissions { get; set; } = [];
    public bool AllAdministrations { get; set; }
    public List<int> AdministrationIds { get; set; } = [];
    public int RequestsPerMinute { get; set; } = 120;
    public string? WebhookUrl { get; set; }
    public List<WebhookEvents> WebhookEvents { get; set; } = [];

    public static readonly (PartnerPermissions Value, string Label)[] PermissionChoices =
    [
        (PartnerPermissions.File, "Déposer des réclamations"),
        (PartnerPermissions.ReadDetails, "Lire la description et le lieu"),
        (PartnerPermissions.PostUpdates, "Envoyer les suites des citoyens"),
    ];

    public static readonly (WebhookEvents Value, string Label)[] EventChoices =
    [
        (Features.Partners.WebhookEvents.Filed, "event.submitted"),
        (Features.Partners.WebhookEvents.Routed, "event.transferred"),
        (Features.Partners.WebhookEvents.Answered, "event.answered"),
        (Features.Partners.WebhookEvents.Closed, "event.closed"),
        (Features.Partners.WebhookEvents.Reopened, "event.reopened"),
        (Features.Partners.WebhookEvents.Rejected, "event.rejected"),
    ];

    public static PartnerForm From(Partner p) => new()
    {
        Name = p.Name, AllAdministrations = p.AllAdministrations, AdministrationIds = p.AdministrationIds, RequestsPerMinute = p.RequestsPerMinute,
        WebhookUrl = p.WebhookUrl, Permissions = PermissionChoices.Select(c => c.Value).Where(v => p.Permissions.HasFlag(v)).ToList(),
        WebhookEvents = EventChoices.Select(c => c.Value).Where(v => p.WebhookEvents.HasFlag(v)).ToList(),
    };

    public void ApplyTo(Partner p)
    {
        p.Name = Name!.Trim();
        p.Permissions = Permissions.Aggregate(PartnerPermissions.None, (all, one) => all | one);
        p.AllAdministrations = AllAdministrations;
        p.AdministrationIds = AllAdministrations ? [] : AdministrationIds.Distinct().ToList();
        p.RequestsPerMinute = RequestsPerMinute;
        p.WebhookUrl = string.IsNullOrWhiteSpace(WebhookUrl) ? null : WebhookUrl.Trim();
        p.WebhookEvents = WebhookEvents.Aggregate(Features.Partners.WebhookEvents.None, (all, one) => all | one);
    }

    public static bool IsWebhookUrl(string? url) => string.IsNullOrWhiteSpace(url)
        || (url.Length <= 500 && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http");
}
