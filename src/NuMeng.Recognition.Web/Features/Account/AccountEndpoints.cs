using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using NuMeng.Recognition.Web.Security;

namespace NuMeng.Recognition.Web.Features.Account;

/// <summary>
/// Account endpoints that are not pages: sign-out (POST with the antiforgery token, never a GET link), which renews the
/// security stamp so that the session ends on the server too (ADR 0007).
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // The antiforgery token is checked here rather than by the automatic form check: a refusal then gets a Chinese
        // 400 body (the automatic one is re-executed by the status-code pages as a POST to /not-found).
        app.MapPost("/account/logout", async (
            HttpContext context,
            ClaimsPrincipal user,
            [FromServices] IAntiforgery antiforgery,
            [FromServices] SignInManager<AppUser> signIn,
            [FromServices] UserManager<AppUser> users,
            [FromServices] SecurityAudit audit) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Text("请求无效：缺少或错误的防伪令牌，请刷新页面后再点击“退出”。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }
            var returnUrl = context.Request.Form["returnUrl"].ToString();
            if (user.Identity?.IsAuthenticated == true)
            {
                await audit.RecordAsAsync(user, new AuditEvent("user.logout", "User", user.FindFirstValue(ClaimTypes.NameIdentifier)));
                // The session ends on the server, not only in this browser: a new security stamp makes every copy of the
                // old cookie (another tab, a stolen copy) invalid at its next request (SessionLifetime).
                if (await users.GetUserAsync(user) is { } account)
                {
                    await users.UpdateSecurityStampAsync(account);
                }
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect(AccountRedirect.IsLocal(returnUrl) ? returnUrl : "/account/login?reason=signed-out");
        }).DisableAntiforgery().WithName("Logout").ExcludeFromDescription();
        return app;
    }
}
