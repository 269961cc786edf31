using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace NuMeng.Recognition.Web.Security;

/// <summary>
/// The session rules of 等保三级 on the sign-in cookie (ADR 0007):
/// <list type="bullet">
/// <item>an absolute lifetime (<see cref="SecurityOptions.AbsoluteSessionHours"/>) counted from the sign-in, which neither
/// sliding renewal nor a refresh of the principal moves (the sign-in time travels as a claim and as a ticket property);</item>
/// <item>the security stamp is compared on every request, so a session ended on the server (sign-out, password change,
/// deactivation, two-factor reset — each renews the stamp) is refused at its very next request, not a minute later.</item>
/// </list>
/// </summary>
public static class SessionLifetime
{
    /// <summary>Claim and ticket property: when the user gave the password (UTC, Unix seconds).</summary>
    public const string SignedInAtClaim = "numeng:signed_in_at";

    /// <summary>When the session of <paramref name="principal"/> began, or null (no claim).</summary>
    public static DateTimeOffset? SignedInAt(ClaimsPrincipal? principal) =>
        Parse(principal?.FindFirstValue(SignedInAtClaim));

    /// <summary>True when the session of <paramref name="principal"/> is older than the absolute lifetime (or has no start).</summary>
    public static bool Expired(ClaimsPrincipal? principal, SecurityOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SignedInAt(principal) is not { } start || now - start >= options.AbsoluteSessionLifetime;
    }

    /// <summary>Wires the cookie events: the sign-in time on sign-in, the lifetime and stamp on every request.</summary>
    public static void Configure(CookieAuthenticationOptions cookie)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        cookie.Events.OnSigningIn = SigningInAsync;
        cookie.Events.OnValidatePrincipal = ValidatePrincipalAsync;
    }

    /// <summary>Keeps the sign-in time when Identity's validator refreshes the principal from the database.</summary>
    public static void KeepSignInTime(SecurityStampValidatorOptions stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        stamp.OnRefreshingPrincipal = context =>
        {
            var signedIn = context.CurrentPrincipal?.FindFirst(SignedInAtClaim);
            if (signedIn is not null && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SignedInAtClaim))
            {
                identity.AddClaim(new Claim(SignedInAtClaim, signedIn.Value));
            }
            return Task.CompletedTask;
        };
    }

    private static Task SigningInAsync(CookieSigningInContext context)
    {
        // A new sign-in starts the clock; a refresh (RefreshSignInAsync after a password change) keeps the ticket's
        // properties and so the original start.
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var value = context.Properties.Items.TryGetValue(SignedInAtClaim, out var kept) && Parse(kept) is not null
            ? kept!
            : context.Principal?.FindFirstValue(SignedInAtClaim) ?? Format(time.GetUtcNow());
        context.Properties.Items[SignedInAtClaim] = value;
        if (context.Principal?.Identity is ClaimsIdentity identity)
        {
            foreach (var old in identity.FindAll(SignedInAtClaim).ToList())
            {
                identity.RemoveClaim(old);
            }
            identity.AddClaim(new Claim(SignedInAtClaim, value));
        }
        return Task.CompletedTask;
    }

    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (Expired(context.Principal, options, now))
        {
            await RejectAsync(context);
            return;
        }
        // Static files (CSS, scripts, images) are public: no database read for them.
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null)
        {
            return;
        }
        // The stamp on every other request (one indexed read): a session ended on the server is refused at once.
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var identityOptions = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var user = context.Principal is null ? null : await users.GetUserAsync(context.Principal);
        var stamp = context.Principal?.FindFirstValue(identityOptions.ClaimsIdentity.SecurityStampClaimType);
        if (user is null || !user.IsActive || stamp is null || stamp != await users.GetSecurityStampAsync(user))
        {
            await RejectAsync(context);
            return;
        }
        // Identity's own validator (at its interval) refreshes the claims (roles, organisation) from the database.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private static string Format(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset? Parse(string? value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
