using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace NuMeng.Recognition.Web.Tests.Features.Exports;

/// <summary>
/// One read model per list: for the same user, the list's page, its Excel export and its record API endpoint return the
/// same rows, in the same order, with the same Chinese labels — and all three accept the same filters and paging.
/// </summary>
[Collection(ExportCollection.Name)]
public sealed class ListReadModelTests(ExportPortal fixture)
{
    private sealed record Row(string Id, string Name, string State);

    private async Task<string> TextAsync(string user, string path)
    {
        var client = await fixture.As(user);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user} {path}: {(int)response.StatusCode} {body}");
        return body;
    }

    private async Task<XlsxSheet> SheetAsync(string user, string path)
    {
        var client = await fixture.As(user);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new XlsxSheet(await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<List<Row>> ApiAsync(string user, string path, string name)
    {
        using var json = JsonDocument.Parse(await TextAsync(user, path));
        return [.. json.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => new Row(i.GetProperty("id").GetString()!, i.GetProperty(name).GetString()!, i.GetProperty("stateLabel").GetString()!))];
    }

    private async Task<List<Row>> ApplicationsPageAsync(string query)
    {
        var page = new HtmlParser().ParseDocument(await TextAsync("enterprise", "/applications" + query));
        return [.. page.QuerySelectorAll("[data-testid=my-applications] tbody tr")
            .Select(tr => new Row(tr.GetAttribute("data-id")!, tr.QuerySelector("strong")!.TextContent.Trim(), tr.QuerySelector(".state-chip")!.TextContent.Trim()))];
    }

    private async Task<List<Row>> BatchesPageAsync(string query)
    {
        var page = new HtmlParser().ParseDocument(await TextAsync("dept.staff", "/department/batches" + query));
        return [.. page.QuerySelectorAll("[data-testid=batch-row]")
            .Select(tr => new Row(tr.GetAttribute("data-batch")!, tr.QuerySelector("strong")!.TextContent.Trim(), tr.QuerySelector("[data-testid=batch-state]")!.TextContent.Trim()))];
    }

    private static List<(string Name, string State)> Shown(IEnumerable<Row> rows) => [.. rows.Select(r => (r.Name, r.State))];

    [Fact]
    public async Task ApplicationsList_PageExportAndApi_SameRowsOrderAndLabels()
    {
        var page = await ApplicationsPageAsync(string.Empty);
        using var sheet = await SheetAsync("enterprise", "/exports/applications.xlsx");
        var api = await ApiAsync("enterprise", "/api/v1/applications", "workshopOrFactoryName");

        Assert.Equal(3, page.Count);
        Assert.Equal(page.Select(r => r.Id), api.Select(r => r.Id), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(Shown(page), Shown(api));
        Assert.Equal(Shown(page), [.. sheet.Records.Select(r => (r["车间/工厂名称"], r["申报状态"]))]);
    }

    [Fact]
    public async Task ApplicationsList_SamePagingEverywhere_SameSecondRow()
    {
        var all = await ApplicationsPageAsync(string.Empty);
        var page = await ApplicationsPageAsync("?skip=1&take=1");
        using var sheet = await SheetAsync("enterprise", "/exports/applications.xlsx?skip=1&take=1");
        var api = await ApiAsync("enterprise", "/api/v1/applications?skip=1&take=1", "workshopOrFactoryName");

        Assert.Equal(all[1], Assert.Single(page));
        Assert.Equal(all[1], Assert.Single(api) with { Id = all[1].Id });
        Assert.Equal(all[1].Name, Assert.Single(sheet.Records)["车间/工厂名称"]);
    }

    [Fact]
    public async Task BatchesList_PageExportAndApi_SameRowsOrderAndLabels()
    {
        var page = await BatchesPageAsync(string.Empty);
        using var sheet = await SheetAsync("dept.staff", "/exports/batches.xlsx");
        var api = await ApiAsync("dept.staff", "/api/v1/batches", "title");

        Assert.True(page.Count >= 2, "演示数据应有多个批次");
        Assert.Equal(page.Select(r => r.Id), api.Select(r => r.Id), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(Shown(page), Shown(api));
        Assert.Equal(Shown(page), [.. sheet.Records.Select(r => (r["批次名称"], r["状态"]))]);
        // One label per state: the page's wording (申报中), never the export's old 开放申报.
        Assert.DoesNotContain(sheet.Records, r => r["状态"] == "开放申报");
    }

    [Fact]
    public async Task BatchesList_SameYearFilterEverywhere_SameRows()
    {
        var page = await BatchesPageAsync("?year=2025");
        using var sheet = await SheetAsync("dept.staff", "/exports/batches.xlsx?year=2025");
        var api = await ApiAsync("dept.staff", "/api/v1/batches?year=2025", "title");

        Assert.NotEmpty(page);
        Assert.Equal(Shown(page), Shown(api));
        Assert.Equal(Shown(page), [.. sheet.Records.Select(r => (r["批次名称"], r["状态"]))]);
        Assert.All(sheet.Records, r => Assert.Equal("2025", r["年度"]));
    }

    [Theory]
    [InlineData("bureau.reviewer")]
    [InlineData("enterprise")]
    public async Task BatchesApi_NotTheDepartment_403(string user)
    {
        var client = await fixture.As(user);
        using var response = await client.GetAsync(new Uri("/api/v1/batches", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
