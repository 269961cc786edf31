using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data.Identity;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Security;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Account;

/// <summary>A portal whose per-address limits are 2 requests a minute (RateLimits:*), set through its settings.</summary>
public sealed class RateLimitedPortal() : PortalFactory(new PortalOptions
{
    RateLimits = new Dictionary<string, int> { ["SignIn"] = 2, ["TwoFactor"] = 2, ["Registration"] = 2, ["PreCheck"] = 2 },
});

/// <summary>§6 rate limits: each limited endpoint answers the third request of a minute with 429, Retry-After and Chinese.</summary>
public sealed class RateLimitTests(RateLimitedPortal fixture) : IClassFixture<RateLimitedPortal>
{
    [Theory]
    [InlineData("/account/login", "登录过于频繁")]
    [InlineData("/account/login-2fa", "验证码提交过于频繁")]
    [InlineData("/account/register", "企业注册过于频繁")]
    [InlineData("/api/v1/precheck", "自评估接口调用过于频繁")]
    public async Task Post_OverThePerAddressLimit_429WithRetryAfterInChinese(string path, string message)
    {
        using var http = HttpSignIn.NewClient(fixture);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            last = await http.PostAsync(new Uri(path, UriKind.Relative), content);
            statuses.Add(last.StatusCode);
        }
        using var refused = last!;

        Assert.All(statuses.Take(2), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        // At most the window: a minute, an hour for registration.
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, path == "/account/register" ? 3600 : 60);
        Assert.StartsWith(message, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Reading pages is never limited.
        using var page = await http.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}

/// <summary>Counts the password-hash checks of the portal (the real hasher underneath).</summary>
public sealed class CountingPasswordHasher : PasswordHasher<AppUser>
{
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public override PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>A portal with the default per-address failure limit (3) and a counting password hasher.</summary>
public sealed class ThrottledPortal : PortalFactory
{
    public ThrottledPortal()
        : this(new CountingPasswordHasher())
    {
    }

    private ThrottledPortal(CountingPasswordHasher hasher)
        : base(new PortalOptions
        {
            RateLimits = new Dictionary<string, int> { ["SignInFailures"] = 3 },
            Services = services => services.AddSingleton<IPasswordHasher<AppUser>>(hasher),
        }) => Hasher = hasher;

    public CountingPasswordHasher Hasher { get; }
}

/// <summary>§6: user-name probing by timing and lockout abuse by strangers.</summary>
public sealed class SignInProbingTests(ThrottledPortal fixture) : IClassFixture<ThrottledPortal>
{
    // "an unknown user name takes as long as a wrong password and gets the same message": the same hash work is done.
    [Fact]
    public async Task SignIn_UnknownUser_HashCheckedAndSameMessageAsWrongPassword()
    {
        using var client = new AccountClient(fixture);
        var before = fixture.Hasher.Verifications;
        var unknown = await client.PostLoginAsync("nobody.at.all", "Wrong@2026!x");
        var afterUnknown = fixture.Hasher.Verifications;
        var wrong = await client.PostLoginAsync("bureau.leader", "Wrong@2026!x");
        var afterWrong = fixture.Hasher.Verifications;

        Assert.Equal("用户名或密码错误", unknown.Text("[data-testid=login-error]"));
        Assert.Equal(wrong.Text("[data-testid=login-error]"), unknown.Text("[data-testid=login-error]"));
        Assert.Equal(afterWrong - afterUnknown, afterUnknown - before);
    }

    // "lockout can't be used to keep an account locked forever by strangers": one address's failures stop short of it.
    [Fact]
    public async Task SignIn_ManyFailuresFromOneAddress_AddressRefusedButAccountNotLocked()
    {
        var user = await AccountTestData.CreateUserAsync(fixture, "target.user", ActorRole.EnterpriseApplicant, DemoSeeder.Enterprise(2), DateTimeOffset.UtcNow);
        using var stranger = new AccountClient(fixture);
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal("用户名或密码错误", (await stranger.PostLoginAsync("target.user", "Wrong@2026!" + i)).Text("[data-testid=login-error]"));
        }
        var results = new List<PageResult>();
        for (var i = 4; i <= 7; i++)
        {
            results.Add(await stranger.PostLoginAsync("target.user", "Wrong@2026!" + i));
        }
        var withRightPassword = await stranger.PostLoginAsync("target.user", AccountTestData.Password);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.TooManyRequests, r.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, withRightPassword.Status);
        Assert.Matches(@"^登录失败次数过多，请 1[45] 分钟后再试$", withRightPassword.Text("[data-testid=login-error]"));
        Assert.InRange(withRightPassword.RetryAfterSeconds ?? 0, 800, 900);
        var account = await AccountTestData.QueryAsync(fixture, db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Null(account.LockoutEnd);
        Assert.Equal(3, account.AccessFailedCount);
    }
}

/// <summary>§6 absolute session lifetime: a portal whose clock the test moves, with a long idle timeout.</summary>
public sealed class AbsoluteSessionPortal() : PortalFactory(PortalOptions.Clocked() with
{
    Settings = new Dictionary<string, string?> { ["Security:IdleTimeoutMinutes"] = "1440" },
});

public sealed class AbsoluteSessionTests(AbsoluteSessionPortal fixture) : IClassFixture<AbsoluteSessionPortal>
{
    // "an absolute session lifetime (setting, default 8 h) besides the idle timeout".
    [Fact]
    public async Task Session_ActiveForEightHours_EndsAnyway()
    {
        using var client = new AccountClient(fixture);
        await client.SignInAsync("enterprise");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/workspace")).Status);

        fixture.Clock.MoveTo(fixture.Clock.Start + TimeSpan.FromHours(4));
        var midway = await client.GetAsync("/workspace");
        fixture.Clock.MoveTo(fixture.Clock.Start + TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        var after = await client.GetAsync("/workspace");
        fixture.Clock.MoveTo(fixture.Clock.Start);

        Assert.Equal(HttpStatusCode.OK, midway.Status);
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith("/account/login", after.Location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(479, false)]
    [InlineData(480, true)]
    public void SessionLifetime_MinutesSinceSignIn_ExpiresAtEightHours(int minutes, bool expired)
    {
        var start = new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero);
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(SessionLifetime.SignedInAtClaim, start.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture))], "test"));

        Assert.Equal(expired, SessionLifetime.Expired(principal, new SecurityOptions(), start.AddMinutes(minutes)));
        Assert.True(SessionLifetime.Expired(new System.Security.Claims.ClaimsPrincipal(), new SecurityOptions(), start));
    }
}

/// <summary>§6: "Production refuses Demo:Seed=true (start fails with a clear message)".</summary>
public sealed class ProductionDemoSeedTests
{
    [Fact]
    public void Start_ProductionWithDemoSeed_FailsWithClearMessage()
    {
        using var portal = new PortalFactory(new PortalOptions { Environment = "Production" });

        var exception = Record.Exception(() => portal.RootUri);

        Assert.NotNull(exception);
        var messages = string.Join(" | ", Flatten(exception));
        Assert.Contains("生产环境禁止加载演示数据", messages, StringComparison.Ordinal);
        Assert.Contains("Demo:Seed=true is refused in the Production environment", messages, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Flatten(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception.Message;
        }
    }
}

/// <summary>The password list and its normalisation (no portal).</summary>
public sealed class CommonPasswordValidatorTests
{
    [Fact]
    public void CommonList_Shipped_HasAtLeastTenThousand() =>
        Assert.True(CommonPasswordValidator.CommonCount >= 9_990, $"{CommonPasswordValidator.CommonCount}");

    [Theory]
    [InlineData("Password1!", true)]
    [InlineData("Qwerty123!", true)]
    [InlineData("P@ssw0rd", true)]
    [InlineData("Dragon2026#", true)]
    [InlineData("Demo@2026!", true)]
    [InlineData("Numeng@2026", true)]
    [InlineData("GongXinTing#1", true)]
    [InlineData("Admin@1234", true)]
    [InlineData("Test@2026!ok", false)]
    [InlineData("Boot@2026!ok", false)]
    [InlineData("Xk9#mPq2vL", false)]
    [InlineData("春风@Gobi2026x", false)]
    public void IsRefused_Password_AsTheListAndProductWordsSay(string password, bool refused) =>
        Assert.Equal(refused, CommonPasswordValidator.IsRefused(password));
}
