using System.Net;
using System.Text.RegularExpressions;
using NuMeng.Recognition.Data.Identity;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Account;

/// <summary>
/// Sign-in, lockout, sign-out and the forced steps over real HTTP (the static SSR forms, antiforgery tokens, the cookie).
/// This class has a portal (and database) of its own: its tests lock and create accounts.
/// </summary>
public sealed partial class SignInTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> DemoUserNames()
    {
        var data = new TheoryData<string>();
        foreach (var account in DemoSeeder.Accounts)
        {
            data.Add(account.UserName);
        }
        return data;
    }

    // DEMO-ACCOUNTS.md: "Every account has the password Demo@2026!"; the department and administrator roles also need the
    // documented authenticator key.
    [Theory]
    [MemberData(nameof(DemoUserNames))]
    public async Task SignIn_DemoAccount_LandsOnWorkspaceWithRoleLabel(string userName)
    {
        var account = DemoSeeder.Accounts.Single(a => a.UserName == userName);
        using var client = new AccountClient(portal);

        var first = await client.PostLoginAsync(userName, DemoSeeder.DemoPassword);
        var location = await client.SignInAsync(userName);

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        // two-factor sign-in is required for the department and administrator roles, and only those.
        Assert.Equal(DemoSeeder.TwoFactorRoles.Contains(account.Role), first.Location!.StartsWith("/account/login-2fa", StringComparison.Ordinal));
        Assert.Equal("/workspace", location);
        var workspace = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, workspace.Status);
        Assert.Contains(WorkflowLabels.Role(account.Role), workspace.Document.QuerySelectorAll("[data-testid=role-label]").Select(e => e.TextContent));
        Assert.Equal(account.DisplayName, workspace.Text("[data-testid=nav-user] .site-nav__name"));
    }

    [Fact]
    public void DemoAccountsDoc_OnePerRoleTable_ListsSeededAccountsAndMarksTwoFactor()
    {
        var doc = File.ReadAllText(Path.Combine(SolutionRoot(), "src", "NuMeng.Recognition.Data", "DEMO-ACCOUNTS.md"));
        Assert.Contains(DemoSeeder.DemoAuthenticatorKey, doc, StringComparison.Ordinal);
        var table = doc[doc.IndexOf("## One account per role", StringComparison.Ordinal)..doc.IndexOf("## Accounts for isolation", StringComparison.Ordinal)];
        var rows = RowPattern().Matches(table).Select(m => (User: m.Groups[1].Value, Line: m.Value)).ToList();
        Assert.Equal(RoleNames.AccountRoles.Count, rows.Count);
        foreach (var (user, line) in rows)
        {
            var account = DemoSeeder.Accounts.Single(a => a.UserName == user);
            Assert.Contains(WorkflowLabels.Role(account.Role), line, StringComparison.Ordinal);
            Assert.Equal(DemoSeeder.TwoFactorRoles.Contains(account.Role), line.Contains("双因素", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void TwoFactorRoles_PortalAndDemo_Agree() =>
        Assert.True(NuMeng.Recognition.Web.Security.Policies.TwoFactorRequired.SetEquals(DemoSeeder.TwoFactorRoles));

    [Fact]
    public async Task SignIn_WrongPassword_ChineseErrorWithoutSayingWhichAndStaysAnonymous()
    {
        using var client = new AccountClient(portal);

        var wrongPassword = await client.PostLoginAsync("bureau.reviewer", "Wrong@2026!");
        var unknownUser = await client.PostLoginAsync("nobody.here", DemoSeeder.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, wrongPassword.Status);
        Assert.Equal("用户名或密码错误", wrongPassword.Text("[data-testid=login-error]"));
        Assert.Equal("用户名或密码错误", unknownUser.Text("[data-testid=login-error]"));
        var workspace = await client.GetAsync("/workspace");
        Assert.Equal(HttpStatusCode.Redirect, workspace.Status);
        Assert.StartsWith("/account/login?returnUrl=%2Fworkspace", workspace.Location, StringComparison.Ordinal);
    }

    // "lockout after 5 failures" (docs/platform-notes.md §10: the template passes lockoutOnFailure: false).
    [Fact]
    public async Task SignIn_FiveFailures_LockedEvenWithTheRightPassword()
    {
        await AccountTestData.CreateUserAsync(portal, "lock.me", ActorRole.EnterpriseApplicant, DemoSeeder.Enterprise(2), DateTimeOffset.UtcNow);
        using var client = new AccountClient(portal);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await client.PostLoginAsync("lock.me", "Wrong@2026!" + attempt);
            Assert.Equal("用户名或密码错误", failed.Text("[data-testid=login-error]"));
        }
        var fifth = await client.PostLoginAsync("lock.me", "Wrong@2026!5");
        var right = await client.PostLoginAsync("lock.me", AccountTestData.Password);

        Assert.Equal("账户已锁定，请 15 分钟后再试", fifth.Text("[data-testid=login-error]"));
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Matches(@"^账户已锁定，请 1[45] 分钟后再试$", right.Text("[data-testid=login-error]"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/workspace")).Status);
        var locked = await AccountTestData.LastAuditAsync(portal, "user.login.locked");
        Assert.NotNull(locked);
        Assert.Contains("lock.me", locked.SummaryJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongAuthenticatorCode_ChineseErrorAndNotSignedIn()
    {
        using var client = new AccountClient(portal);
        var first = await client.PostLoginAsync("dept.leader", DemoSeeder.DemoPassword);

        var second = await client.SubmitAsync(first.Location!, "Input.Code", new Dictionary<string, string> { ["Input.Code"] = WrongCode(DemoSeeder.DemoAuthenticatorKey) });

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains("验证码不正确", second.Text("[data-testid=login-error]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/workspace")).Status);
    }

    [Theory]
    [InlineData("/admin/audit", "/admin/audit")]
    [InlineData("https://evil.example/phish", "/workspace")]
    [InlineData("//evil.example/phish", "/workspace")]
    public async Task SignIn_ReturnUrl_OnlyLocalAddressesFollowed(string returnUrl, string expected)
    {
        using var client = new AccountClient(portal);

        var location = await client.SignInAsync("auditadmin", returnUrl: returnUrl);

        Assert.Equal(expected, location);
    }

    [Fact]
    public async Task Logout_PostWithToken_SignsOutAndAuditsWithoutTokenRefused()
    {
        using var client = new AccountClient(portal);
        await client.SignInAsync("agency");

        var withoutToken = await client.PostRawAsync("/account/logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/workspace")).Status);

        var logout = await client.LogoutAsync();

        Assert.Equal(HttpStatusCode.Redirect, logout.Status);
        Assert.Equal("/account/login?reason=signed-out", logout.Location);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/workspace")).Status);
        var home = await client.GetAsync("/");
        Assert.NotNull(home.Document.QuerySelector("[data-testid=nav-login]"));
        Assert.Null(home.Document.QuerySelector("[data-testid=nav-logout]"));
        var audit = await AccountTestData.LastAuditAsync(portal, "user.logout");
        Assert.Equal("评估中心 联络人", audit!.ActorDisplayName);
    }

    [Fact]
    public async Task SignIn_Success_AuditedAsTheUser()
    {
        using var client = new AccountClient(portal);

        await client.SignInAsync("bureau.leader");

        var entry = await AccountTestData.QueryAsync(portal, db => Task.FromResult(db.AuditEntries
            .Where(e => e.Action == "user.login" && e.ActorUserId == DemoSeeder.UserId("bureau.leader")).OrderByDescending(e => e.Sequence).First()));
        Assert.Equal("呼和浩特市工业和信息化局", entry.ActorOrganisationName);
    }

    // two-factor sign-in required for the department roles: a real account without it is sent to set it up first.
    [Fact]
    public async Task RequiredTwoFactorNotSetUp_EveryPageGoesToSetupUntilDone()
    {
        await AccountTestData.CreateUserAsync(portal, "new.dept", ActorRole.DepartmentStaff,
            Data.Seeding.WellKnownIds.Department, DateTimeOffset.UtcNow);
        using var client = new AccountClient(portal);
        var location = await client.SignInAsync("new.dept", AccountTestData.Password, authenticatorKey: null);
        Assert.Equal("/workspace", location);

        var workspace = await client.GetAsync("/workspace");
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, workspace.Status);
        Assert.StartsWith("/account/2fa-setup", workspace.Location, StringComparison.Ordinal);
        Assert.StartsWith("/account/2fa-setup", home.Location, StringComparison.Ordinal);

        var setup = await client.GetAsync(workspace.Location!);
        var key = setup.Text("[data-testid=authenticator-key]")!.Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Equal(32, key.Length);
        Assert.Contains($"secret={key}", setup.Text("[data-testid=otpauth-uri]"), StringComparison.Ordinal);
        Assert.StartsWith("data:image/png;base64,", setup.Document.QuerySelector("[data-testid=otp-qr]")?.GetAttribute("src"), StringComparison.Ordinal);
        var wrong = await client.PostFormAsync(setup, workspace.Location!, "Input.Code", new Dictionary<string, string> { ["Input.Code"] = "12345" });
        Assert.Contains("验证码不正确", wrong.Text(".auth-error"), StringComparison.Ordinal);
        var done = await client.PostFormAsync(wrong, workspace.Location!, "Input.Code", new Dictionary<string, string> { ["Input.Code"] = AccountClient.Totp(key, DateTimeOffset.UtcNow) });

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal("/workspace", done.Location);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/workspace")).Status);
        Assert.NotNull(await AccountTestData.LastAuditAsync(portal, "user.2fa.enable"));
        // The next sign-in asks for the code.
        using var again = new AccountClient(portal);
        Assert.StartsWith("/account/login-2fa", (await again.PostLoginAsync("new.dept", AccountTestData.Password)).Location, StringComparison.Ordinal);
    }

    // Security:PasswordMaxAgeDays (default 90): an older password must be changed before anything else.
    [Theory]
    [InlineData(89, false)]
    [InlineData(91, true)]
    public async Task PasswordAge_OverTheInterval_ForcesChange(int daysOld, bool forced)
    {
        var userName = $"age.{daysOld}";
        await AccountTestData.CreateUserAsync(portal, userName, ActorRole.BureauReviewer, Data.Seeding.WellKnownIds.Bureau("1503"), DateTimeOffset.UtcNow.AddDays(-daysOld));
        using var client = new AccountClient(portal);
        await client.SignInAsync(userName, AccountTestData.Password);

        var workspace = await client.GetAsync("/workspace");

        if (!forced)
        {
            Assert.Equal(HttpStatusCode.OK, workspace.Status);
            return;
        }
        Assert.StartsWith("/account/change-password", workspace.Location, StringComparison.Ordinal);
        var page = await client.GetAsync(workspace.Location!);
        Assert.Contains("超过 90 天未修改", page.MainText, StringComparison.Ordinal);
        var weak = await client.PostFormAsync(page, workspace.Location!, "Input.NewPassword", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = AccountTestData.Password, ["Input.NewPassword"] = "short", ["Input.ConfirmPassword"] = "short",
        });
        Assert.Contains("密码至少需要 8 个字符", weak.Text("[data-testid=password-errors]"), StringComparison.Ordinal);
        var changed = await client.PostFormAsync(weak, workspace.Location!, "Input.NewPassword", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = AccountTestData.Password, ["Input.NewPassword"] = "Changed@2026!x", ["Input.ConfirmPassword"] = "Changed@2026!x",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/workspace")).Status);
    }

    /// <summary>A 6-digit code that no step near now accepts.</summary>
    private static string WrongCode(string key)
    {
        var near = Enumerable.Range(-3, 7).Select(i => AccountClient.Totp(key, DateTimeOffset.UtcNow.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 20).Select(i => (i * 111_111 % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    private static string SolutionRoot([System.Runtime.CompilerServices.CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (!File.Exists(Path.Combine(dir.FullName, "NuMeng.Recognition.sln")))
        {
            dir = dir.Parent ?? throw new InvalidOperationException("找不到 NuMeng.Recognition.sln");
        }
        return dir.FullName;
    }

    [GeneratedRegex(@"^\| `([a-z0-9.]+)` \|.*$", RegexOptions.Multiline)]
    private static partial Regex RowPattern();
}
