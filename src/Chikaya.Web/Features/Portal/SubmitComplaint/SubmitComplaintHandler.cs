using System.Security.Cryptography;
using System.Text;
using Chikaya.Domain.Citizens;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Features.Citizens;
using Chikaya.Web.Features.Deadlines;
using Chikaya.Web.Data;
using Chikaya.Web.Infrastructure.Files;
using Chikaya.Web.Infrastructure.Telemetry;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Chikaya.Web.Features.Portal.SubmitComplaint;

public sealed record SubmitComplaintCommand
{
    public SubmissionKind Kind { get; init; } = SubmissionKind.Complaint;
    public Channel Channel { get; init; } = Channel.Web;
    public int? ThemeId { get; init; }
    public int? AdministrationId { get; init; }
    public string? TerritoryCode { get; init; }
    public string? Subject { get; init; }
    public string? Description { get; init; }
    public string Language { get; init; } = "fr";
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Address { get; init; }
    public string? CitizenUserId { get; init; }
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactPhone { get; init; }
    public string? PostalAddress { get; init; }

    /// <summary>Only the identifiers the channel verified: they find or open the citizen's record.</summary>
    public CitizenIdentity? Citizen { get; init; }

    /// <summary>When the administration received it, if earlier than now: a letter's date at the mail office.</summary>
    public DateTime? ReceivedUtc { get; init; }

    public string? ExternalReference { get; init; }
    public Actor? RegisteredBy { get; init; }
    public IReadOnlyList<IncomingFile> Files { get; init; } = [];
    public string? IdempotencyKey { get; init; }
}

public abstract record SubmitComplaintResult
{
    public sealed record Filed(Complaint Complaint, string SecretCode, bool Replayed) : SubmitComplaintResult;

    public sealed record Invalid(IReadOnlyList<(string Field, string Code)> Errors) : SubmitComplaintResult;
}

/// <summary>Files a complaint from any channel: the portal form, the JSON API, Open311, the call centre, the mail office, e-mail, chat.</summary>
public sealed class SubmitComplaintHandler(AppDbContext db, ComplaintRouter router, AttachmentIntake intake, CitizenDirectory citizens,
    DeadlineRulesProvider deadlines, FilingGate gate, FilingWriter writer, TimeProvider clock, IDataProtectionProvider protection, ComplaintMetrics metrics,
    ILogger<SubmitComplaintHandler> logger)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Chikaya.Idempotency");

    public async Task<SubmitComplaintResult> HandleAsync(SubmitComplaintCommand command, CancellationToken ct)
    {
        using var turn = await gate.EnterAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var requestHash = Fingerprint(command);
        if (await ReplayAsync(command.IdempotencyKey, requestHash, ct) is { } replay) return replay;

        var (route, routeErrors) = await router.ResolveAsync(command.ThemeId, command.AdministrationId, command.TerritoryCode, ct);
        var input = new NewComplaint
        {
            Kind = command.Kind,
            Channel = command.Channel,
            ThemeId = command.ThemeId ?? 0,
            AdministrationId = route?.AdministrationId ?? 0,
            TerritoryId = route?.TerritoryId,
            Subject = command.Subject ?? "",
            Description = command.Description ?? "",
            Language = command.Language,
            Latitude = command.Latitude,
            Longitude = command.Longitude,
            Address = command.Address,
            CitizenUserId = command.CitizenUserId,
            ContactName = command.ContactName,
            ContactEmail = command.ContactEmail,
            ContactPhone = command.ContactPhone,
            PostalAddress = command.PostalAddress,
            ReceivedUtc = command.ReceivedUtc,
            ExternalReference = command.ExternalReference,
            RegisteredBy = command.RegisteredBy,
        };
        var errors = routeErrors.Concat(input.Validate(now)).Concat(await intake.CheckAsync(command.Files)).ToList();
        if (errors.Count > 0) return new SubmitComplaintResult.Invalid(errors);

        var attachments = await intake.StoreAsync(command.Files, ActorKind.Citizen, isPublic: true, ct);
        try
        {
            var rules = await deadlines.GetAsync(db, ct);
            var citizen = await citizens.FindOrCreateAsync(command.Citizen, now, ct);
            input = input with { CitizenId = citizen?.Id };
            for (var attempt = 1; ; attempt++)
            {
                var number = TrackingNumber.New(now);
                var code = SecretCode.New();
                var complaint = Complaint.Submit(input, number, code, rules.For(input.ThemeId, input.AdministrationId), now, attachments);
                db.Complaints.Add(complaint);
                var record = command.IdempotencyKey is { } key
                    ? db.IdempotencyRecords.Add(new IdempotencyRecord
                    {
                        Key = key, ComplaintId = complaint.Id, TrackingNumber = number, RequestHash = requestHash,
                        ProtectedSecretCode = _protector.Protect(code), CreatedUtc = now,
                    }).Entity
                    : null;
                try
                {
                    await writer.SaveAsync(db, number, ct);
                }
                catch (TrackingNumberTakenException) when (attempt < 5)
                {
                    // another complaint has this number (a chance in hundreds of millions): the same filing under another
                    Forget(complaint, record);
                    continue;
                }
                metrics.Filed(input.Channel, input.Kind);
                using (logger.BeginScope(new Dictionary<string, object> { ["TrackingNumber"] = number }))
                    logger.LogInformation("Filed through {Channel} for administration {Administration}", input.Channel, input.AdministrationId);
                return new SubmitComplaintResult.Filed(complaint, code, Replayed: false);
            }
        }
        catch (DbUpdateException) when (command.IdempotencyKey is not null)
        {
            // the same key arrived twice at once: the other request won, answer with its complaint
            await intake.DiscardAsync(attachments);
            db.ChangeTracker.Clear();
            return await ReplayAsync(command.IdempotencyKey, requestHash, ct) ?? throw new InvalidOperationException("Idempotency race lost without a record.");
        }
        catch
        {
            await intake.DiscardAsync(attachments);
            throw;
        }
    }

    private async Task<SubmitComplaintResult?> ReplayAsync(string? key, string requestHash, CancellationToken ct)
    {
        if (key is null) return null;
        var record = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
        if (record is null) return null;
        if (record.RequestHash != requestHash)
            return new SubmitComplaintResult.Invalid([("idempotencyKey", "idempotency.key-reused")]);
        var complaint = await db.Complaints.AsNoTracking().Include(c => c.Events).Include(c => c.Attachments)
            .FirstAsync(c => c.Id == record.ComplaintId, ct);
        return new SubmitComplaintResult.Filed(complaint, _protector.Unprotect(record.ProtectedSecretCode), Replayed: true);
    }

    private void Forget(Complaint complaint, IdempotencyRecord? record)
    {
        db.Entry(complaint).State = EntityState.Detached;
        foreach (var step in complaint.Events) db.Entry(step).State = EntityState.Detached;
        foreach (var attachment in complaint.Attachments) db.Entry(attachment).State = EntityState.Detached;
        if (record is not null) db.Entry(record).State = EntityState.Detached;
    }

    private static string Fingerprint(SubmitComplaintCommand c)
    {
        var text = string.Join('\u001f', c.Kind, c.ThemeId, c.AdministrationId, c.TerritoryCode, c.Subject,
            c.Description, c.CitizenUserId, c.ContactEmail, c.Files.Count);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
