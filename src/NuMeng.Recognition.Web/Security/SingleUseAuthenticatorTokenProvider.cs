using OtpNet;

namespace NuMeng.Recognition.Web.Security;

/// <summary>
/// The authenticator (RFC 6238 TOTP) check of Identity, with each code accepted once (等保三级: a one-time password is
/// one-time): the time step of the last accepted code is kept in the user's token store and a code of that step or an
/// earlier one is refused, even inside the allowed clock drift of ±2 steps. The clock is wall-clock time
/// (<see cref="TimeProvider.System"/>), deliberately not the portal's business clock: the code comes from the user's phone,
/// which keeps real time even when a test moves the portal's dates. Registered as Identity's authenticator provider
/// (<see cref="Name"/>), so the sign-in and the set-up page both use it.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "NuMengAuthenticator";

    /// <summary>Token store entry holding the last accepted time step.</summary>
    public const string LoginProvider = "[NuMengAuthenticator]";
    public const string LastStepToken = "LastAcceptedStep";

    private static readonly VerificationWindow Drift = new(previous: 2, future: 2);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>Codes come from the user's app, never from the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || string.IsNullOrEmpty(token) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(TimeProvider.System.GetUtcNow().UtcDateTime, token, out var step, Drift))
        {
            return false;
        }
        var last = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepToken);
        if (long.TryParse(last, NumberStyles.Integer, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep)
        {
            return false;
        }
        // Saved with the user's concurrency stamp: of two requests racing with the same code, one fails here.
        var saved = await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepToken, step.ToString(CultureInfo.InvariantCulture));
        return saved.Succeeded;
    }
}
