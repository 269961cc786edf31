using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using NuMeng.Recognition.Data.Identity;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Security;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Account;

/// <summary>
/// A production start (no demo) gets its first administrators from Security:Bootstrap: created once, in the department,
/// with an initial password that must be changed, and two-factor sign-in to set up before anything else.
/// </summary>
public sealed class AdministratorBootstrapTests : IDisposable
{
    private const string InitialPassword = "Boot@2026!ok";

    private readonly PortalFactory _portal = new(new PortalOptions
    {
        SeedDemo = false,
        Settings = new Dictionary<string, string?>
        {
            ["Security:Bootstrap:SystemAdministrator"] = "admin.sys",
            ["Security:Bootstrap:AuditAdministrator"] = "admin.audit",
            ["Security:Bootstrap:InitialPassword"] = InitialPassword,
        },
    });

    [Fact]
    public async Task Start_WithoutDemo_CreatesConfiguredAdministratorsOnceAndForcesSetup()
    {
        using var client = new AccountClient(_portal);

        var location = await client.SignInAsync("admin.sys", InitialPassword, authenticatorKey: null);
        var workspace = await client.GetAsync(location);

        Assert.Equal("/workspace", location);
        Assert.StartsWith("/account/2fa-setup", workspace.Location, StringComparison.Ordinal);
        var accounts = await AccountTestData.QueryAsync(_portal, db => db.Users.Select(u => u.UserName).OrderBy(n => n).ToListAsync());
        Assert.Equal(["admin.audit", "admin.sys"], accounts);
        var again = await AdministratorBootstrap.RunAsync(_portal.Services, new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Security:Bootstrap:SystemAdministrator"] = "admin.sys2",
                ["Security:Bootstrap:SecurityAdministrator"] = "admin.sec",
                ["Security:Bootstrap:InitialPassword"] = InitialPassword,
            }).Build());
        Assert.Equal(["admin.sec"], again);
        var roles = await AccountTestData.QueryAsync(_portal, db => (from ur in db.UserRoles
                                                                    join r in db.Roles on ur.RoleId equals r.Id
                                                                    select r.Name).ToListAsync());
        Assert.Equal(
            new[] { ActorRole.AuditAdministrator, ActorRole.SecurityAdministrator, ActorRole.SystemAdministrator }.Select(RoleNames.Of).Order(),
            roles.Order());
        Assert.NotNull(await AccountTestData.LastAuditAsync(_portal, "user.bootstrap"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/users")).Status);
    }

    public void Dispose() => _portal.Dispose();
}
