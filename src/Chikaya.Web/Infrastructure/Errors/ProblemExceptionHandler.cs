using Chikaya.Domain.Complaints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chikaya.Web.Infrastructure.Errors;

/// <summary>
/// Turns what goes wrong into an answer the caller can act on, in their language: a refused rule is a
/// 409 with its stable code, malformed input is a 400, two people editing at once is a 409. Never a 500
/// for something the caller did.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, IStringLocalizer t,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, code) = Classify(exception, context);
        if (status >= 500) logger.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
        else logger.LogInformation("Refused {Path}: {Code} ({Message})", context.Request.Path, code, exception.Message);
        if (context.Response.HasStarted || status == 499) return true;
        // pages get the friendly error page, re-executed by the middleware with this status
        if (!IsApi(context.Request.Path)) return false;

        context.Response.StatusCode = status;
        if (context.Request.Path.StartsWithSegments(Features.Open311.Open311Endpoints.Prefix))
        {
            await Features.Open311.Open311Format.Error(Features.Open311.Open311Format.Of(context.Request.Path), status, t[code]).ExecuteAsync(context);
            return true;
        }
        var problem = new ProblemDetails { Status = status, Title = t[code], Type = $"https://chikaya.ma/problems/{code}" };
        problem.Extensions["code"] = code;
        if (exception is ComplaintRuleException { Field: { } field }) problem.Extensions["field"] = field;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/open311") || path.StartsWithSegments("/health");

    public static int StatusOf(Exception exception) => exception switch
    {
        ComplaintRuleException or DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static (int Status, string Code) Classify(Exception exception, HttpContext context) => exception switch
    {
        ComplaintRuleException rule => (StatusCodes.Status409Conflict, rule.Code),
        DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "complaint.concurrency"),
        BadHttpRequestException bad => (bad.StatusCode, "request.invalid"),
        OperationCanceledException when context.RequestAborted.IsCancellationRequested => (499, "request.cancelled"),
        _ => (StatusCodes.Status500InternalServerError, "server.error"),
    };
}
