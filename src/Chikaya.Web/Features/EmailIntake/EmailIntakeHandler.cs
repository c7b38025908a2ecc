using Chikaya.Domain.Citizens;
using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Features.Portal.SubmitComplaint;
using Chikaya.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Chikaya.Web.Features.EmailIntake;

/// <summary>
/// A message to the complaints mailbox. A reply whose subject carries the tracking number of one of the sender's
/// complaints is added to it; any other message becomes a complaint, and its receipt e-mail is the automatic reply.
/// </summary>
public sealed class EmailIntakeHandler(AppDbContext db, SubmitComplaintHandler filing, AttachmentIntake intake,
    IOptions<EmailIntakeOptions> options, TimeProvider clock, ILogger<EmailIntakeHandler> logger)
{
    public async Task<string> HandleAsync(MimeMessage message, CancellationToken ct)
    {
        var sender = message.From.Mailboxes.FirstOrDefault();
        var email = ContactRules.NormalizeEmail(sender?.Address);
        var text = (message.TextBody ?? HtmlToText(message.HtmlBody) ?? "").Trim();
        var files = message.Attachments.OfType<MimePart>().Select(ToFile).ToList();
        if (await ReplyToAsync(message.Subject, email) is { } complaint)
            return await AddToAsync(complaint, sender?.Name, text, files, ct);

        var themeId = await db.Themes.Where(t => t.Code == options.Value.ThemeCode).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        var subject = string.IsNullOrWhiteSpace(message.Subject) ? text.Split('\n')[0] : message.Subject.Trim();
        var result = await filing.HandleAsync(new SubmitComplaintCommand
        {
            Channel = Channel.Email, ThemeId = themeId, Subject = Truncate(subject, NewComplaint.MaxSubjectLength),
            Description = Truncate(text, NewComplaint.MaxDescriptionLength), ContactName = Truncate(sender?.Name, NewComplaint.MaxNameLength),
            ContactEmail = email, Files = files, IdempotencyKey = message.MessageId is { Length: > 0 and <= 90 } id ? "email:" + id : null,
            // the address the message came from, and where the receipt goes: the e-mail channel's identifier
            Citizen = new CitizenIdentity { Email = email, Name = sender?.Name },
        }, ct);
        return result switch
        {
            SubmitComplaintResult.Filed filed => filed.Complaint.TrackingNumber,
            SubmitComplaintResult.Invalid invalid => throw new InvalidDataException(string.Join(", ", invalid.Errors.Select(e => e.Code))),
            _ => throw new InvalidOperationException(),
        };
    }

    private async Task<Complaint?> ReplyToAsync(string? subject, string? email)
    {
        if (email is null || subject is null) return null;
        var match = System.Text.RegularExpressions.Regex.Match(subject, @"CH-\d{4}-[A-Z0-9]{6}", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        var number = match.Success ? TrackingNumber.Normalize(match.Value) : null;
        if (number is null) return null;
        return await db.Complaints.Include(c => c.Events).Include(c => c.Attachments).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.TrackingNumber == number && c.ContactEmail == email);
    }

    private async Task<string> AddToAsync(Complaint complaint, string? name, string text, IReadOnlyList<IncomingFile> files, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var citizen = Actor.Citizen(complaint.CitizenUserId, name ?? complaint.ContactName);
        var errors = await intake.CheckAsync(files);
        if (errors.Count > 0) throw new InvalidDataException(string.Join(", ", errors.Select(e => e.Code)));
        var stored = await intake.StoreAsync(files, ActorKind.Citizen, isPublic: true, ct);
        try
        {
            var said = Truncate(text, NewComplaint.MaxDescriptionLength)!;
            if (said.Length > 0 && complaint.Status == ComplaintStatus.AwaitingInformation) complaint.ProvideInformation(citizen, said, now);
            else if (said.Length > 0) complaint.AddCitizenMessage(citizen, said, now);
            if (stored.Count > 0) complaint.AddDocuments(citizen, stored, now);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await intake.DiscardAsync(stored);
            throw;
        }
        logger.LogInformation("E-mail reply added to {TrackingNumber}", complaint.TrackingNumber);
        return complaint.TrackingNumber;
    }

    private static IncomingFile ToFile(MimePart part)
    {
        var bytes = new MemoryStream();
        part.Content?.DecodeTo(bytes);
        var content = bytes.ToArray();
        return new IncomingFile(part.FileName ?? "document", content.Length, () => new MemoryStream(content));
    }

    private static string? HtmlToText(string? html) => html is null ? null
        : System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " "));

    private static string? Truncate(string? text, int length) => text is null ? null : text.Length <= length ? text : text[..length];
}
