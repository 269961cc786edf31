using Microsoft.AspNetCore.Components.Endpoints;
using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web.Security;

/// <summary>
/// What a signed-in user must do before anything else: set up two-factor sign-in (a role in
/// <see cref="Policies.TwoFactorRequired"/> without it) or change an expired or initial password
/// (<see cref="SecurityOptions.PasswordMaxAgeDays"/>). Decided from the principal's claims alone
/// (<see cref="PortalClaimsPrincipalFactory"/>), so it costs no query.
/// </summary>
public static class AccountGate
{
    public const string TwoFactorSetupPath = "/account/2fa-setup";
    public const string ChangePasswordPath = "/account/change-password";

    /// <summary>The page the user must go to first, or null.</summary>
    public static string? Required(ClaimsPrincipal user, SecurityOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(options);
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        var actor = CurrentActor.FromPrincipal(user);
        if (actor.Roles.Any(Policies.TwoFactorRequired.Contains) && user.FindFirstValue(PortalClaimsPrincipalFactory.TwoFactorClaim) != "1")
        {
            return TwoFactorSetupPath;
        }
        return options.PasswordExpired(PortalClaimsPrincipalFactory.PasswordChangedAt(user), now) ? ChangePasswordPath : null;
    }

    /// <summary>
    /// Middleware (after authentication): a page request of a user who must act first is redirected to the required page;
    /// any other endpoint (API, file download) answers 403. The account pages, sign-out and static files stay reachable.
    /// </summary>
    public static IApplicationBuilder UseAccountGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        var endpoint = context.GetEndpoint();
        if (endpoint is null
            || path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/Error", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/not-found", StringComparison.OrdinalIgnoreCase)
            || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null)
        {
            await next(context);
            return;
        }
        var options = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var required = Required(context.User, options, now);
        if (required is null)
        {
            await next(context);
            return;
        }
        if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            var target = required + "?returnUrl=" + Uri.EscapeDataString(path + context.Request.QueryString);
            context.Response.Redirect(target);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(required == TwoFactorSetupPath
            ? "请先设置双因素登录（身份验证器）后再使用本系统"
            : "密码已过期或为初始密码，请先修改密码");
    });
}
