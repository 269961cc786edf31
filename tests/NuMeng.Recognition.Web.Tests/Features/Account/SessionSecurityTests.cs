using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NuMeng.Recognition.Data.Identity;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Security;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Account;

/// <summary>
/// , over real HTTP on a portal of its own: sign-out ends the session
/// on the server, each authenticator code is accepted once, no "remember this device" for the two-factor roles, common
/// passwords refused, 三员分立 in user administration, refused record access counted per user and hour.
/// </summary>
public sealed class SessionSecurityTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string TwoFactorError = "验证码不正确、已过期或已使用过，请等待身份验证器显示新的验证码后输入";

    // §6: "Logout ends the session on the server": a copy of the cookie taken before sign-out is refused at once.
    [Fact]
    public async Task Logout_ReplayedPreLogoutCookie_SentToLogin()
    {
        using var client = new AccountClient(portal);
        await client.SignInAsync("bureau.reviewer");
        var cookie = client.Jar.GetCookies(portal.RootUri)["numeng.auth"]?.Value;
        Assert.False(string.IsNullOrEmpty(cookie));
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(cookie!, "/workspace")).Status);

        await client.LogoutAsync();
        var replayed = await GetWithCookieAsync(cookie!, "/workspace");

        Assert.Equal(HttpStatusCode.Redirect, replayed.Status);
        Assert.StartsWith("/account/login", replayed.Location, StringComparison.Ordinal);
    }

    // §6: "a TOTP code is accepted once".
    [Fact]
    public async Task TwoFactor_SameCodeTwice_SecondRefused()
    {
        using var first = new AccountClient(portal);
        var login = await first.PostLoginAsync("dept.leader", DemoSeeder.DemoPassword);
        var code = await Totp.FreshCodeAsync(portal.RootUri, "dept.leader", DemoSeeder.DemoAuthenticatorKey);
        var accepted = await first.SubmitAsync(login.Location!, "Input.Code", new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Equal("/workspace", accepted.Location);

        using var second = new AccountClient(portal);
        var again = await second.PostLoginAsync("dept.leader", DemoSeeder.DemoPassword);
        var reused = await second.SubmitAsync(again.Location!, "Input.Code", new Dictionary<string, string> { ["Input.Code"] = code });

        Assert.Equal(HttpStatusCode.OK, reused.Status);
        Assert.Equal(TwoFactorError, reused.Text("[data-testid=login-error]"));
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/workspace")).Status);
    }

    // §6: "No 'remember this device' for the roles that must use two factors" — not offered, and ignored when posted.
    [Fact]
    public async Task TwoFactor_RememberDevicePostedForDepartmentStaff_StillAskedNextTime()
    {
        using var client = new AccountClient(portal);
        var login = await client.PostLoginAsync("dept.staff", DemoSeeder.DemoPassword);
        var page = await client.GetAsync(login.Location!);
        Assert.Null(page.Document.QuerySelector("input[name='Input.RememberMachine']"));
        Assert.NotNull(page.Document.QuerySelector("[data-testid=no-remember]"));

        var code = await Totp.FreshCodeAsync(portal.RootUri, "dept.staff", DemoSeeder.DemoAuthenticatorKey);
        var done = await client.PostFormAsync(page, login.Location!, "Input.Code", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.RememberMachine"] = "true",
        });
        Assert.Equal("/workspace", done.Location);
        await client.LogoutAsync();
        var next = await client.PostLoginAsync("dept.staff", DemoSeeder.DemoPassword);

        Assert.StartsWith("/account/login-2fa", next.Location, StringComparison.Ordinal);
        Assert.DoesNotContain(client.Jar.GetCookies(portal.RootUri), c => c.Name == IdentityConstants.TwoFactorRememberMeScheme);
    }

    // §6: "reject the common and the product's own" passwords, through Identity's validators (every place a password is set).
    [Theory]
    [InlineData("Password1!")]
    [InlineData("P@ssw0rd2026!")]
    [InlineData("Demo@2026!")]
    [InlineData("NuMeng#2027x")]
    [InlineData("Neimenggu@123")]
    public async Task CreateUser_CommonOrProductPassword_RefusedInChinese(string password)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "common." + Guid.NewGuid().ToString("N")[..8], DisplayName = "常见密码", LockoutEnabled = true };

        var result = await users.CreateAsync(user, password);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CommonPasswordValidator.ErrorCode, error.Code);
        Assert.StartsWith("密码过于常见", error.Description, StringComparison.Ordinal);
    }

    // §6 三员分立: "the system administrator cannot deactivate, unlock or reset the security or audit administrators".
    [Theory]
    [InlineData("deactivate", "secadmin")]
    [InlineData("deactivate", "auditadmin")]
    [InlineData("unlock", "secadmin")]
    [InlineData("reset2fa", "auditadmin")]
    public async Task SystemAdmin_ActOnSecurityOrAuditAdmin_RefusedAndAudited(string verb, string target)
    {
        using var admin = new AccountClient(portal);
        await admin.SignInAsync("sysadmin");
        var targetId = DemoSeeder.UserId(target);
        var page = await admin.GetAsync("/admin/users?q=" + target);

        var answer = await admin.PostFormAsync(page, "/admin/users", "user-actions", new Dictionary<string, string> { ["op"] = $"{verb}:{targetId:D}" });

        Assert.Contains("三员分立", answer.Text("[data-testid=admin-message]"), StringComparison.Ordinal);
        var account = await AccountTestData.QueryAsync(portal, db => db.Users.AsNoTracking().SingleAsync(u => u.Id == targetId));
        Assert.True(account.IsActive);
        Assert.True(account.TwoFactorEnabled);
        var refused = await AccountTestData.LastAuditAsync(portal, "user.admin.refused");
        Assert.Equal(targetId.ToString("D"), refused!.EntityId);
        Assert.Equal(DemoSeeder.UserId("sysadmin"), refused.ActorUserId);
        // The button is not offered either.
        Assert.Null(page.Document.QuerySelector($"tr[data-user='{target}'] button[value='deactivate:{targetId:D}']"));
    }

    // §6 三员分立: "only the security administrator manages privileged accounts", audited; never their own.
    [Fact]
    public async Task SecurityAdmin_DeactivatesAdministratorAccount_DoneAndAudited_ButNotOwnTwoFactor()
    {
        var extra = await AccountTestData.CreateUserAsync(portal, "extra.audit", ActorRole.AuditAdministrator, null, DateTimeOffset.UtcNow);
        using var security = new AccountClient(portal);
        await security.SignInAsync("secadmin");
        var page = await security.GetAsync("/admin/users?q=extra.audit");
        Assert.NotNull(page.Document.QuerySelector($"tr[data-user='extra.audit'] button[value='deactivate:{extra.Id:D}']"));

        var done = await security.PostFormAsync(page, "/admin/users", "user-actions", new Dictionary<string, string> { ["op"] = $"deactivate:{extra.Id:D}" });
        var own = await security.PostFormAsync(done, "/admin/users", "user-actions", new Dictionary<string, string> { ["op"] = $"reset2fa:{DemoSeeder.UserId("secadmin"):D}" });

        Assert.Equal("账户已停用", done.Text("[data-testid=admin-message]"));
        Assert.False((await AccountTestData.QueryAsync(portal, db => db.Users.AsNoTracking().SingleAsync(u => u.Id == extra.Id))).IsActive);
        var audit = await AccountTestData.LastAuditAsync(portal, "user.deactivate");
        Assert.Equal(extra.Id.ToString("D"), audit!.EntityId);
        Assert.Contains("\"privileged\":true", audit.SummaryJson, StringComparison.Ordinal);
        Assert.StartsWith("不能为自己的账户重置双因素登录", own.Text("[data-testid=admin-message]"), StringComparison.Ordinal);
    }

    // §6: refused access by id is counted and audited in aggregate per user per hour.
    [Fact]
    public async Task RecordById_OtherTenantsRecord_CountedAndFlushedAsOneAuditEntry()
    {
        using var client = await HttpSignIn.SignInAsync(portal, "enterprise", _ => null);
        var counter = portal.Services.GetRequiredService<RefusedAccessCounter>();
        await counter.FlushAsync(all: true);

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync(new Uri($"/api/v1/applications/{Guid.NewGuid():D}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(3, counter.Pending);
        Assert.Equal(1, await counter.FlushAsync(all: true));

        var entry = await AccountTestData.LastAuditAsync(portal, RefusedAccessCounter.Action);
        Assert.Equal(DemoSeeder.UserId("enterprise").ToString("D"), entry!.EntityId);
        Assert.Contains("\"count\":3", entry.SummaryJson, StringComparison.Ordinal);
        Assert.Contains("\"userName\":\"enterprise\"", entry.SummaryJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedAccessCounter_HourNotOver_WaitsThenWritesOneEntryPerUser()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 8, 10, 15, 0, TimeSpan.Zero));
        var counter = new RefusedAccessCounter(portal.Services.GetRequiredService<IServiceScopeFactory>(), clock);
        var probing = DemoSeeder.UserId("expert");
        for (var i = 0; i < 5; i++)
        {
            counter.Record(probing, "expert", $"/api/v1/applications/{i}", 404);
        }
        counter.Record(probing, "expert", "/api/v1/versions/1", 403);

        var early = await counter.FlushAsync();
        clock.Advance(TimeSpan.FromMinutes(45));
        var afterTheHour = await counter.FlushAsync();

        Assert.Equal(0, early);
        Assert.Equal(1, afterTheHour);
        var entry = await AccountTestData.LastAuditAsync(portal, RefusedAccessCounter.Action);
        Assert.Equal(probing.ToString("D"), entry!.EntityId);
        Assert.Contains("\"count\":6", entry.SummaryJson, StringComparison.Ordinal);
        Assert.Contains("\"404\":5", entry.SummaryJson, StringComparison.Ordinal);
        Assert.Contains("2026-12-08T10:00:00", entry.SummaryJson, StringComparison.Ordinal);
    }

    /// <summary>A GET carrying only the given session cookie (a copy of it, as an attacker or another tab would hold).</summary>
    private async Task<(HttpStatusCode Status, string? Location)> GetWithCookieAsync(string cookie, string path)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = portal.RootUri };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", "numeng.auth=" + cookie);
        using var response = await http.SendAsync(request);
        var location = response.Headers.Location;
        return (response.StatusCode, location is null ? null : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }
}
