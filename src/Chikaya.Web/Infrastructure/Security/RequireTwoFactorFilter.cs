using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Chikaya.Web.Infrastructure.Security;

/// <summary><c>Chikaya:Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Chikaya:Security";

    /// <summary>Staff and administrators must turn on an authenticator app before using the back office.</summary>
    public bool RequireTwoFactorForStaff { get; set; }
}

/// <summary>On the back office and administration pages: without two-factor sign-in turned on, go and turn it on first.</summary>
public sealed class RequireTwoFactorFilter(IOptions<SecurityOptions> options) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (options.Value.RequireTwoFactorForStaff && user.Identity?.IsAuthenticated == true && !user.HasClaim(c => c.Type == ChikayaClaims.TwoFactor))
        {
            context.Result = new RedirectResult("/account/two-factor");
            return;
        }
        await next();
    }
}
