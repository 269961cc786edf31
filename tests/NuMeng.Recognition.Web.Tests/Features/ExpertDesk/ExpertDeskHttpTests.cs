using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Web.Tests.Features.Review;
using static NuMeng.Recognition.Web.Tests.Features.ExpertDesk.ExpertArrange;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.ExpertDesk;

/// <summary>
/// The expert pages and the record API over HTTP on the running portal: policy (experts only), own assignments only
/// (another expert's is 404), nothing of the application before the declaration, a conflict declared through the page's
/// form hides the content and the scoring sheet, and a colleague's score sheet is 404 by id and absent from the list.
/// </summary>
public sealed class ExpertDeskHttpTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("bureau.reviewer", "/expert")]
    [InlineData("enterprise", "/expert")]
    [InlineData("agency", "/expert")]
    [InlineData("bureau.reviewer", "/expert/assignments/00000000-0000-0000-0000-000000000001")]
    [InlineData("agency", "/expert/onsite/00000000-0000-0000-0000-000000000001")]
    public async Task ExpertPages_OtherRoles_AccessDenied(string user, string path)
    {
        using var client = await HttpSignIn.SignInAsync(portal, user);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpertPages_Anonymous_SentToLogin()
    {
        using var client = HttpSignIn.NewClient(portal);

        using var response = await client.GetAsync(new Uri("/expert", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/expert/assignments/{0}")]
    [InlineData("/expert/onsite/{0}")]
    public async Task AnotherExpertsAssignment_NotFound(string path)
    {
        using var client = await HttpSignIn.SignInAsync(portal, "expert2");

        using var response = await client.GetAsync(new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Assignment(A8, 1)), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Undeclared_PageShowsEnterpriseAndKindOnly_ApiRefusesContent()
    {
        using var client = await HttpSignIn.SignInAsync(portal, "expert2");

        using var list = await client.GetAsync(new Uri("/expert", UriKind.Relative));
        Assert.Contains("待声明", Text(await list.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var page = await client.GetAsync(new Uri($"/expert/assignments/{Assignment(A8, 2):D}", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("智能工厂", Text(html), StringComparison.Ordinal);
        Assert.DoesNotContain("煤制烯烃智能工厂", html, StringComparison.Ordinal); // the project's name is content
        Assert.DoesNotContain("score-form", html, StringComparison.Ordinal);
        Assert.Contains("declare-form", html, StringComparison.Ordinal);
        foreach (var api in new[] { $"/api/v1/applications/{A8:D}", $"/api/v1/applications/{A8:D}/versions", $"/api/v1/attachments/{WellKnownIds.For("demo:attachment:A8"):D}/content" })
        {
            using var response = await client.GetAsync(new Uri(api, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{api} → {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task ColleagueScore_RecordApi_NotFoundByIdAndNotListed()
    {
        using var client = await HttpSignIn.SignInAsync(portal, "expert2");

        using var byId = await client.GetAsync(new Uri($"/api/v1/expert-scores/{WellKnownIds.For($"demo:score:{A8}:1"):D}", UriKind.Relative));
        using var listed = await client.GetAsync(new Uri("/api/v1/expert-scores", UriKind.Relative));
        using var assignment = await client.GetAsync(new Uri($"/api/v1/expert-assignments/{Assignment(A8, 1):D}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, assignment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        using var json = JsonDocument.Parse(await listed.Content.ReadAsStringAsync());
        Assert.Equal(0, json.RootElement.GetProperty("total").GetInt32());
        // The leader's own draft is his: listed for him, not for her.
        using var leader = await HttpSignIn.SignInAsync(portal, "expert");
        using var own = await leader.GetAsync(new Uri($"/api/v1/expert-scores/{WellKnownIds.For($"demo:score:{A8}:1"):D}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task DeclareConflict_ThroughTheForm_NoContentNoSheetScoringRefused()
    {
        var id = await ExpertArrange.AssignAsync(portal, "A10", 2, PanelRole.Member, declared: false);
        using var client = await HttpSignIn.SignInAsync(portal, "expert2");
        var url = $"/expert/assignments/{id:D}";

        var (status, location, _) = await ReviewHttp.PostFormAsync(client, url, "declaration", new Dictionary<string, string>
        {
            ["declaration"] = "conflict",
            ["reason"] = "本人所在单位曾为该企业提供咨询服务",
            ["confirm"] = "yes",
        });

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("done=recused", location, StringComparison.Ordinal);
        using var page = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("您已回避该申报的评审", Text(html), StringComparison.Ordinal);
        Assert.DoesNotContain("score-form", html, StringComparison.Ordinal);
        Assert.DoesNotContain("application-content", html, StringComparison.Ordinal);
        using var api = await client.GetAsync(new Uri($"/api/v1/applications/{DemoSeeder.ApplicationId("A10"):D}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    private static string Text(string html) => new HtmlParser().ParseDocument(html).Body?.TextContent ?? string.Empty;
}
