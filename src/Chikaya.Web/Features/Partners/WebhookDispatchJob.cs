using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Jobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Partners;

/// <summary>
/// Posts due deliveries to the partners, signed: <c>X-Chikaya-Signature: sha256=HMAC(secret, timestamp + "." + body)</c>.
/// A 2xx is delivered; anything else is tried again later, then given up after <see cref="WebhookDelivery.MaxAttempts"/>.
/// </summary>
public sealed class WebhookDispatchJob(AppDbContext db, IHttpClientFactory http, IDataProtectionProvider protection,
    ILogger<WebhookDispatchJob> logger) : IScheduledJob
{
    public const string Client = "webhooks";
    public const string Purpose = "Chikaya.Webhooks";
    private const int Batch = 100;

    public string Name => "webhooks";
    public TimeSpan Every => TimeSpan.FromSeconds(15);

    public async Task RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        var due = await db.WebhookDeliveries.Where(d => d.DeliveredUtc == null && !d.GaveUp && d.NextAttemptUtc <= nowUtc)
            .OrderBy(d => d.NextAttemptUtc).ThenBy(d => d.Id).Take(Batch).ToListAsync(ct);
        if (due.Count == 0) return;
        var ids = due.Select(d => d.PartnerId).Distinct().ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var protector = protection.CreateProtector(Purpose);
        var client = http.CreateClient(Client);
        foreach (var delivery in due)
        {
            var partner = partners[delivery.PartnerId];
            if (!partner.IsActive || partner.WebhookUrl is null || partner.ProtectedWebhookSecret is null)
            {
                delivery.Failed(null, "The partner has no webhook any more.", nowUtc);
                delivery.GaveUp = true;
                continue;
            }
            var timestamp = new DateTimeOffset(nowUtc).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            using var request = new HttpRequestMessage(HttpMethod.Post, partner.WebhookUrl)
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Chikaya-Event", delivery.Event);
            request.Headers.Add("X-Chikaya-Delivery", delivery.Id.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Chikaya-Timestamp", timestamp);
            request.Headers.Add("X-Chikaya-Signature", "sha256=" + Sign(protector.Unprotect(partner.ProtectedWebhookSecret), timestamp, delivery.Payload));
            try
            {
                using var response = await client.SendAsync(request, ct);
                if (response.IsSuccessStatusCode) delivery.Succeeded((int)response.StatusCode, nowUtc);
                else delivery.Failed((int)response.StatusCode, response.ReasonPhrase ?? "HTTP " + (int)response.StatusCode, nowUtc);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                delivery.Failed(null, e.Message, nowUtc);
            }
            if (delivery.DeliveredUtc is null)
                logger.LogWarning("Webhook {Delivery} to partner {Partner} failed (attempt {Attempt}): {Error}",
                    delivery.Id, partner.Id, delivery.Attempts, delivery.LastError);
        }
        await db.SaveChangesAsync(ct);
    }

    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body))).ToLowerInvariant();
}
