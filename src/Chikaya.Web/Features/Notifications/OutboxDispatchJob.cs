using Chikaya.Web.Data;
using Chikaya.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Features.Notifications;

/// <summary>
/// Sends what waits in the outbox; a failure is retried later, each time waiting longer (30 s, 1 min, 2 min... 1 h).
/// A run sends everything due, a hundred at a time, and starts no new message after <see cref="RunBudget"/>: a backlog
/// (a burst of filings, a mail server back after a night down) leaves at the senders' pace, not a hundred per run. A
/// channel that cannot deliver <see cref="FailuresBeforePause"/> times in a row (its server down or unreachable) is left
/// for the next run, so that an outage does not cost every waiting message an attempt; a message refused on its own
/// (<see cref="MessageRejectedException"/>: a malformed address, a mailbox that does not exist) does not count.
/// </summary>
public sealed class OutboxDispatchJob(AppDbContext db, IEnumerable<IMessageSender> senders, IOptions<NotificationOptions> options,
    IOptions<JobOptions> jobs, TimeProvider clock, ILogger<OutboxDispatchJob> logger) : IScheduledJob
{
    private const int Batch = 100;
    public const int FailuresBeforePause = 5;

    /// <summary>
    /// Short enough for the jobs after it in the same tick. With each sender's own time-out (15 s), the last message
    /// started ends well within the job's five-minute lease.
    /// </summary>
    public static readonly TimeSpan RunBudget = TimeSpan.FromSeconds(30);

    public string Name => "outbox";
    public TimeSpan Every => TimeSpan.FromSeconds(jobs.Value.OutboxEverySeconds);

    public async Task RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        var ready = senders.Where(s => s.IsConfigured).ToDictionary(s => s.Channel);
        var failures = ready.Keys.ToDictionary(c => c, _ => 0);
        var max = options.Value.MaxAttempts;
        var started = clock.GetTimestamp();
        bool Paused(MessageChannel channel) => failures[channel] >= FailuresBeforePause;
        while (clock.GetElapsedTime(started) < RunBudget)
        {
            var channels = ready.Keys.Where(c => !Paused(c)).ToList();
            if (channels.Count == 0) return;
            // what was sent or failed in this run is no longer due: the loop ends when nothing is
            var due = await db.Outbox.Where(m => m.SentUtc == null && m.NextAttemptUtc <= nowUtc && m.Attempts < max && channels.Contains(m.Channel))
                .OrderBy(m => m.NextAttemptUtc).Take(Batch).ToListAsync(ct);
            if (due.Count == 0) return;
            foreach (var message in due)
            {
                if (Paused(message.Channel)) continue;
                if (clock.GetElapsedTime(started) >= RunBudget) return;
                try
                {
                    await ready[message.Channel].SendAsync(message, ct);
                    message.SentUtc = clock.GetUtcNow().UtcDateTime;
                    message.LastError = null;
                    failures[message.Channel] = 0;
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    message.Attempts++;
                    message.NextAttemptUtc = nowUtc + Backoff(message.Attempts);
                    message.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                    if (e is not MessageRejectedException) failures[message.Channel]++;
                    logger.LogWarning("Message {Id} to {Channel} failed (attempt {Attempt}): {Error}", message.Id, message.Channel,
                        message.Attempts, e.Message);
                }
                // one message at a time, and even when the app is stopping: a message sent is never sent again
                await db.SaveChangesAsync(CancellationToken.None);
            }
            db.ChangeTracker.Clear();
        }
    }

    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));
}
