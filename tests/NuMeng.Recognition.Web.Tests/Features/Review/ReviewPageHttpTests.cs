using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Review;

/// <summary>
/// The review pages over HTTP on the running portal: server-side authorisation (policy 盟市审核员/盟市负责人, then the
/// tenancy filter: another 盟市's application is 404, never a page), the inline file endpoint, and a return posted
/// through the page's form.
/// </summary>
public sealed class ReviewPageHttpTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Guid A2 = DemoSeeder.ApplicationId("A2");

    [Theory]
    [InlineData("bureau.reviewer", HttpStatusCode.OK)]
    [InlineData("bureau.leader", HttpStatusCode.OK)]
    // 包头's bureau: the application of 呼和浩特 does not exist for it.
    [InlineData("bureau2.reviewer", HttpStatusCode.NotFound)]
    public async Task ReviewPage_BureauUsers_OwnLeagueOnly(string user, HttpStatusCode expected)
    {
        using var client = await HttpSignIn.SignInAsync(portal, user);

        using var response = await client.GetAsync(new Uri($"/review/{A2:D}", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        var text = Text(await response.Content.ReadAsStringAsync());
        Assert.Equal(expected == HttpStatusCode.OK, text.Contains("云谷电子智能工厂", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/review")]
    [InlineData("/review/renames")]
    public async Task BureauPages_Enterprise_AccessDenied(string path)
    {
        using var client = await HttpSignIn.SignInAsync(portal, "enterprise.02");

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.OriginalString.Replace(portal.RootUri.ToString().TrimEnd('/'), "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReviewPage_Anonymous_SentToLogin()
    {
        using var client = HttpSignIn.NewClient(portal);

        using var response = await client.GetAsync(new Uri($"/review/{A2:D}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bureau.reviewer", "A2,A7,A13", "A1,A3,A4")]
    [InlineData("bureau2.reviewer", "A3,A4", "A2,A7,A13")]
    public async Task Queue_BureauUsers_OwnLeagueRowsOnly(string user, string shown, string hidden)
    {
        using var client = await HttpSignIn.SignInAsync(portal, user);

        var html = await client.GetStringAsync(new Uri("/review", UriKind.Relative));

        var rows = new HtmlParser().ParseDocument(html).QuerySelectorAll("[data-testid=queue-row]")
            .Select(r => Guid.Parse(r.GetAttribute("data-application")!)).ToHashSet();
        Assert.All(shown.Split(','), k => Assert.Contains(DemoSeeder.ApplicationId(k), rows));
        Assert.All(hidden.Split(','), k => Assert.DoesNotContain(DemoSeeder.ApplicationId(k), rows));
    }

    [Fact]
    public async Task Queue_FilterWithNoMatch_EmptyState()
    {
        using var client = await HttpSignIn.SignInAsync(portal, "bureau.reviewer");

        var html = await client.GetStringAsync(new Uri("/review?kind=TierLeading", UriKind.Relative));

        Assert.Contains("没有符合筛选条件的申报", Text(html), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bureau.reviewer", HttpStatusCode.OK)]
    [InlineData("bureau2.reviewer", HttpStatusCode.NotFound)]
    public async Task InlineFile_FrozenEvidence_InlineForOwnLeagueOnly(string user, HttpStatusCode expected)
    {
        Guid attachment;
        await using (var db = portal.SystemContext("初审测试"))
        {
            attachment = await db.ApplicationVersionAttachments
                .Where(a => db.ApplicationVersions.Any(v => v.Id == a.ApplicationVersionId && v.ApplicationId == A2))
                .Select(a => a.AttachmentId).FirstAsync();
        }
        using var client = await HttpSignIn.SignInAsync(portal, user);

        using var response = await client.GetAsync(new Uri($"/review/files/{attachment:D}", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("装备清单.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.StartsWith("%PDF", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReturnForm_WithoutConfirmation_NotReturned_ThenConfirmed_Returned()
    {
        var app = await ReviewArrange.ResubmittedWorkshopAsync(portal, "HTTP 退回测试车间");
        using var client = await HttpSignIn.SignInAsync(portal, "bureau.reviewer");
        var fields = new Dictionary<string, string>
        {
            ["reasons[0].itemKey"] = "kpi.productionEfficiency",
            ["reasons[0].reason"] = "申报值 21.69% 与计算值 27.72% 不一致，请核对",
        };

        var unconfirmed = await ReviewHttp.PostFormAsync(client, $"/review/{app:D}", "reasons[0].reason", fields);
        var confirmed = await ReviewHttp.PostFormAsync(client, $"/review/{app:D}", "reasons[0].reason",
            new Dictionary<string, string>(fields) { ["confirm"] = "yes" });

        Assert.Equal(HttpStatusCode.OK, unconfirmed.Status);
        Assert.Contains("请勾选确认后再退回", Text(unconfirmed.Html), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.StartsWith($"/review/{app:D}?done=returned", confirmed.Location, StringComparison.Ordinal);
        await using var db = portal.SystemContext("初审测试");
        Assert.Equal(Domain.Workflow.ApplicationState.Returned, (await db.Applications.SingleAsync(a => a.Id == app)).State);
    }

    /// <summary>The page's text (Blazor writes non-ASCII characters as character references).</summary>
    private static string Text(string html) => new HtmlParser().ParseDocument(html).Body?.TextContent ?? string.Empty;
}
