namespace Chikaya.Web.Features.Partners;

/// <summary>
/// One event to post to one partner, written in the same transaction as the change it reports and
/// sent by <see cref="WebhookDispatchJob"/>, retried with a growing delay until the partner accepts it.
/// </summary>
public sealed class WebhookDelivery
{
    public const int MaxAttempts = 8;

    public long Id { get; set; }
    public int PartnerId { get; set; }
    public string Event { get; set; } = "";
    public string TrackingNumber { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime? DeliveredUtc { get; set; }
    public bool GaveUp { get; set; }
    public int? LastStatus { get; set; }
    public string? LastError { get; set; }

    /// <summary>1, 2, 4, 8... minutes after each failed attempt, at most six hours.</summary>
    public void Failed(int? status, string error, DateTime nowUtc)
    {
        Attempts++;
        LastStatus = status;
        LastError = error.Length > 500 ? error[..500] : error;
        GaveUp = Attempts >= MaxAttempts;
        NextAttemptUtc = nowUtc + TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Attempts - 1)));
    }

    public void Succeeded(int status, DateTime nowUtc)
    {
        Attempts++;
        LastStatus = status;
        LastError = null;
        DeliveredUtc = nowUtc;
    }
}
