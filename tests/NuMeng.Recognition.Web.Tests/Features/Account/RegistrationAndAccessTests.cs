using System.Net;
using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Account;

/// <summary>
/// Enterprise self-registration, role-based access to the administration pages and the account administration actions,
/// over real HTTP. A portal of its own: the tests create organisations and accounts.
/// </summary>
public sealed class RegistrationAndAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Registration(string creditCode, string userName, string league = "", string password = "Reg@2026!ok") => new()
    {
        ["Input.CompanyName"] = "测试智能装备有限公司 " + userName,
        ["Input.CreditCode"] = creditCode,
        ["Input.LeagueCode"] = league,
        ["Input.LegalStatus"] = "IndependentLegalPerson",
        ["Input.ParentGroupName"] = "",
        ["Input.Industry"] = "装备制造",
        ["Input.ManufacturingType"] = "Discrete",
        ["Input.ContactName"] = "张三",
        ["Input.ContactPhone"] = "0470-1234567",
        ["Input.UserName"] = userName,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    // GB 32100-2015: the 18th character is the check character; a wrong one names the field and the expected character.
    [Fact]
    public async Task Register_BadCheckCharacter_ChineseErrorNamingTheField()
    {
        var valid = AccountTestData.CreditCodeIn("150702", "0A1B2C3");
        var wrongCheck = valid[..17] + (valid[17] == '0' ? '1' : '0');
        using var client = new AccountClient(portal);

        var page = await client.SubmitAsync("/account/register", "Input.CreditCode", Registration(wrongCheck, "bad.check"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var errors = page.Text("[data-testid=register-errors]");
        Assert.Contains($"统一社会信用代码：校验码错误：应为“{valid[17]}”", errors, StringComparison.Ordinal);
        Assert.Contains("统一社会信用代码：校验码错误", page.Text(".field.has-error .field-error"), StringComparison.Ordinal);
        Assert.False(await AccountTestData.QueryAsync(portal, db => db.Users.AnyAsync(u => u.UserName == "bad.check")));
    }

    [Theory]
    [InlineData("911101085923662400", "不在内蒙古自治区")] // valid code registered in Beijing (110108)
    [InlineData("", "请填写统一社会信用代码")]
    [InlineData("91150702MA0A1B2C", "应为 18 位，实为 16 位")]
    public async Task Register_CodeNotAcceptable_ChineseErrorNamingTheField(string code, string expected)
    {
        using var client = new AccountClient(portal);

        var page = await client.SubmitAsync("/account/register", "Input.CreditCode", Registration(code, "not.accepted"));

        var summary = page.Text("[data-testid=register-errors]");
        Assert.Contains("统一社会信用代码", summary, StringComparison.Ordinal);
        Assert.Contains(expected, summary, StringComparison.Ordinal);
        Assert.Contains(expected, page.Document.QuerySelector("#reg-CreditCode")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    // Characters 3–8 are the registering authority's division code: 150702 lies in 呼伦贝尔市 (1507).
    [Fact]
    public async Task Register_ValidInnerMongoliaCode_LeagueDerivedConfirmedThenAccountCreated()
    {
        var code = AccountTestData.CreditCodeIn("150702", "0B2C3D4");
        using var client = new AccountClient(portal);

        var confirm = await client.SubmitAsync("/account/register", "Input.CreditCode", Registration(code, "hlbe.applicant"));

        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Contains("呼伦贝尔市", confirm.Text("[data-testid=league-confirm]"), StringComparison.Ordinal);
        Assert.Equal("1507", confirm.Document.QuerySelector("select[name='Input.LeagueCode'] option[selected]")?.GetAttribute("value"));
        Assert.False(await AccountTestData.QueryAsync(portal, db => db.Users.AnyAsync(u => u.UserName == "hlbe.applicant")));

        var created = await client.PostFormAsync(confirm, "/account/register", "Input.CreditCode", Registration(code, "hlbe.applicant", league: "1507"));

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.StartsWith("/workspace", created.Location, StringComparison.Ordinal);
        var workspace = await client.GetAsync(created.Location!);
        Assert.Contains("测试智能装备有限公司 hlbe.applicant", workspace.Text("[data-testid=workspace-who]"), StringComparison.Ordinal);
        Assert.Contains("企业申报人", workspace.Text("[data-testid=role-label]"), StringComparison.Ordinal);
        var organisation = await AccountTestData.QueryAsync(portal, db => db.Organisations.SingleAsync(o => o.CreditCode == code));
        Assert.Equal("1507", organisation.LeagueCode);
        Assert.True(organisation.LeagueConfirmed);
        var audit = await AccountTestData.LastAuditAsync(portal, "organisation.register");
        Assert.Contains("\"leagueChangedByEnterprise\":false", audit!.SummaryJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_LeagueChangedByEnterprise_RecordedAndNotConfirmed()
    {
        var code = AccountTestData.CreditCodeIn("150702", "0C3D4E5");
        using var client = new AccountClient(portal);

        var created = await client.SubmitAsync("/account/register", "Input.CreditCode", Registration(code, "moved.applicant", league: "1501"));

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var organisation = await AccountTestData.QueryAsync(portal, db => db.Organisations.SingleAsync(o => o.CreditCode == code));
        Assert.Equal("1501", organisation.LeagueCode);
        Assert.False(organisation.LeagueConfirmed);
        var audit = await AccountTestData.LastAuditAsync(portal, "organisation.register");
        Assert.Contains("\"derivedLeague\":\"1507\"", audit!.SummaryJson, StringComparison.Ordinal);
        Assert.Contains("\"leagueChangedByEnterprise\":true", audit.SummaryJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_CreditCodeAlreadyRegistered_Refused()
    {
        using var client = new AccountClient(portal);

        var page = await client.SubmitAsync("/account/register", "Input.CreditCode", Registration(DemoSeeder.CreditCodeOf(1), "second.try", league: "1501"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("统一社会信用代码：该代码已注册", page.Text("[data-testid=register-errors]"), StringComparison.Ordinal);
        Assert.False(await AccountTestData.QueryAsync(portal, db => db.Users.AnyAsync(u => u.UserName == "second.try")));
    }

    // password length ≥ 8 with mixed character classes, in Chinese.
    [Theory]
    [InlineData("abc", "密码至少需要 8 个字符")]
    [InlineData("abcdefgh", "密码必须包含至少一个大写字母")]
    [InlineData("Abcdefgh", "密码必须包含至少一个数字")]
    [InlineData("Abcdefg1", "密码必须包含至少一个特殊字符")]
    [InlineData("ABCDEFG1!", "密码必须包含至少一个小写字母")]
    public async Task Register_WeakPassword_ChineseIdentityMessage(string password, string expected)
    {
        var code = AccountTestData.CreditCodeIn("150102", "0D4E5F6");
        using var client = new AccountClient(portal);

        var page = await client.SubmitAsync("/account/register", "Input.CreditCode", Registration(code, "weak.password", league: "1501", password: password));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(expected, page.Text("[data-testid=register-errors]"), StringComparison.Ordinal);
        Assert.Contains(expected, page.Document.QuerySelector("#reg-Password")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal(string.Empty, page.Document.QuerySelector("input[name='Input.Password']")?.GetAttribute("value") ?? string.Empty);
    }

    [Theory]
    [InlineData("enterprise", "/admin/users")]
    [InlineData("enterprise", "/admin/audit")]
    [InlineData("bureau.reviewer", "/enterprise/users")]
    [InlineData("dept.staff", "/admin/users")]
    [InlineData("sysadmin", "/admin/audit")]
    [InlineData("sysadmin", "/enterprise/users")]
    [InlineData("auditadmin", "/admin/users")]
    [InlineData("auditadmin", "/enterprise/users")]
    [InlineData("secadmin", "/admin/audit")]
    public async Task Page_OtherRole_AccessDenied403(string userName, string path)
    {
        using var client = new AccountClient(portal);
        await client.SignInAsync(userName);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.StartsWith("/account/access-denied", response.Location, StringComparison.Ordinal);
        var denied = await client.GetAsync(response.Location!);
        Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
        Assert.Contains("无权访问", denied.Text("h1"), StringComparison.Ordinal);
    }

    // The audit administrator reads the audit log and no business data: the workspace shows no application counts.
    [Fact]
    public async Task AuditAdmin_AuditLogShowsIntactChainAndWorkspaceHasNoBusinessData()
    {
        using var client = new AccountClient(portal);
        await client.SignInAsync("auditadmin");

        var audit = await client.GetAsync("/admin/audit");
        var workspace = await client.GetAsync("/workspace");

        Assert.Equal(HttpStatusCode.OK, audit.Status);
        Assert.StartsWith("链完整", audit.Text("[data-testid=audit-chain]"), StringComparison.Ordinal);
        var first = audit.Document.QuerySelectorAll("[data-testid=audit-table] tbody tr td:first-child").Select(td => long.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(first.Count > 1);
        Assert.Equal(first.OrderByDescending(x => x), first);
        Assert.Null(workspace.Document.QuerySelector("[data-testid=enterprise], [data-testid=bureau], [data-testid=department], [data-testid=agency], [data-testid=expert], [data-testid=admin]"));
        Assert.NotNull(workspace.Document.QuerySelector("[data-testid=audit]"));
    }

    [Theory]
    [InlineData("enterprise", "enterprise", "Draft", 1)]           // A1 draft, own enterprise
    [InlineData("bureau.reviewer", "bureau", "Draft", 0)]          // drafts are not the bureau's
    [InlineData("bureau.reviewer", "bureau", "Submitted", 1)]      // A2
    [InlineData("dept.staff", "department", "Draft", 2)]           // A1, A6
    [InlineData("expert", "expert", "ready", 2)]                   // A8, A9
    public async Task Workspace_CountsComeThroughTheTenancyFilter(string userName, string section, string key, int expected)
    {
        using var client = new AccountClient(portal);
        await client.SignInAsync(userName);

        var workspace = await client.GetAsync("/workspace");

        var value = workspace.Text($"[data-testid={section}] li[data-key={key}] .count-value");
        Assert.Equal(expected, value is null ? 0 : int.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task SystemAdmin_CreatesBureauAccount_AuditedAndFirstSignInMustChangePassword()
    {
        using var admin = new AccountClient(portal);
        await admin.SignInAsync("sysadmin");
        var page = await admin.GetAsync("/admin/users");
        var bureau = page.Document.QuerySelectorAll("select[name='NewUser.OrganisationId'] option")
            .Single(o => o.TextContent == "乌海市工业和信息化局").GetAttribute("value")!;

        var created = await admin.PostFormAsync(page, "/admin/users", "NewUser.UserName", new Dictionary<string, string>
        {
            ["NewUser.UserName"] = "wuhai.reviewer", ["NewUser.DisplayName"] = "乌海审核员", ["NewUser.Role"] = nameof(ActorRole.BureauReviewer),
            ["NewUser.OrganisationId"] = bureau, ["NewUser.InitialPassword"] = "Init@2026!ok",
        });
        var wrongKind = await admin.SubmitAsync("/admin/users", "NewUser.UserName", new Dictionary<string, string>
        {
            ["NewUser.UserName"] = "wrong.kind", ["NewUser.DisplayName"] = "错单位", ["NewUser.Role"] = nameof(ActorRole.DepartmentStaff),
            ["NewUser.OrganisationId"] = bureau, ["NewUser.InitialPassword"] = "Init@2026!ok",
        });

        Assert.Contains("已开设账户 wuhai.reviewer", created.Text("[data-testid=admin-message]"), StringComparison.Ordinal);
        Assert.NotNull(created.Document.QuerySelector("tr[data-user='wuhai.reviewer']"));
        Assert.Contains("所属单位：工信厅经办人须属于自治区工业和信息化厅", wrongKind.Text("[data-testid=create-errors]"), StringComparison.Ordinal);
        Assert.Contains("wuhai.reviewer", (await AccountTestData.LastAuditAsync(portal, "user.create"))!.SummaryJson, StringComparison.Ordinal);
        using var user = new AccountClient(portal);
        await user.SignInAsync("wuhai.reviewer", "Init@2026!ok");
        var workspace = await user.GetAsync("/workspace");
        Assert.StartsWith("/account/change-password", workspace.Location, StringComparison.Ordinal);
        Assert.Contains("初始密码", (await user.GetAsync(workspace.Location!)).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enterprise_AddsAndDisablesUserOfItsOwnEnterprise_DisabledCannotSignIn()
    {
        using var applicant = new AccountClient(portal);
        await applicant.SignInAsync("enterprise.04");

        var added = await applicant.SubmitAsync("/enterprise/users", "NewUser.UserName", new Dictionary<string, string>
        {
            ["NewUser.UserName"] = "lucheng.second", ["NewUser.DisplayName"] = "鹿城 第二申报人", ["NewUser.InitialPassword"] = "Init@2026!ok",
        });
        var taken = await applicant.SubmitAsync("/enterprise/users", "NewUser.UserName", new Dictionary<string, string>
        {
            ["NewUser.UserName"] = "enterprise", ["NewUser.DisplayName"] = "重名", ["NewUser.InitialPassword"] = "Init@2026!ok",
        });

        Assert.Contains("已添加用户 lucheng.second", added.Text("[data-testid=admin-message]"), StringComparison.Ordinal);
        Assert.Contains("已被使用", taken.Text("[data-testid=create-errors]"), StringComparison.Ordinal);
        var rows = added.Document.QuerySelectorAll("[data-testid=user-table] tbody tr").Select(r => r.GetAttribute("data-user")).ToList();
        Assert.Equal(["enterprise.04", "lucheng.second"], rows.Order(StringComparer.Ordinal).ToList());
        var id = await AccountTestData.QueryAsync(portal, db => db.Users.Where(u => u.UserName == "lucheng.second").Select(u => u.Id).SingleAsync());

        var disabled = await applicant.PostFormAsync(added, "/enterprise/users", "enterprise-user-actions", new Dictionary<string, string> { ["op"] = $"deactivate:{id:D}" });
        // Another enterprise's account is not found through the filter, whatever id is posted.
        var foreign = await applicant.PostFormAsync(added, "/enterprise/users", "enterprise-user-actions", new Dictionary<string, string> { ["op"] = $"deactivate:{DemoSeeder.UserId("enterprise"):D}" });

        Assert.Equal("账户已停用", disabled.Text("[data-testid=admin-message]"));
        Assert.Equal("账户不存在", foreign.Text("[data-testid=admin-message]"));
        using var second = new AccountClient(portal);
        var refused = await second.PostLoginAsync("lucheng.second", "Init@2026!ok");
        Assert.Equal("该账户已停用，请联系本单位管理员。", refused.Text("[data-testid=login-error]"));
        Assert.NotNull(await AccountTestData.LastAuditAsync(portal, "user.deactivate"));
    }

    [Fact]
    public async Task SecurityAdmin_UnlocksLockedAccount()
    {
        await AccountTestData.CreateUserAsync(portal, "locked.out", ActorRole.AgencyCoordinator, DemoSeeder.Agency, DateTimeOffset.UtcNow);
        using var victim = new AccountClient(portal);
        for (var i = 0; i < 5; i++)
        {
            await victim.PostLoginAsync("locked.out", "Wrong@2026!");
        }
        using var security = new AccountClient(portal);
        await security.SignInAsync("secadmin");
        var id = await AccountTestData.QueryAsync(portal, db => db.Users.Where(u => u.UserName == "locked.out").Select(u => u.Id).SingleAsync());
        var page = await security.GetAsync("/admin/users?q=locked.out");
        Assert.Contains("锁定至", page.Text("tr[data-user='locked.out']"), StringComparison.Ordinal);

        var unlocked = await security.PostFormAsync(page, "/admin/users", "user-actions", new Dictionary<string, string> { ["op"] = $"unlock:{id:D}" });

        Assert.Equal("已解除锁定", unlocked.Text("[data-testid=admin-message]"));
        Assert.Equal("/workspace", await victim.SignInAsync("locked.out", AccountTestData.Password));
    }
}
