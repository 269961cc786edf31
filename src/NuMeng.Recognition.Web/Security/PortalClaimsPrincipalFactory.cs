namespace NuMeng.Recognition.Web.Security;

/// <summary>
/// Wraps the data layer's <see cref="AppUserClaimsPrincipalFactory"/> (organisation, 盟市, expert claims) and adds the
/// two facts <see cref="AccountGate"/> needs on every request without a database query: when the password was last set
/// and whether two-factor sign-in is on. The principal is rebuilt at sign-in, on <c>RefreshSignInAsync</c> and at every
/// security-stamp validation, so the facts stay current.
/// </summary>
public sealed class PortalClaimsPrincipalFactory(AppUserClaimsPrincipalFactory inner) : IUserClaimsPrincipalFactory<AppUser>
{
    /// <summary>UTC ticks of <see cref="AppUser.PasswordChangedAt"/>, or "none" (initial password set by an administrator).</summary>
    public const string PasswordChangedClaim = "numeng:pwd_changed";

    /// <summary>"1" when the account signs in with an authenticator app.</summary>
    public const string TwoFactorClaim = "numeng:2fa";

    public async Task<ClaimsPrincipal> CreateAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var principal = await inner.CreateAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(PasswordChangedClaim,
            user.PasswordChangedAt is { } at ? at.UtcTicks.ToString(CultureInfo.InvariantCulture) : "none"));
        identity.AddClaim(new Claim(TwoFactorClaim, user.TwoFactorEnabled ? "1" : "0"));
        return principal;
    }

    /// <summary>Reads <see cref="PasswordChangedClaim"/> back.</summary>
    public static DateTimeOffset? PasswordChangedAt(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var value = principal.FindFirstValue(PasswordChangedClaim);
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;
    }
}
