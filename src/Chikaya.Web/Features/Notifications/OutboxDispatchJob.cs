using Chikaya.Web.Data;
using Chikaya.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Features.Notifications;

/// <summary>Sends what waits in the outbox; a failure is retried later, each time waiting longer (30 s, 1 min, 2 min... 1 h).</summary>
public sealed class OutboxDispatchJob(AppDbContext db, IEnumerable<IMessageSender> senders, IOptions<NotificationOptions> options,
    IOptions<JobOptions> jobs, TimeProvider clock, ILogger<OutboxDispatchJob> logger) : IScheduledJob
{
    private const int Batch = 100;

    public string Name => "outbox";
    public TimeSpan Every => TimeSpan.FromSeconds(jobs.Value.OutboxEverySeconds);

    public async Task RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        var ready = senders.Where(s => s.IsConfigured).ToDictionary(s => s.Channel);
        if (ready.Count == 0) return;
        var channels = ready.Keys.ToList();
        var max = options.Value.MaxAttempts;
        var due = await db.Outbox.Where(m => m.SentUtc == null && m.NextAttemptUtc <= nowUtc && m.Attempts < max && channels.Contains(m.Channel))
            .OrderBy(m => m.NextAttemptUtc).Take(Batch).ToListAsync(ct);
        foreach (var message in due)
        {
            try
            {
                await ready[message.Channel].SendAsync(message, ct);
                message.SentUtc = clock.GetUtcNow().UtcDateTime;
                message.LastError = null;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                message.Attempts++;
                message.NextAttemptUtc = nowUtc + Backoff(message.Attempts);
                message.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                logger.LogWarning("Message {Id} to {Channel} failed (attempt {Attempt}): {Error}", message.Id, message.Channel,
                    message.Attempts, e.Message);
            }
            await db.SaveChangesAsync(ct);
        }
    }

    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));
}
