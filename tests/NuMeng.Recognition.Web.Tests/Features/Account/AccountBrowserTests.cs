using Microsoft.Playwright;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Web.Tests.Infrastructure;
using static NuMeng.Recognition.Web.Tests.Infrastructure.BrowserPages;

namespace NuMeng.Recognition.Web.Tests.Features.Account;

/// <summary>Signing in as a person does, in Chromium, on a desktop and on a phone; screenshots for people to look at.</summary>
[Collection(BrowserCollection.Name)]
public class AccountBrowserTests(BrowserFixture browser, PortalFactory portal)
{
    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task SignIn_EnterpriseAndDepartmentStaffWithCode_WorkspaceThenSignOut(int width, string device)
    {
        var page = await browser.NewPageAsync(width, width < 500 ? 844 : 900);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        // Enterprise: password only.
        await page.GotoAsync(new Uri(portal.RootUri, "/account/login").ToString());
        await page.FillAsync("#login-user", "enterprise");
        await page.FillAsync("#login-password", "wrong-password");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("用户名或密码错误");
        await ShotAsync(page, $"account-login-error-{device}.png");
        await page.FillAsync("#login-password", DemoSeeder.DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/workspace");
        await Assertions.Expect(page.GetByTestId("role-label")).ToHaveTextAsync("企业申报人");
        await Assertions.Expect(page.GetByTestId("workspace-who")).ToContainTextAsync("呼和浩特青城智造乳业有限公司");
        await ShotAsync(page, $"account-workspace-enterprise-{device}.png");
        await SignOutAsync(page, width);
        await page.WaitForURLAsync("**/account/login?reason=signed-out");
        await Assertions.Expect(page.GetByTestId("nav-login")).ToHaveCountAsync(1);

        // Department staff: password, then the authenticator code.
        await page.FillAsync("#login-user", "dept.staff");
        await page.FillAsync("#login-password", DemoSeeder.DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/account/login-2fa**");
        await ShotAsync(page, $"account-login-2fa-{device}.png");
        await page.FillAsync("#login-code", await Totp.FreshCodeAsync(portal.RootUri, "dept.staff", DemoSeeder.DemoAuthenticatorKey));
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/workspace");
        await Assertions.Expect(page.GetByTestId("role-label")).ToHaveTextAsync("工信厅经办人");
        await Assertions.Expect(page.Locator("[data-testid=department] li[data-key=Draft] .count-value")).ToHaveTextAsync("2");
        await ShotAsync(page, $"account-workspace-department-{device}.png");
        await SignOutAsync(page, width);
        await page.WaitForURLAsync("**/account/login?reason=signed-out");

        // The registration form as a visitor sees it after a wrong check character.
        await page.GotoAsync(new Uri(portal.RootUri, "/account/register").ToString());
        await page.FillAsync("#reg-CompanyName", "示例企业有限公司");
        await page.FillAsync("#reg-CreditCode", "91150102MA0A1B2C30");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.GetByTestId("register-errors")).ToContainTextAsync("统一社会信用代码：");
        await ShotAsync(page, $"account-register-errors-{device}.png");
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task AdminPages_SystemAndAuditAdministrators_ShowTheirScreens(int width, string device)
    {
        var page = await browser.NewPageAsync(width, width < 500 ? 844 : 900);
        await page.SignInAsync(portal, "sysadmin");
        await page.GotoAsync(new Uri(portal.RootUri, "/admin/users").ToString());
        await Assertions.Expect(page.Locator("tr[data-user='bureau.reviewer']")).ToContainTextAsync("盟市审核员");
        await page.ClickAsync("details.form-section > summary");
        await ShotAsync(page, $"account-admin-users-{device}.png");
        await SignOutAsync(page, width);
        await page.WaitForURLAsync("**/account/login?reason=signed-out");

        await page.SignInAsync(portal, "auditadmin");
        await page.GotoAsync(new Uri(portal.RootUri, "/admin/audit").ToString());
        await Assertions.Expect(page.GetByTestId("audit-chain")).ToContainTextAsync("链完整");
        await ShotAsync(page, $"account-admin-audit-{device}.png");
        await SignOutAsync(page, width);
        await page.WaitForURLAsync("**/account/login?reason=signed-out");

        // A new department account without two-factor sign-in is sent to set it up, with key, QR code and otpauth URI.
        var userName = $"qr.{device}";
        await AccountTestData.CreateUserAsync(portal, userName, Domain.Workflow.ActorRole.DepartmentLeader, WellKnownIds.Department, DateTimeOffset.UtcNow);
        await page.FillAsync("#login-user", userName);
        await page.FillAsync("#login-password", AccountTestData.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/account/2fa-setup**");
        var qrWidth = await page.GetByTestId("otp-qr").EvaluateAsync<int>("img => img.naturalWidth");
        Assert.True(qrWidth > 100, $"二维码宽 {qrWidth}");
        await ShotAsync(page, $"account-2fa-setup-{device}.png");
        var key = (await page.GetByTestId("authenticator-key").TextContentAsync())!.Replace(" ", string.Empty, StringComparison.Ordinal);
        await page.FillAsync("#setup-code", AccountClient.Totp(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/workspace");
        await Assertions.Expect(page.GetByTestId("role-label")).ToHaveTextAsync("工信厅负责人");
    }

    private static async Task SignOutAsync(IPage page, int width)
    {
        if (width < 720)
        {
            // The phone layout folds the navigation behind the 菜单 button.
            await page.ClickAsync("label[for=nav-toggle]");
            await ShotAsync(page, "account-menu-open-phone.png");
        }
        await page.ClickAsync("[data-testid=nav-logout]");
    }
}
