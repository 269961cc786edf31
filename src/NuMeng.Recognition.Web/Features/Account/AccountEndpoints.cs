using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Identity;
using NuMeng.Recognition.Web.Security;

namespace NuMeng.Recognition.Web.Features.Account;

/// <summary>Account endpoints that are not pages: sign-out (POST with the antiforgery token, never a GET link).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // [FromForm] makes the endpoint validate the antiforgery token (UseAntiforgery).
        app.MapPost("/account/logout", async (
            ClaimsPrincipal user,
            [FromServices] SignInManager<AppUser> signIn,
            [FromServices] SecurityAudit audit,
            [FromForm(Name = "returnUrl")] string? returnUrl) =>
        {
            if (user.Identity?.IsAuthenticated == true)
            {
                await audit.RecordAsAsync(user, new AuditEvent("user.logout", "User", user.FindFirstValue(ClaimTypes.NameIdentifier)));
            }
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(AccountRedirect.IsLocal(returnUrl) ? returnUrl! : "/account/login?reason=signed-out");
        }).WithName("Logout").ExcludeFromDescription();
        return app;
    }
}
