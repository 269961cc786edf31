using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Identity;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tests.Infrastructure;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Data.Tests.Tenancy;

/// <summary>
/// Identity's rows of an account (roles, claims, external logins, tokens) follow the account's own filter: a signed-in
/// user reads them only for accounts they may see, and the tokens — the authenticator key and recovery codes — only for
/// themselves, unless they are the security administrator (重置双因素登录) or the System actor. The anonymous scope keeps
/// what sign-in needs: the claims step and the second sign-in step (login-2fa) run before anyone is signed in.
/// Demo: two-factor keys for dept.staff, dept.leader, sysadmin, secadmin and auditadmin (DemoSeeder.TwoFactorRoles).
/// </summary>
public abstract class IdentityTenancyTests(ITestDatabaseProvider databases)
{
    private const string AllKeys = "auditadmin,dept.leader,dept.staff,secadmin,sysadmin";

    [ProviderTheory]
    // Before the fix the enterprise read five other accounts' authenticator keys.
    [InlineData("enterprise", "-")]
    [InlineData("bureau.reviewer", "-")]
    [InlineData("expert", "-")]
    [InlineData("agency", "-")]
    // Own key only: the department sees every account but not their second factor; nor does the system administrator.
    [InlineData("dept.staff", "dept.staff")]
    [InlineData("dept.leader", "dept.leader")]
    [InlineData("sysadmin", "sysadmin")]
    [InlineData("auditadmin", "auditadmin")]
    // The security administrator resets two-factor sign-in (lost phone).
    [InlineData("secadmin", AllKeys)]
    // login-2fa verifies the code before the user is signed in.
    [InlineData("anonymous", AllKeys)]
    public async Task UserTokens_EachActor_ReadsOnlyPermittedAuthenticatorKeys(string user, string expected)
    {
        var database = await databases.SharedSeededAsync();
        await using var db = database.Context(DemoActors.For(user));
        var names = await NamesAsync(db);

        var owners = await db.UserTokens.Select(t => t.UserId).ToListAsync();

        Assert.Equal(expected, Join(owners.Select(id => names[id])));
    }

    [ProviderTheory]
    // Role rows follow the accounts the actor may see (TenancyTests.Users_EachActor_SeesPermittedAccounts).
    [InlineData("enterprise", "enterprise")]
    [InlineData("enterprise2", "enterprise2")]
    [InlineData("bureau.reviewer", "bureau.leader,bureau.reviewer")]
    [InlineData("expert", "expert")]
    [InlineData("agency", "agency")]
    [InlineData("auditadmin", "auditadmin")]
    [InlineData("sysadmin", "*")]
    [InlineData("secadmin", "*")]
    [InlineData("dept.staff", "*")]
    // Sign-in builds the principal's role claims before the user is signed in.
    [InlineData("anonymous", "*")]
    public async Task UserRoles_EachActor_FollowTheVisibleAccounts(string user, string expected)
    {
        var database = await databases.SharedSeededAsync();
        await using var db = database.Context(DemoActors.For(user));
        var names = await NamesAsync(db);

        var owners = await db.UserRoles.Select(r => r.UserId).ToListAsync();
        var all = await db.UserRoles.IgnoreQueryFilters().Select(r => r.UserId).ToListAsync();

        Assert.Equal(expected == "*" ? Join(all.Select(id => names[id])) : expected, Join(owners.Select(id => names[id])));
    }

    [ProviderTheory]
    [InlineData("enterprise", "-")]
    [InlineData("enterprise2", "enterprise2")]
    [InlineData("bureau2.reviewer", "-")]
    [InlineData("auditadmin", "-")]
    [InlineData("dept.staff", "dept.leader,enterprise2")]
    [InlineData("secadmin", "dept.leader,enterprise2")]
    [InlineData("anonymous", "dept.leader,enterprise2")]
    public async Task UserClaimsAndLogins_EachActor_FollowTheVisibleAccounts(string user, string expected)
    {
        await using var database = await databases.CreateSeededAsync();
        await using (var system = database.SystemContext())
        {
            var names = await NamesAsync(system);
            foreach (var owner in new[] { "enterprise2", "dept.leader" })
            {
                var id = names.Single(n => n.Value == owner).Key;
                system.UserClaims.Add(new IdentityUserClaim<Guid> { UserId = id, ClaimType = "demo", ClaimValue = owner });
                system.UserLogins.Add(new IdentityUserLogin<Guid> { UserId = id, LoginProvider = "demo", ProviderKey = owner, ProviderDisplayName = owner });
            }
            await system.SaveChangesAsync();
        }

        await using var db = database.Context(DemoActors.For(user));
        var names2 = await NamesAsync(db);

        Assert.Equal(expected, Join((await db.UserClaims.Select(c => c.UserId).ToListAsync()).Select(id => names2[id])));
        Assert.Equal(expected, Join((await db.UserLogins.Select(l => l.UserId).ToListAsync()).Select(id => names2[id])));
    }

    [ProviderTheory]
    // What Identity's store (the one AddEntityFrameworkStores registers) answers about dept.staff, for each actor:
    // sign-in (anonymous: password step, then login-2fa) must find the key and the roles; the user themself (2FA set-up,
    // security-stamp validation) and the security administrator (reset) find the key; nobody else does.
    [InlineData("anonymous", true, true)]
    [InlineData("dept.staff", true, true)]
    [InlineData("secadmin", true, true)]
    [InlineData("dept.leader", false, true)]
    [InlineData("sysadmin", false, true)]
    [InlineData("enterprise", false, false)]
    [InlineData("auditadmin", false, false)]
    public async Task IdentityStore_EachActor_ReadsKeyAndRolesOfAnotherAccountOnlyWhenAllowed(string user, bool readsKey, bool readsRoles)
    {
        var database = await databases.SharedSeededAsync();
        await using var db = database.Context(DemoActors.For(user));
        var target = await db.Users.IgnoreQueryFilters().AsNoTracking().SingleAsync(u => u.UserName == "dept.staff");
        using var store = new UserStore<AppUser, AppRole, RecognitionDbContext, Guid>(db);

        var key = await store.GetAuthenticatorKeyAsync(target, CancellationToken.None);
        var roles = await store.GetRolesAsync(target, CancellationToken.None);

        string[] expectedRoles = readsRoles ? [RoleNames.Of(ActorRole.DepartmentStaff)] : [];
        Assert.Equal(readsKey ? DemoSeeder.DemoAuthenticatorKey : null, key);
        Assert.Equal(expectedRoles, roles);
    }

    /// <summary>User names by id, read past the filter (test bookkeeping only).</summary>
    private static Task<Dictionary<Guid, string>> NamesAsync(RecognitionDbContext db) =>
        db.Users.IgnoreQueryFilters().ToDictionaryAsync(u => u.Id, u => u.UserName!);

    private static string Join(IEnumerable<string> items)
    {
        var list = items.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "-" : string.Join(",", list);
    }
}

public sealed class SqliteIdentityTenancyTests() : IdentityTenancyTests(SqliteDatabases.Instance);

[RequiresPostgres]
[Collection(PostgresServer.CollectionName)]
public sealed class PostgresIdentityTenancyTests(PostgresServer server) : IdentityTenancyTests(PostgresDatabases.For(server));
