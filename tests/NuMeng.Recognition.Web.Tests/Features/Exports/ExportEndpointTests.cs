using System.Net;
using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Documents.Xlsx;
using NuMeng.Recognition.Web.Features.Exports;

namespace NuMeng.Recognition.Web.Tests.Features.Exports;

/// <summary>
/// GET /exports/{list}.xlsx on the running portal with the demo data: each list for a role allowed to see it (headers, a
/// known demo row, the workbook read back with OpenXml), 403 for a role that may not, the tenancy scope (another 盟市's
/// rows absent for a bureau, open panels' scores absent), anonymous visitors sent to sign in, filters, audit.
/// </summary>
[Collection(ExportCollection.Name)]
public sealed class ExportEndpointTests(ExportPortal fixture)
{
    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string user, string path)
    {
        var client = await fixture.As(user);
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        if (user == "anonymous")
        {
            client.Dispose();
        }
        return (response, body);
    }

    private async Task<XlsxSheet> SheetAsync(string user, string path)
    {
        var (response, body) = await GetAsync(user, path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user} {path}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal(ExportEndpoints.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        return new XlsxSheet(body);
    }

    public static TheoryData<string, string, string, string, string> AllowedExports => new()
    {
        // list, user, a header, the column to find the row by, a known demo value in it
        { "applications", "enterprise", "企业名称", "车间/工厂名称", "乳制品基础级智能工厂" },
        { "applications", "bureau.reviewer", "申报状态", "车间/工厂名称", "云谷电子智能工厂" },
        { "applications", "dept.staff", "所在盟市", "车间/工厂名称", "重型装备焊接数字化车间" },
        { "applications", "agency", "批次", "车间/工厂名称", "煤制烯烃智能工厂" },
        { "applications", "expert", "认定类型", "车间/工厂名称", "铜冶炼智能工厂" },
        { "review-queue", "bureau.reviewer", "初审截止日期", "车间/工厂名称", "云谷电子智能工厂" },
        { "renames", "dept.staff", "申请更名为", "申请更名为", ExportPortal.RenamedTo },
        { "renames", "bureau.reviewer", "原名称", "申请更名为", ExportPortal.RenamedTo },
        { "batches", "dept.staff", "申报截止日期", "批次名称", "2025年第二批智能工厂认定（演示）" },
        { "experts", "dept.staff", "专业领域", "姓名", "王建国" },
        { "experts", "agency", "工作单位", "姓名", "周丽娟" },
        { "assignments", "agency", "利益冲突声明", "专家", "周丽娟" },
        { "scores", "dept.staff", "汇总得分", "车间/工厂名称", "铜冶炼智能工厂" },
        { "scores", "agency", "专家评分", "车间/工厂名称", "铜冶炼智能工厂" },
        { "notices", "anonymous", "公示截止日期", "车间/工厂名称", "铜冶炼智能工厂" },
        { "objections", "dept.staff", "异议人（保密）", "案件编号", ExportPortal.ObjectionCase },
        { "certificates", "dept.staff", "有效期至", "证书编号", "NMDW-2025-0003" },
        { "expiring", "dept.staff", "剩余天数", "证书编号", "NMDW-2025-0001" },
        { "national", "dept.staff", "统一社会信用代码", "证书编号", ExportPortal.NationalNumber },
        { "notifications", "enterprise", "内容", "状态", "未读" },
    };

    [Theory]
    [MemberData(nameof(AllowedExports))]
    public async Task Export_AllowedRole_ChineseHeadersAndAKnownDemoRow(string list, string user, string header, string key, string value)
    {
        using var sheet = await SheetAsync(user, $"/exports/{list}.xlsx");

        Assert.Contains(header, sheet.Headers);
        Assert.Contains(sheet.Records, r => r.TryGetValue(key, out var v) && v == value);
        Assert.True(sheet.HeaderFrozen, "首行未冻结");
        Assert.Equal(sheet.Headers.Count, sheet.Widths.Count);
        Assert.All(sheet.Widths, w => Assert.InRange(w, 6, 80));
    }

    [Theory]
    [InlineData("review-queue", "dept.staff")]
    [InlineData("review-queue", "enterprise")]
    [InlineData("batches", "bureau.reviewer")]
    [InlineData("experts", "expert")]
    [InlineData("experts", "bureau.reviewer")]
    [InlineData("assignments", "enterprise")]
    [InlineData("scores", "expert")]
    [InlineData("scores", "bureau.reviewer")]
    [InlineData("objections", "agency")]
    [InlineData("objections", "enterprise")]
    [InlineData("certificates", "bureau.reviewer")]
    [InlineData("expiring", "agency")]
    [InlineData("national", "enterprise")]
    [InlineData("renames", "expert")]
    public async Task Export_ForbiddenRole_403WithAChineseMessage(string list, string user)
    {
        var (response, body) = await GetAsync(user, $"/exports/{list}.xlsx");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("无权导出", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("applications")]
    [InlineData("scores")]
    [InlineData("objections")]
    [InlineData("notifications")]
    public async Task Export_Anonymous_SentToSignInAndBack(string list)
    {
        var (response, _) = await GetAsync("anonymous", $"/exports/{list}.xlsx");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString($"/exports/{list}.xlsx"), response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Export_BureauApplications_OnlyItsOwnLeague()
    {
        using var sheet = await SheetAsync("bureau.reviewer", "/exports/applications.xlsx");

        // bureau.reviewer is 呼和浩特市 (1501): A2, A7, A13 — not the draft A1, nothing of 包头 (A3, A4) or 赤峰 (A9).
        var names = sheet.Records.Select(r => r["车间/工厂名称"]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "乳制品基础级智能工厂", "云谷电子智能工厂", "酸奶发酵数字化车间" }.Order(StringComparer.Ordinal), names);
        Assert.All(sheet.Records, r => Assert.Equal("呼和浩特市", r["所在盟市"]));
    }

    [Fact]
    public async Task Export_EnterpriseApplications_OnlyItsOwnIncludingTheDraft()
    {
        using var sheet = await SheetAsync("enterprise", "/exports/applications.xlsx");

        Assert.Equal(3, sheet.Records.Count);
        Assert.All(sheet.Records, r => Assert.Equal("呼和浩特青城智造乳业有限公司", r["企业名称"]));
        Assert.Contains(sheet.Records, r => r["申报状态"] == "草稿");
    }

    [Fact]
    public async Task Export_DepartmentApplicationsFilteredByLeague_Only1502()
    {
        using var sheet = await SheetAsync("dept.staff", "/exports/applications.xlsx?league=1502");

        Assert.Equal(2, sheet.Records.Count);
        Assert.All(sheet.Records, r => Assert.Equal("包头市", r["所在盟市"]));
    }

    [Theory]
    [InlineData("state=Returned", "重型装备焊接数字化车间")]
    [InlineData("state=公示中", "铜冶炼智能工厂")]
    [InlineData("kind=TierBasic&league=1501", "乳制品基础级智能工厂")]
    [InlineData("year=2025&league=1506", "煤制烯烃智能工厂")]
    public async Task Export_QueryFilter_NarrowsToTheMatchingApplication(string query, string only)
    {
        using var sheet = await SheetAsync("dept.staff", "/exports/applications.xlsx?" + query);

        Assert.Equal(only, Assert.Single(sheet.Records)["车间/工厂名称"]);
    }

    [Theory]
    [InlineData("state=Nonsense", "state")]
    [InlineData("league=9999", "league")]
    [InlineData("year=20x5", "year")]
    [InlineData("batch=abc", "batch")]
    public async Task Export_UnreadableFilter_400NamingTheParameter(string query, string parameter)
    {
        var (response, body) = await GetAsync("dept.staff", "/exports/applications.xlsx?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"参数 {parameter}", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Certificates_DatesAreRealDatesInChineseFormat()
    {
        using var sheet = await SheetAsync("dept.staff", "/exports/certificates.xlsx");

        // NMDW-2025-0003 授牌 2025年7月20日; 管理办法 第十二条: 有效期五年，自授牌之日起计算.
        var awarded = sheet.CellOf("授牌日期", "证书编号", "NMDW-2025-0003");
        Assert.Null(awarded.DataType);
        Assert.Equal(new DateTime(2025, 7, 20).ToOADate(), XlsxSheet.Number(awarded));
        Assert.Equal(XlsxWriter.DateFormatCode, sheet.FormatCode(awarded));
        var status = sheet.CellOf("证书状态", "证书编号", "NMDW-2025-0002");
        Assert.Equal("已撤销", sheet.Records.Single(r => r["证书编号"] == "NMDW-2025-0002")["证书状态"]);
        Assert.NotNull(status);
    }

    [Fact]
    public async Task Export_Scores_OnlyClosedPanelsWithTheAggregation()
    {
        using var sheet = await SheetAsync("dept.staff", "/exports/scores.xlsx");

        // A9's panel is closed (experts 1 and 3 submitted 89 and 87); A8's is open (expert 2 undeclared, expert 1 unsubmitted).
        Assert.DoesNotContain(sheet.Records, r => r["车间/工厂名称"] == "煤制烯烃智能工厂");
        var a9 = sheet.Records.Where(r => r["车间/工厂名称"] == "铜冶炼智能工厂").ToList();
        Assert.Equal(new[] { 87m, 89m }, a9.Select(r => decimal.Parse(r["专家评分"], System.Globalization.CultureInfo.InvariantCulture)).Order());
        // Fewer than 5 experts: no score dropped, the mean (89 + 87) / 2 = 88.
        Assert.All(a9, r => Assert.Equal(88m, decimal.Parse(r["汇总得分"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(a9, r => Assert.False(r.ContainsKey("去掉的分数")));
        var cell = sheet.CellOf("汇总得分", "专家", "王建国");
        Assert.Equal("#4", sheet.FormatCode(cell));
    }

    [Fact]
    public async Task Export_Objections_NameTheObjectorForTheDepartment()
    {
        using var sheet = await SheetAsync("dept.staff", "/exports/objections.xlsx");

        var row = Assert.Single(sheet.Records);
        Assert.Equal(ExportPortal.ObjectorName, row["异议人（保密）"]);
        Assert.Equal("北疆有色集团赤峰红山冶炼分公司", row["被异议企业"]);
        Assert.Equal("已收到", row["状态"]);
    }

    [Fact]
    public async Task Export_ExpiringAndNational_FollowTheirWindows()
    {
        using var expiring = await SheetAsync("dept.staff", "/exports/expiring.xlsx");
        using var national = await SheetAsync("dept.staff", "/exports/national.xlsx");

        // 6 months: A10's certificate ends in 30 days; A13's in 2030 is not expiring; A11's is revoked.
        Assert.Equal("NMDW-2025-0001", Assert.Single(expiring.Records)["证书编号"]);
        Assert.Equal("30", expiring.Records[0]["剩余天数"]);
        // Only smart-factory recognitions qualify for the national recommendation, never a 数字化车间.
        Assert.Equal(ExportPortal.NationalNumber, Assert.Single(national.Records)["证书编号"]);
    }

    [Fact]
    public async Task Export_Notifications_OnlyTheUsersOwn()
    {
        using var own = await SheetAsync("enterprise", "/exports/notifications.xlsx");
        using var other = await SheetAsync("bureau.reviewer", "/exports/notifications.xlsx");

        Assert.Contains(own.Records, r => r["内容"].Contains("乳制品基础级智能工厂", StringComparison.Ordinal));
        Assert.DoesNotContain(other.Records, r => r["内容"].Contains("乳制品基础级智能工厂", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_FileName_ChineseWithAnAsciiFallback()
    {
        var (response, _) = await GetAsync("dept.staff", "/exports/certificates.xlsx");

        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Matches(@"^""?certificates-\d{8}\.xlsx""?$", disposition.FileName!);
        Assert.StartsWith("认定证书-", Uri.UnescapeDataString(disposition.FileNameStar!), StringComparison.Ordinal);
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Export_UnknownList_404()
    {
        var (response, _) = await GetAsync("dept.staff", "/exports/passwords.xlsx");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Export_SignedIn_RecordedInTheAuditLog()
    {
        using var sheet = await SheetAsync("agency", "/exports/experts.xlsx?league=1506");

        await using var db = fixture.SystemContext();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "export.experts").ToListAsync();
        var entry = Assert.Single(entries, e => e.SummaryJson.Contains("1506", StringComparison.Ordinal));
        Assert.Contains($"\"rows\":{sheet.Records.Count}", entry.SummaryJson, StringComparison.Ordinal);
        Assert.Contains("\"personalData\":true", entry.SummaryJson, StringComparison.Ordinal);
    }
}
