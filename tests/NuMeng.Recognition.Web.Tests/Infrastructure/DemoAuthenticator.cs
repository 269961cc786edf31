using NuMeng.Recognition.Data.Seeding;

namespace NuMeng.Recognition.Web.Tests.Infrastructure;

/// <summary>The base32 authenticator keys of the demo accounts that sign in with two factors (DEMO-ACCOUNTS.md).</summary>
internal static class DemoAuthenticator
{
    /// <summary>The documented key of <paramref name="userName"/>, or null for an account without two-factor sign-in.</summary>
    public static string? KeyOf(string userName)
    {
        var account = DemoSeeder.Accounts.SingleOrDefault(a => a.UserName == userName);
        return account is not null && DemoSeeder.TwoFactorRoles.Contains(account.Role) ? DemoSeeder.DemoAuthenticatorKey : null;
    }
}
