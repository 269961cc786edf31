using Microsoft.AspNetCore.Components.Server;

namespace NuMeng.Recognition.Web.Security;

/// <summary>
/// The authentication state of an interactive circuit, re-checked every minute against the database (as the Identity
/// template does): a changed security stamp (password changed, two-factor reset, account deactivated) signs the circuit
/// out, and so does the end of the absolute session lifetime (<see cref="SecurityOptions.AbsoluteSessionHours"/>). Idle circuits are ended by <see cref="IdleCircuitHandler"/>.
/// </summary>
public sealed class RevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options,
    IOptions<SecurityOptions> security,
    TimeProvider time)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        // The absolute session lifetime holds in an open circuit too (it makes no HTTP requests that the cookie check sees).
        if (SessionLifetime.Expired(authenticationState.User, security.Value, time.GetUtcNow()))
        {
            return false;
        }
        // A new scope: its DbContext acts for nobody in particular (anonymous), which may look up accounts by id.
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principal = authenticationState.User;
        var user = await users.GetUserAsync(principal);
        if (user is null || !user.IsActive)
        {
            return false;
        }
        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }
        var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        var userStamp = await users.GetSecurityStampAsync(user);
        return principalStamp == userStamp;
    }
}
