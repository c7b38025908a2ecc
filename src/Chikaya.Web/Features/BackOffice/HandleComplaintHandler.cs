using Chikaya.Domain.Complaints;
using Chikaya.Web.Data;
using Chikaya.Web.Infrastructure.Files;
using Chikaya.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Chikaya.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Features.BackOffice;

public enum ComplaintAction
{
    Accept,
    Reject,
    Transfer,
    Assign,
    TakeOver,
    RequestInformation,
    Answer,
    Close,
    Note,
}

public sealed record HandleComplaintCommand(string Number, ComplaintAction Action, int Version, string? Text = null,
    int? AdministrationId = null, string? AssigneeId = null, IReadOnlyList<IncomingFile>? Files = null);

public enum HandleOutcome { Done, NotFound, Invalid, Conflict }

public sealed record HandleComplaintResult(HandleOutcome Outcome, IReadOnlyList<(string Field, string Code)> Errors)
{
    public static readonly HandleComplaintResult Done = new(HandleOutcome.Done, []);
    public static readonly HandleComplaintResult NotFound = new(HandleOutcome.NotFound, []);
    public static readonly HandleComplaintResult Conflict = new(HandleOutcome.Conflict, [("", "complaint.concurrency")]);

    public static HandleComplaintResult Invalid(string field, string code) => new(HandleOutcome.Invalid, [(field, code)]);
}

/// <summary>Every decision staff take on a complaint: one entry point for the back-office page and the API.</summary>
public sealed class HandleComplaintHandler(AppDbContext db, UserManager<AppUser> users, AttachmentIntake intake,
    IOptions<DeadlineOptions> deadlines, TimeProvider clock, ILogger<HandleComplaintHandler> logger)
{
    public async Task<HandleComplaintResult> HandleAsync(StaffScope scope, HandleComplaintCommand command, CancellationToken ct)
    {
        // every line logged while handling carries the tracking number
        using var _ = logger.BeginScope(new Dictionary<string, object> { ["TrackingNumber"] = command.Number });
        var result = await HandleInScopeAsync(scope, command, ct);
        logger.LogInformation("{Action} by {User}: {Outcome}", command.Action, scope.UserId, result.Outcome);
        return result;
    }

    private async Task<HandleComplaintResult> HandleInScopeAsync(StaffScope scope, HandleComplaintCommand command, CancellationToken ct)
    {
        var complaint = await scope.Filter(db.Complaints).Include(c => c.Events).Include(c => c.Attachments)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.TrackingNumber == command.Number, ct);
        if (complaint is null) return HandleComplaintResult.NotFound;
        if (!scope.CanAct) return HandleComplaintResult.Invalid("", "complaint.action.read-only");
        if (complaint.Version != command.Version) return HandleComplaintResult.Conflict;

        var now = clock.GetUtcNow().UtcDateTime;
        var stored = new List<Attachment>();
        try
        {
            switch (command.Action)
            {
                case ComplaintAction.Accept: complaint.Accept(scope.Actor, now); break;
                case ComplaintAction.Reject: complaint.Reject(scope.Actor, command.Text ?? "", now); break;
                case ComplaintAction.Transfer:
                    if (command.AdministrationId is not { } to || !await db.Administrations.AnyAsync(a => a.Id == to && a.IsActive, ct))
                        return HandleComplaintResult.Invalid("administrationId", "complaint.transfer.administration-required");
                    complaint.Transfer(scope.Actor, to, command.Text ?? "", now);
                    break;
                case ComplaintAction.TakeOver: complaint.Assign(scope.Actor, scope.UserId, scope.Name, now); break;
                case ComplaintAction.Assign:
                    var handler = command.AssigneeId is null ? null : await users.FindByIdAsync(command.AssigneeId);
                    if (handler?.AdministrationId != complaint.AdministrationId)
                        return HandleComplaintResult.Invalid("assigneeId", "complaint.assign.handler-unknown");
                    complaint.Assign(scope.Actor, handler.Id, handler.FullName, now);
                    break;
                case ComplaintAction.RequestInformation:
                    complaint.RequestInformation(scope.Actor, command.Text ?? "", now, deadlines.Value.PauseWhileAwaitingInformation);
                    break;
                case ComplaintAction.Answer:
                    var files = command.Files ?? [];
                    var errors = await intake.CheckAsync(files);
                    if (errors.Count > 0) return new HandleComplaintResult(HandleOutcome.Invalid, errors);
                    if (!complaint.Status.IsBeingHandled()) throw new ComplaintRuleException("complaint.answer.not-accepted");
                    if (string.IsNullOrWhiteSpace(command.Text)) throw new ComplaintRuleException("complaint.answer.text-required", "answer");
                    stored = await intake.StoreAsync(files, ActorKind.Staff, isPublic: true, ct);
                    complaint.Answer(scope.Actor, command.Text, now, stored);
                    break;
                case ComplaintAction.Close: complaint.Close(scope.Actor, now); break;
                case ComplaintAction.Note: complaint.AddInternalNote(scope.Actor, command.Text ?? "", now); break;
            }
            await db.SaveChangesAsync(ct);
            return HandleComplaintResult.Done;
        }
        catch (ComplaintRuleException rule)
        {
            await intake.DiscardAsync(stored);
            return HandleComplaintResult.Invalid(rule.Field ?? "", rule.Code);
        }
        catch (DbUpdateConcurrencyException)
        {
            await intake.DiscardAsync(stored);
            return HandleComplaintResult.Conflict;
        }
    }
}
