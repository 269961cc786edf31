using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Web.Tests.Features.Exports;

namespace NuMeng.Recognition.Web.Tests.Features.Dashboard;

/// <summary>
/// /dashboard over HTTP on the running portal: the numbers equal the demo data as each role's tenancy scope sees it, the
/// filters narrow them, the chart's table repeats the chart's numbers, and who may open the page.
/// </summary>
[Collection(ExportCollection.Name)]
public sealed class DashboardPageTests(ExportPortal fixture)
{
    private async Task<(HttpStatusCode Status, IDocument Page, string? Location)> GetAsync(string user, string path)
    {
        var client = await fixture.As(user);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        if (user == "anonymous")
        {
            client.Dispose();
        }
        return (response.StatusCode, new HtmlParser().ParseDocument(html), response.Headers.Location?.OriginalString);
    }

    private static int Cell(IDocument page, string chart, string key) =>
        int.Parse(page.QuerySelector($"[data-testid=table-{chart}] tr[data-key='{key}'] td")?.TextContent ?? "0", CultureInfo.InvariantCulture);

    private static int Total(IDocument page, string key) =>
        int.Parse(page.QuerySelector($"[data-testid=dashboard-totals] li[data-key='{key}'] .dashboard__big")!.TextContent, CultureInfo.InvariantCulture);

    [Theory]
    // enterprise (青城智造乳业): A1 draft, A7 recommended, A13 recognised.
    [InlineData("enterprise", 3, "Draft", 1, "BureauRecommended", 1)]
    // bureau 1501: A2 submitted, A7 recommended, A13 recognised — never the draft A1.
    [InlineData("bureau.reviewer", 3, "Submitted", 1, "Draft", 0)]
    // department: all 12 demo applications (A1–A11, A13); drafts A1 and A6.
    [InlineData("dept.staff", 12, "Draft", 2, "Submitted", 2)]
    // agency: entrusted batches from expert review on: A8, A9, A10, A11, A13.
    [InlineData("agency", 5, "Recognised", 2, "Submitted", 0)]
    public async Task Dashboard_EachRole_CountsEqualTheDemoDataInItsScope(string user, int total, string state, int count, string other, int otherCount)
    {
        var (status, page, _) = await GetAsync(user, "/dashboard");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(total, Total(page, "total"));
        Assert.Equal(count, Cell(page, "state", state));
        Assert.Equal(otherCount, Cell(page, "state", other));
        Assert.Equal(total, int.Parse(page.QuerySelector("[data-testid=table-state] tfoot td")!.TextContent, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Dashboard_Department_LeagueByStateMatrixAndCertificates()
    {
        var (_, page, _) = await GetAsync("dept.staff", "/dashboard");

        // 呼和浩特市 (1501): A1 draft, A2 submitted, A7 recommended, A13 recognised.
        var hohhot = page.QuerySelector("[data-testid=league-state-matrix] tbody tr[data-key='1501']")!;
        Assert.Equal("1", hohhot.QuerySelector("td[data-key=Draft]")!.TextContent);
        Assert.Equal("1", hohhot.QuerySelector("td[data-key=Recognised]")!.TextContent);
        Assert.Equal("4", hohhot.QuerySelector(".matrix__total")!.TextContent);
        Assert.Equal(4, Cell(page, "league", "1501"));
        // Certificates: NMDW-2025-0001 (ends in 30 days), -0003, and the test's smart-factory one valid; -0002 revoked.
        Assert.Equal(3, Total(page, "valid"));
        Assert.Equal(1, Total(page, "expiring"));
        Assert.Equal(1, Total(page, "revoked"));
        Assert.Equal(1, Cell(page, "certificates", "expiring"));
    }

    [Fact]
    public async Task Dashboard_Bureau_NoOtherLeagueAndNoMatrix()
    {
        var (_, page, _) = await GetAsync("bureau.reviewer", "/dashboard");

        Assert.Null(page.QuerySelector("[data-testid=league-state-matrix]"));
        Assert.Null(page.QuerySelector("[data-testid=chart-certificates]"));
        Assert.Equal(0, Cell(page, "kind", "TierAdvanced")); // A5 (乌海) is not the bureau's
        Assert.Equal(1, Cell(page, "kind", "SmartFactory")); // A2
    }

    [Fact]
    public async Task Dashboard_Expert_ItsAssignmentsByProgress()
    {
        var (status, page, _) = await GetAsync("expert", "/dashboard");

        // 王建国: A8 (declared, not submitted) and A9 (submitted).
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, Cell(page, "assignments", "to-score"));
        Assert.Equal(1, Cell(page, "assignments", "submitted"));
        Assert.Equal(0, Cell(page, "assignments", "undeclared"));
        Assert.Null(page.QuerySelector("[data-testid=export-applications]"));
    }

    [Theory]
    [InlineData("year=2025", 5)]   // A8–A11, A13
    [InlineData("year=2026", 7)]   // A1–A7
    public async Task Dashboard_YearFilter_NarrowsTheCounts(string query, int total)
    {
        var (_, page, _) = await GetAsync("dept.staff", "/dashboard?" + query);

        Assert.Equal(total, Total(page, "total"));
    }

    [Fact]
    public async Task Dashboard_BatchFilter_OneBatchAndTheExportLinkCarriesIt()
    {
        var batch = DemoSeeder.BatchId(2026, 1, Domain.Rules.RecognitionKind.TierBasic);

        var (_, page, _) = await GetAsync("dept.staff", $"/dashboard?batch={batch:D}");

        // A4 and A7.
        Assert.Equal(2, Total(page, "total"));
        Assert.Equal($"/exports/applications.xlsx?batch={batch:D}", page.QuerySelector("[data-testid=export-applications]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Dashboard_EnterpriseYearWithoutApplications_EmptyState()
    {
        var (_, page, _) = await GetAsync("enterprise", "/dashboard?year=2024");

        Assert.NotNull(page.QuerySelector("[data-testid=dashboard-empty]"));
        Assert.Null(page.QuerySelector("[data-testid=chart-state]"));
    }

    [Fact]
    public async Task Dashboard_Chart_SvgHasATitleAndOneBarPerTableRow()
    {
        var (_, page, _) = await GetAsync("dept.staff", "/dashboard");

        var svg = page.QuerySelector("[data-testid=chart-state] svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("按申报状态", svg.QuerySelector("title")!.TextContent);
        Assert.Equal(page.QuerySelectorAll("[data-testid=table-state] tbody tr").Length, svg.QuerySelectorAll("g[data-key]").Length);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("auditadmin")]
    public async Task Dashboard_NotABusinessUser_SentAway(string user)
    {
        var (status, _, location) = await GetAsync(user, "/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains(user == "anonymous" ? "/account/login" : "/account/access-denied", location, StringComparison.Ordinal);
    }
}
