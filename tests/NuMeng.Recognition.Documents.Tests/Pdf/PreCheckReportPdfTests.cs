using System.Globalization;
using System.Text.RegularExpressions;
using NuMeng.Recognition.Documents.PreCheck;
using NuMeng.Recognition.Documents.Tests.Infrastructure;

namespace NuMeng.Recognition.Documents.Tests.Pdf;

/// <summary>
/// The pre-check report printed by the real Chromium from both documented examples, checked with poppler: the Chinese
/// text and the figures are in the text layer, every page is A4 and carries the stamp, and the fonts are embedded
/// TrueType subsets (not Type 3 glyphs).
/// </summary>
[Collection(RendererCollection.Name)]
public sealed partial class PreCheckReportPdfTests(RendererFixture fixture)
{
    public static TheoryData<string> ExampleFiles => new(Examples.Files);

    // (example, text the report must print) — the figures are the domain's own: 技术条件 一（一） 装备数控化率
    // "达 60%以上": 21 of 30 = 70.00%; 一（五） 生产效率提高: (1928/648 − 1852/795) ÷ (1852/795) = 27.72%.
    public static TheoryData<string, string> ExpectedText => new()
    {
        { "precheck-digital-workshop.json", "申报前自评估报告" },
        { "precheck-digital-workshop.json", "数字化车间" },
        { "precheck-digital-workshop.json", "装备数控化率" },
        { "precheck-digital-workshop.json", "70.00%（21 / 30）" },
        { "precheck-digital-workshop.json", "27.72%" },
        { "precheck-digital-workshop.json", "1852 ÷ 795" },
        { "precheck-digital-workshop.json", "效益指标计算过程" },
        { "precheck-digital-workshop.json", "依据与说明" },
        { "precheck-digital-workshop.json", "仅供申报前自查参考" },
        { "precheck-tier-advanced.json", "先进级智能工厂" },
        { "precheck-tier-advanced.json", "梯度评估" },
        { "precheck-tier-advanced.json", "场景覆盖" },
        { "precheck-tier-advanced.json", "现场核查时逐项确认" },
        { "precheck-tier-advanced.json", "仅供申报前自查参考" },
    };

    [PdfTheory]
    [MemberData(nameof(ExpectedText))]
    public async Task RenderPdfAsync_Example_PrintsChineseTextAndFigures(string example, string expected)
    {
        var (_, text, _) = await PrintAsync(example);

        Assert.Contains(Squash(expected), Squash(text), StringComparison.Ordinal);
    }

    [PdfTheory]
    [MemberData(nameof(ExampleFiles))]
    public async Task RenderPdfAsync_Example_EveryPageCarriesStampAndPageNumber(string example)
    {
        var (path, _, stamp) = await PrintAsync(example);
        var pages = PageCount(path);
        Assert.True(pages >= 2, $"expected a report of several pages, got {pages}");

        for (var page = 1; page <= pages; page++)
        {
            var text = Squash(PdfTools.Run("pdftotext", "-f", $"{page}", "-l", $"{page}", path, "-"));
            Assert.Contains(Squash($"第 {page} 页 / 共 {pages} 页"), text, StringComparison.Ordinal);
            Assert.Contains(stamp.DocumentNumber!, text, StringComparison.Ordinal);
            Assert.Contains(stamp.SourceSha256!, text, StringComparison.Ordinal);
            Assert.Contains(Squash("核验码：" + stamp.VerificationCode), text, StringComparison.Ordinal);
            Assert.Contains("内蒙古自治区数字化车间和智能工厂认定管理平台", text, StringComparison.Ordinal);
        }
    }

    [PdfTheory]
    [MemberData(nameof(ExampleFiles))]
    public async Task RenderPdfAsync_Example_EveryPageIsA4(string example)
    {
        var (path, _, _) = await PrintAsync(example);
        var pages = PageCount(path);

        var info = PdfTools.Run("pdfinfo", "-f", "1", "-l", $"{pages}", path);
        var sizes = PageSize().Matches(info).Select(m => (W: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), H: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();

        // A4 is 210 × 297 mm = 595.28 × 841.89 pt; Chromium writes 594.96 × 841.92.
        Assert.Equal(pages, sizes.Count);
        Assert.All(sizes, s =>
        {
            Assert.InRange(s.W, 594, 596);
            Assert.InRange(s.H, 841, 843);
        });
    }

    [PdfTheory]
    [MemberData(nameof(ExampleFiles))]
    public async Task RenderPdfAsync_Example_EmbedsNotoSansScAsCidTrueTypeNotType3(string example)
    {
        Assert.True(fixture.Fonts.IsEmbeddable, fixture.Fonts.FallbackReason);
        var (path, _, _) = await PrintAsync(example);

        var fonts = PdfTools.Run("pdffonts", path).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();

        Assert.NotEmpty(fonts);
        Assert.All(fonts, line =>
        {
            Assert.DoesNotContain("Type 3", line, StringComparison.Ordinal);
            Assert.Contains("CID TrueType", line, StringComparison.Ordinal);
            Assert.Contains("NotoSansSC", line, StringComparison.Ordinal);
            // Columns: name type encoding emb sub uni object ID — embedded and subset.
            Assert.Matches(@"Identity-H\s+yes\s+yes\s+yes", line);
        });
        Assert.Contains(fonts, line => line.Contains("NotoSansSC-Bold", StringComparison.Ordinal));
    }

    private Task<(string Path, string Text, DocumentStamp Stamp)> PrintAsync(string example) =>
        fixture.Printed.GetOrAdd(example, PrintOnceAsync);

    /// <summary>Each example is printed once per test run (two cores are shared); every test checks that one file.</summary>
    private async Task<(string Path, string Text, DocumentStamp Stamp)> PrintOnceAsync(string example)
    {
        var (request, report) = Examples.Evaluate(example);
        var stamp = PreCheckReportPdf.StampFor(request, report, Examples.GeneratedAt);
        var pdf = await fixture.PreCheck.RenderPdfAsync(report, stamp);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        var path = Path.Combine(PdfTools.OutputDirectory, Path.ChangeExtension(example, ".pdf"));
        await File.WriteAllBytesAsync(path, pdf);
        return (path, PdfTools.Run("pdftotext", path, "-"), stamp);
    }

    private static int PageCount(string path) =>
        int.Parse(Pages().Match(PdfTools.Run("pdfinfo", path)).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>pdftotext breaks lines where the layout wraps and drops or keeps spaces between CJK glyphs; compare without any.</summary>
    private static string Squash(string text) => Whitespace().Replace(text, string.Empty);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex Pages();

    [GeneratedRegex(@"size:\s+([\d.]+) x ([\d.]+) pts")]
    private static partial Regex PageSize();
}
