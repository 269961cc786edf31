using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NuMeng.Recognition.Web.Tests.Features.Exports;

namespace NuMeng.Recognition.Web.Tests.Features.Workspace;

/// <summary>/workspace tiles: each role's pages, with live counts through the tenancy filter, and the role's exports.</summary>
[Collection(ExportCollection.Name)]
public sealed class WorkspaceTileTests(ExportPortal fixture)
{
    private async Task<IDocument> GetAsync(string user)
    {
        var client = await fixture.As(user);
        using var response = await client.GetAsync(new Uri("/workspace", UriKind.Relative));
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static int? Count(IDocument page, string tile) =>
        page.QuerySelector($"[data-testid=tile-{tile}-count] strong") is { } strong ? int.Parse(strong.TextContent, CultureInfo.InvariantCulture) : null;

    [Theory]
    [InlineData("bureau.reviewer", "review", 1)]         // 待初审: A2
    [InlineData("bureau2.reviewer", "review", 0)]        // 包头: A3 returned, A4 recommended — none waiting
    [InlineData("bureau.reviewer", "review-renames", 2)] // the demo's request for A13 and the test's own (通辽's A10 is not 1501's)
    [InlineData("dept.staff", "intake", 2)]              // 待受理: A4, A7
    [InlineData("dept.staff", "selection", 1)]           // 公示中: A9
    [InlineData("dept.staff", "expiring", 1)]            // NMDW-2025-0001 ends in 30 days
    [InlineData("dept.staff", "national", 1)]            // the test's smart-factory certificate
    [InlineData("dept.staff", "objections", 1)]
    [InlineData("agency", "panels", 1)]                  // A8 under expert review
    [InlineData("expert", "expert", 1)]                  // 待评分: A8
    [InlineData("enterprise", "recognitions", 1)]        // NMDW-2025-0003
    [InlineData("enterprise", "notifications", 1)]
    public async Task Workspace_Tile_LiveCountThroughTheTenancyFilter(string user, string tile, int expected)
    {
        var page = await GetAsync(user);

        Assert.Equal(expected, Count(page, tile));
    }

    [Theory]
    [InlineData("enterprise", "/applications", "/applications/new", "/recognitions", "/objection-responses", "/dashboard", "/notifications")]
    [InlineData("bureau.reviewer", "/review", "/review/renames", "/dashboard")]
    [InlineData("dept.staff", "/department/batches", "/department/batches/new", "/department/intake", "/department/rulesets", "/department/calendar",
        "/department/scenes", "/selection", "/selection/objections", "/certificates", "/certificates/renames", "/certificates/expiring",
        "/certificates/national", "/certificates/revocations", "/panels", "/panels/experts", "/dashboard")]
    [InlineData("agency", "/panels", "/panels/experts", "/dashboard")]
    [InlineData("expert", "/expert", "/dashboard")]
    public async Task Workspace_Role_TilesLinkToEveryPageOfTheRole(string user, params string[] pages)
    {
        var page = await GetAsync(user);

        var links = page.QuerySelectorAll("a.tile").Select(a => a.GetAttribute("href")).ToHashSet(StringComparer.Ordinal);
        Assert.All(pages, p => Assert.Contains(p, links));
    }

    [Fact]
    public async Task Workspace_Bureau_NoDepartmentTilesAndOnlyItsExports()
    {
        var page = await GetAsync("bureau.reviewer");

        Assert.Null(page.QuerySelector("[data-testid=tile-intake]"));
        var exports = page.QuerySelectorAll("[data-testid=workspace-exports] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/exports/review-queue.xlsx", exports);
        Assert.DoesNotContain("/exports/objections.xlsx", exports);
        Assert.DoesNotContain("/exports/scores.xlsx", exports);
    }
}
