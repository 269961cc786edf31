using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Hashing;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Web.Tests.Features.Documents;

/// <summary>
/// Every document of the procedure generated over HTTP from the demo data by the real portal and Chromium, checked with
/// poppler: the Chinese text, the figures and the version hash are in the PDF, every page is A4, and it is served inline
/// with a Chinese file name (RFC 5987). The PDFs and their pages as PNG are left in /tmp/numeng-documents/web.
/// </summary>
public sealed partial class DocumentEndpointTests(DocumentPortal fixture) : IClassFixture<DocumentPortal>
{
    internal static readonly Guid A2 = DemoSeeder.ApplicationId("A2");
    internal static readonly Guid A7 = DemoSeeder.ApplicationId("A7");
    internal static readonly Guid A8 = DemoSeeder.ApplicationId("A8");
    internal static readonly Guid A9 = DemoSeeder.ApplicationId("A9");
    internal static readonly Guid A11 = DemoSeeder.ApplicationId("A11");
    internal static readonly Guid A13 = DemoSeeder.ApplicationId("A13");
    internal static readonly Guid Basic26 = DemoSeeder.BatchId(2026, 1, RecognitionKind.TierBasic);
    internal static readonly Guid Factory25 = DemoSeeder.BatchId(2025, 2, RecognitionKind.SmartFactory);

    internal static Guid Assignment(Guid application, int expert) => WellKnownIds.For($"demo:assignment:{application}:{expert}");

    internal static readonly Guid Notice = WellKnownIds.For($"demo:notice:{Factory25}");
    internal static readonly Guid Publication = WellKnownIds.For("demo:publication:内工信数字字〔2025〕18号");
    internal static readonly Guid Certificate3 = WellKnownIds.For("demo:certificate:NMDW-2025-0003");
    internal static readonly Guid Revocation2 = WellKnownIds.For("demo:revocation:NMDW-2025-0002");

    // (name, url, user — null for anonymous, the application whose version hash must print or null, expected text "|"-separated)
    public static TheoryData<string, string, string?, string?, string> Documents => new()
    {
        { "application", $"/documents/applications/{A2:D}/versions/1/application.pdf", "enterprise.02", "A2", "申报书|呼和浩特云谷电子科技有限公司|云谷电子智能工厂|申报内容（冻结版本全文）|规则判定|证明材料清单|装备清单.pdf" },
        { "bureau-opinion", $"/documents/applications/{A7:D}/bureau-opinion.pdf", "bureau.leader", "A7", "盟市初审推荐意见|呼和浩特市工业和信息化局|经初审，同意推荐。|第1位|乳制品基础级智能工厂" },
        { "bureau-summary", $"/documents/batches/{Basic26:D}/bureau-summary.pdf", "bureau2.reviewer", null, "推荐汇总表|包头市|包头鹿城稀土新材料有限公司|稀土新材料基础级智能工厂|限推荐5项" },
        { "bureau-summary-department", $"/documents/batches/{Basic26:D}/bureau-summary.pdf?league=1501", "dept.staff", null, "推荐汇总表|呼和浩特市|呼和浩特青城智造乳业有限公司|乳制品基础级智能工厂" },
        { "score-sheet", $"/documents/assignments/{Assignment(A9, 1):D}/score-sheet.pdf", "expert", "A9", "专家评分表|王建国|内蒙古工业大学|铜冶炼智能工厂|合计|89|总体达到智能工厂认定要求|评审专家（签字）" },
        { "score-summary", $"/documents/applications/{A9:D}/score-summary.pdf", "agency", "A9", "评分汇总表|王建国|张志强|89|87|88|汇总规则" },
        { "onsite-check", $"/documents/applications/{A9:D}/onsite-check.pdf", "expert", "A9", "现场核查表|制造执行系统覆盖5个模块并实际运行|关键设备联网并实时监控|已确认|现场核查情况与申报材料一致|2025年10月15日" },
        { "preselection", $"/documents/batches/{Factory25:D}/preselection.pdf", "dept.staff", null, "预选名单|2025年第二批智能工厂拟认定预选名单|北疆有色集团赤峰红山冶炼分公司|89|2025年第30次厅党组会|2025年11月20日" },
        { "notice", $"/documents/notices/{Notice:D}/notice.pdf", null, null, "内蒙古自治区工业和信息化厅|关于2025年第二批自治区智能工厂拟认定名单的公示|北疆有色集团赤峰红山冶炼分公司|铜冶炼智能工厂|书面形式|真实姓名|0471-0000000" },
        { "publication", $"/documents/publications/{Publication:D}/list.pdf", null, null, "内工信数字字〔2025〕18号|NMDW-2025-0001|NMDW-2025-0003|通辽科尔沁玉米生物科技有限公司|酸奶发酵数字化车间|2025年7月10日" },
        { "certificate", $"/documents/certificates/{Certificate3:D}/certificate.pdf", "enterprise", "A13", "证书|呼和浩特青城智造乳业有限公司|酸奶发酵数字化车间|内蒙古自治区数字化车间|NMDW-2025-0003|2025年7月20日|2030年7月19日|http://localhost:5298/verify?code=" },
        { "revocation", $"/documents/revocations/{Revocation2:D}/notice.pdf", "enterprise.10", "A11", "撤销|呼伦贝尔草原肉业食品有限公司|牛羊肉分割数字化车间|第十条（四）|所认定的数字化车间、智能工厂迁出内蒙古|企业已将该车间整体迁出自治区|NMDW-2025-0002|2026年6月1日" },
    };

    [DocumentTheory]
    [MemberData(nameof(Documents))]
    public async Task Get_DemoRecord_ServesA4PdfWithTextFiguresAndHash(string name, string url, string? user, string? hashOf, string expected)
    {
        var client = await fixture.ClientAsync(user);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("inline", disposition.DispositionType);
        Assert.EndsWith(".pdf", disposition.FileNameStar, StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", disposition.FileNameStar!);

        var path = Save(name, body);
        var text = Squash(DocumentPortal.Poppler("pdftotext", "-raw", path, "-"));
        Assert.All(expected.Split('|'), e => Assert.Contains(Squash(e), text, StringComparison.Ordinal));
        Assert.Contains("核验码", text, StringComparison.Ordinal);
        if (hashOf is not null)
        {
            Assert.Contains(await fixture.LatestHashAsync(DemoSeeder.ApplicationId(hashOf)), text, StringComparison.Ordinal);
        }
        AssertA4(path, landscape: name == "certificate");
    }

    [DocumentTheory]
    [InlineData("NMDW-2025-0003")]
    public async Task Certificate_Demo_PrintsItsOwnVerificationCode(string number)
    {
        var client = await fixture.ClientAsync("enterprise");
        // DemoSeeder.Certify: the demo's code is derived from the number.
        var code = Sha256Hex.Of("demo-verification:" + number)[..12].ToUpperInvariant();

        var bytes = await client.GetByteArrayAsync(new Uri($"/documents/certificates/{Certificate3:D}/certificate.pdf", UriKind.Relative));

        var text = Squash(DocumentPortal.Poppler("pdftotext", "-raw", Save("certificate-code", bytes), "-"));
        Assert.Contains("核验码：" + code, text, StringComparison.Ordinal);
        Assert.Contains($"verify?code={code}", text, StringComparison.Ordinal);
    }

    [DocumentTheory]
    [InlineData("dept.staff")]
    public async Task PublicNotice_Demo_PrintsTheComputedEndDate(string user)
    {
        await using var db = fixture.SystemContext();
        var endsOn = await db.PublicNotices.Where(n => n.Id == Notice).Select(n => n.EndsOn).FirstAsync();
        var client = await fixture.ClientAsync(user);

        var bytes = await client.GetByteArrayAsync(new Uri($"/documents/notices/{Notice:D}/notice.pdf", UriKind.Relative));

        var text = Squash(DocumentPortal.Poppler("pdftotext", "-raw", Save("notice-department", bytes), "-"));
        Assert.Contains($"至{endsOn.Year}年{endsOn.Month}月{endsOn.Day}日", text, StringComparison.Ordinal);
    }

    internal static string Save(string name, byte[] pdf)
    {
        var dir = Path.Combine(Path.GetTempPath(), "numeng-documents", "web");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name + ".pdf");
        File.WriteAllBytes(path, pdf);
        DocumentPortal.Poppler("pdftoppm", "-r", "60", "-png", path, Path.Combine(dir, name));
        return path;
    }

    private static void AssertA4(string path, bool landscape)
    {
        var pages = int.Parse(PagesLine().Match(DocumentPortal.Poppler("pdfinfo", path)).Groups[1].Value, CultureInfo.InvariantCulture);
        var sizes = SizeLine().Matches(DocumentPortal.Poppler("pdfinfo", "-f", "1", "-l", $"{pages}", path)).ToList();
        Assert.Equal(pages, sizes.Count);
        var (w, h) = landscape ? (842.0, 595.0) : (595.0, 842.0);
        Assert.All(sizes, m =>
        {
            Assert.InRange(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), w - 1.5, w + 1.5);
            Assert.InRange(double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), h - 1.5, h + 1.5);
        });
    }

    private static string Squash(string text) => Whitespace().Replace(text, string.Empty);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"size:\s+([\d.]+) x ([\d.]+) pts")]
    private static partial Regex SizeLine();
}
