using Microsoft.AspNetCore.Authentication;

namespace NuMeng.Recognition.Web.Security;

/// <summary>
/// Identity's sign-in manager, plus:
/// <list type="bullet">
/// <item>a deactivated account (<see cref="AppUser.IsActive"/> false, set by an administrator) cannot sign in;
/// deactivating also renews the security stamp, which ends open sessions at their next request (<see cref="SessionLifetime"/>);</item>
/// <item>an unknown user name costs the same password-hash work as a wrong password (checked against a dummy hash), so
/// the answer's timing does not tell which user names exist; the message is the same too (the sign-in page);</item>
/// <item>the roles that must sign in with two factors (<see cref="Policies.TwoFactorRequired"/>) never get the
/// "remember this device" cookie, and such a cookie, if present, is ignored for them.</item>
/// </list>
/// </summary>
public sealed class PortalSignInManager : SignInManager<AppUser>
{
    private static string? _dummyHash;

    public PortalSignInManager(
        UserManager<AppUser> userManager,
        IHttpContextAccessor contextAccessor,
        IUserClaimsPrincipalFactory<AppUser> claimsFactory,
        IOptions<IdentityOptions> optionsAccessor,
        ILogger<SignInManager<AppUser>> logger,
        IAuthenticationSchemeProvider schemes,
        IUserConfirmation<AppUser> confirmation)
        : base(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
    {
    }

    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsActive && await base.CanSignInAsync(user);
    }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            // The same hash work as a wrong password (Identity returns at once here): no user-name probing by timing.
            var hasher = UserManager.PasswordHasher;
            var dummy = _dummyHash ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString("N"));
            hasher.VerifyHashedPassword(new AppUser(), dummy, password ?? string.Empty);
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task RememberTwoFactorClientAsync(AppUser user)
    {
        if (!await MustUseTwoFactorAsync(user))
        {
            await base.RememberTwoFactorClientAsync(user);
        }
    }

    public override async Task<bool> IsTwoFactorClientRememberedAsync(AppUser user) =>
        !await MustUseTwoFactorAsync(user) && await base.IsTwoFactorClientRememberedAsync(user);

    /// <summary>True when a role of <paramref name="user"/> must sign in with two factors every time.</summary>
    public async Task<bool> MustUseTwoFactorAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var roles = await UserManager.GetRolesAsync(user);
        return roles.Any(name => RoleNames.TryParse(name, out var role) && Policies.TwoFactorRequired.Contains(role));
    }
}
