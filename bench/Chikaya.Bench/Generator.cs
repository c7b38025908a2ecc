using System.Diagnostics;
using Chikaya.Domain.Complaints;
using Chikaya.Domain.Deadlines;
using Chikaya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Bench;

/// <summary>
/// Fills a database with complaints spread over five years, every channel, theme and administration,
/// each taken through the real state machine. Resumes where it stopped.
/// </summary>
public sealed class Generator(Func<AppDbContext> open, DateTime nowUtc)
{
    private const int Batch = 5000;

    public async Task FillAsync(int target)
    {
        await using var db = open();
        var existing = await db.Complaints.CountAsync();
        if (existing >= target) { Console.WriteLine($"{existing:N0} complaints already there."); return; }
        var themes = await db.Themes.Select(t => t.Id).ToListAsync();
        var administrations = await db.Administrations.Select(a => new { a.Id, a.TerritoryId }).ToListAsync();
        var territories = await db.Territories.Select(t => t.Id).ToListAsync();
        var random = new Random(existing + 1);
        var staff = Actor.Staff("bench", "Agent");
        var watch = Stopwatch.StartNew();
        for (var done = existing; done < target;)
        {
            await using var batch = open();
            batch.ChangeTracker.AutoDetectChangesEnabled = false;
            var size = Math.Min(Batch, target - done);
            for (var i = 0; i < size; i++)
            {
                var received = nowUtc.AddMinutes(-random.NextDouble() * 5 * 365 * 24 * 60);
                var administration = administrations[random.Next(administrations.Count)];
                var complaint = Complaint.Submit(new NewComplaint
                {
                    Kind = (SubmissionKind)(random.Next(10) switch { < 8 => 0, 8 => 1, _ => 2 }),
                    Channel = (Channel)(random.Next(10) switch { < 5 => 0, 5 or 6 => 3, var c => c - 6 }),
                    ThemeId = themes[random.Next(themes.Count)], AdministrationId = administration.Id,
                    TerritoryId = administration.TerritoryId ?? territories[random.Next(territories.Count)],
                    Subject = "Réclamation de test", Description = "Générée pour mesurer les tableaux de bord.", ReceivedUtc = received,
                }, $"CH-{received.Year}-{Number(done + i)}", "ABCD-EFGH", LegalDeadlines.Decree, received);
                Advance(complaint, received, random, staff);
                batch.Complaints.Add(complaint);
            }
            if (batch.Database.IsNpgsql()) await PostgresCopy.SaveAsync(batch);
            else await batch.SaveChangesAsync();
            done += size;
            var rate = (done - existing) / Math.Max(0.001, watch.Elapsed.TotalSeconds);
            Console.Write($"\r  {done:N0} / {target:N0} complaints ({100.0 * done / target:0.0} %), {rate:N0}/s, about {(target - done) / rate:N0} s left   ");
        }
        Console.WriteLine();
    }

    private void Advance(Complaint complaint, DateTime received, Random random, Actor staff)
    {
        var at = received.AddDays(random.NextDouble() * 20);
        if (at > nowUtc) return;
        if (random.Next(20) == 0) { complaint.Reject(staff, "Hors compétence", at); return; }
        complaint.Accept(staff, at);
        at = at.AddDays(random.NextDouble() * 120);
        if (at > nowUtc || random.Next(8) == 0) return;
        complaint.Answer(staff, "Traité.", at);
        at = at.AddDays(random.NextDouble() * 30);
        if (at <= nowUtc && random.Next(5) > 0) complaint.Close(staff, at);
    }

    private static string Number(int n)
    {
        var chars = new char[6];
        for (var i = 5; i >= 0; i--, n /= TrackingNumber.Alphabet.Length) chars[i] = TrackingNumber.Alphabet[n % TrackingNumber.Alphabet.Length];
        return new string(chars);
    }
}
