using System.Net;
using AngleSharp.Html.Parser;
using NuMeng.Recognition.Data.Organisations;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Tests.Features.Account;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Panels;

/// <summary>
/// The panel pages over HTTP on the running portal: authorised on the server for the department and the agency only
/// (policy ExpertReviewManagement; everyone else is sent to 无权访问), the agency only for batches entrusted to it (another
/// agency gets 404, never the page), and no points on the page of an open panel.
/// </summary>
public sealed class PanelPageHttpTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Guid A8 = DemoSeeder.ApplicationId("A8");

    public static TheoryData<string, string> OtherRoles()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in new[] { "enterprise", "bureau.reviewer", "expert" })
        {
            foreach (var path in new[] { "/panels", $"/panels/{A8:D}", "/panels/experts" })
            {
                data.Add(user, path);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task PanelPages_EnterpriseBureauExpert_AccessDenied(string user, string path)
    {
        using var client = await HttpSignIn.SignInAsync(portal, user, _ => null);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Contains("/account/access-denied", location.ToString(), StringComparison.Ordinal);
        // Where the refusal lands answers 403 itself.
        using var denied = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task PanelPage_Anonymous_SentToLogin()
    {
        using var client = HttpSignIn.NewClient(portal);

        using var response = await client.GetAsync(new Uri($"/panels/{A8:D}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dept.staff")]
    [InlineData("agency")]
    public async Task PanelPages_DepartmentAndEntrustedAgency_OpenPanelShowsCountsOnly(string user)
    {
        using var client = await HttpSignIn.SignInAsync(portal, user, _ => DemoSeeder.DemoAuthenticatorKey);

        var board = await TextAsync(client, "/panels");
        Assert.Contains("煤制烯烃智能工厂", board, StringComparison.Ordinal);
        Assert.Contains("评分 0/2", board, StringComparison.Ordinal);

        using var response = await client.GetAsync(new Uri($"/panels/{A8:D}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.NotNull(html.QuerySelector("[data-testid=points-hidden]"));
        Assert.Null(html.QuerySelector("[data-testid=aggregate]"));
        Assert.Null(html.QuerySelector("[data-testid=score-sheet]"));
        // 周丽娟 is recused (consultancy) and never suggested; the reason is shown.
        Assert.Contains("北疆智能制造咨询有限公司", html.QuerySelector("[data-testid=members-table]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(html.QuerySelectorAll("[data-testid=suggestion]"), r => r.GetAttribute("data-expert") == DemoSeeder.ExpertId(9).ToString());

        var pool = await TextAsync(client, "/panels/experts");
        Assert.Contains("周丽娟", pool, StringComparison.Ordinal);
        Assert.Equal(user == "dept.staff", pool.Contains("加入专家库", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PanelPage_AgencyNotEntrustedWithTheBatch_NotFound()
    {
        var other = await AccountTestData.QueryAsync(portal, async db =>
        {
            var org = new Organisation { Kind = OrganisationKind.Agency, Name = "另一家评估机构（测试）" };
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            return org.Id;
        });
        await AccountTestData.CreateUserAsync(portal, "agency.other", ActorRole.AgencyCoordinator, other, DateTimeOffset.UtcNow);
        using var client = await HttpSignIn.SignInAsync(portal, "agency.other", _ => null, AccountTestData.Password);

        using var page = await client.GetAsync(new Uri($"/panels/{A8:D}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var board = await TextAsync(client, "/panels");
        Assert.DoesNotContain("煤制烯烃智能工厂", board, StringComparison.Ordinal);
        Assert.Contains("暂无待组织专家评审的申报", board, StringComparison.Ordinal);
    }

    private static async Task<string> TextAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).Body!.TextContent;
    }
}
