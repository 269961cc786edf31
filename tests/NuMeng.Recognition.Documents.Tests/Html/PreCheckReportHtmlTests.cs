using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NuMeng.Recognition.Documents.Html;
using NuMeng.Recognition.Documents.PreCheck;
using NuMeng.Recognition.Documents.Tests.Infrastructure;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Documents.Tests.Html;

/// <summary>
/// The pre-check report's HTML (HtmlRenderer, no browser): every finding, KPI step and tier line of the domain's report
/// is on the paper, in the print structure (ruled tables with repeated headers, the stamp in the page rules).
/// </summary>
[Collection(RendererCollection.Name)]
public sealed class PreCheckReportHtmlTests(RendererFixture fixture)
{
    public static TheoryData<string> ExampleFiles => new(Examples.Files);

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public async Task RenderHtmlAsync_Example_OneRowPerApplicableFindingWithOutcomeAndClause(string example)
    {
        var (document, report, _) = await RenderAsync(example);

        var verdicts = new[] { report.Eligibility, report.Requirements }.OfType<Verdict>().ToList();
        var tables = document.QuerySelectorAll("table.verdict");
        Assert.Equal(verdicts.Count, tables.Length);
        for (var i = 0; i < verdicts.Count; i++)
        {
            var applicable = verdicts[i].Findings.Where(f => f.Outcome != Outcome.NotApplicable).ToList();
            var rows = tables[i].QuerySelectorAll("tbody tr");
            Assert.Equal(applicable.Count, rows.Length);
            for (var r = 0; r < rows.Length; r++)
            {
                var cells = rows[r].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
                Assert.Equal((r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), cells[0]);
                Assert.Equal(applicable[r].OutcomeText, cells[1]);
                Assert.Equal(applicable[r].Title, cells[2]);
                Assert.Equal(applicable[r].Required, cells[3]);
                Assert.Equal(applicable[r].Actual, cells[4]);
                Assert.Contains(applicable[r].Clause.Citation, cells[5], StringComparison.Ordinal);
            }
            Assert.Equal(["序号", "结论", "要求项", "要求", "实际", "依据与说明"], tables[i].QuerySelectorAll("thead th").Select(th => th.TextContent));
        }
    }

    [Fact]
    public async Task RenderHtmlAsync_DigitalWorkshop_EveryKpiStepAndTheSettings()
    {
        var (document, report, _) = await RenderAsync("precheck-digital-workshop.json");

        var kpis = document.QuerySelectorAll("div.kpi");
        Assert.Equal(report.Kpis.Count, kpis.Length);
        for (var i = 0; i < report.Kpis.Count; i++)
        {
            var steps = kpis[i].QuerySelectorAll("table.steps tbody tr");
            Assert.Equal(report.Kpis[i].Steps.Count, steps.Length);
            Assert.Equal(report.Kpis[i].Steps.Select(s => s.ValueText), steps.Select(r => r.QuerySelectorAll("td")[3].TextContent.Trim()));
            Assert.Contains(report.Kpis[i].PercentText, kpis[i].QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        }
        var production = kpis.Single(k => k.GetAttribute("data-kpi") == "ProductionEfficiency");
        Assert.Contains("27.72%", production.TextContent, StringComparison.Ordinal);
        Assert.Contains("1852 ÷ 795", production.TextContent, StringComparison.Ordinal);
        Assert.Equal(report.KpiSettingsUsed.Count, document.QuerySelectorAll("table.settings tbody tr").Length);
    }

    [Fact]
    public async Task RenderHtmlAsync_TierExample_GapsCoverageAndChecklistWithTickBoxes()
    {
        var (document, report, _) = await RenderAsync("precheck-tier-advanced.json");
        var tier = report.Tier!;

        Assert.Equal(tier.Coverage.Count, document.QuerySelectorAll("table.coverage tbody tr").Length);
        var checklist = document.QuerySelectorAll("table.checklist tbody tr");
        Assert.Equal(tier.Checklist.Count, checklist.Length);
        Assert.All(checklist, row => Assert.Equal("□ 符合　□ 不符合", row.QuerySelector("td.tick")!.TextContent));
        Assert.All(tier.GapsToNextTier, gap => Assert.Contains(gap.Text, document.Body!.TextContent, StringComparison.Ordinal));
        Assert.Contains(tier.HighestTierMet!, document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderHtmlAsync_FailingFigures_ConclusionFailMarkedRowAndDeclaredFigureFlagged()
    {
        // 技术条件 一（一）: 装备数控化率达 60%以上 — 15 of 30 is 50%: 不符合. A declared 21.69% against a computed
        // 27.72% is outside the 0.05-point tolerance: 待核实 with the flag printed under the calculation.
        var json = Examples.Read("precheck-digital-workshop.json")
            .Replace("\"digitalEquipment\": 21", "\"digitalEquipment\": 15", StringComparison.Ordinal)
            .Replace("\"declared\": 27.72", "\"declared\": 21.69", StringComparison.Ordinal);
        var request = Domain.PreCheck.JsonInput.Read<Domain.PreCheck.PreCheckRequest>(json, out _)!;
        var report = Domain.PreCheck.PreCheckService.Evaluate(request, Examples.Today).Report!;
        var stamp = PreCheckReportPdf.StampFor(request, report, Examples.GeneratedAt);

        var document = new HtmlParser().ParseDocument(await fixture.PreCheck.RenderHtmlAsync(report, stamp));

        Assert.False(report.Passed);
        Assert.StartsWith("尚不符合", document.QuerySelector(".conclusion")!.TextContent.Trim(), StringComparison.Ordinal);
        var rate = document.QuerySelectorAll("table.verdict tbody tr").Single(r => r.QuerySelectorAll("td")[2].TextContent == "装备数控化率");
        Assert.Equal("不符合", rate.QuerySelector(".outcome-fail")!.TextContent);
        Assert.Contains("50.00%（15 / 30）", rate.TextContent, StringComparison.Ordinal);
        var flag = document.QuerySelector("div.kpi[data-kpi=ProductionEfficiency] p.declared.flag")!.TextContent;
        Assert.Equal($"提示：{report.Kpis.Single(k => k.Code.ToString() == "ProductionEfficiency").Flag}，请核实。", flag.Trim());
        Assert.Contains("待核实", document.QuerySelectorAll(".outcome-review").Select(e => e.TextContent));
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public async Task RenderHtmlAsync_Example_SectionsNumberedInOrderAndNoteForReferenceOnly(string example)
    {
        var (document, _, _) = await RenderAsync(example);

        var headings = document.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        for (var i = 0; i < headings.Count; i++)
        {
            Assert.StartsWith(Components.ChineseNumerals.Section(i + 1), headings[i], StringComparison.Ordinal);
        }
        Assert.EndsWith("说明", headings[^1], StringComparison.Ordinal);
        Assert.Contains("仅供申报前自查参考，不作为认定结论", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderHtmlAsync_Stylesheet_A4PageRulesWithStampRepeatedHeadersAndEmbeddedFont()
    {
        var (document, _, stamp) = await RenderAsync("precheck-digital-workshop.json");
        var css = document.QuerySelector("head style")!.TextContent;

        Assert.Equal(stamp.Title, document.Title);
        Assert.Contains("size: A4;", css, StringComparison.Ordinal);
        Assert.Contains("thead { display: table-header-group; }", css, StringComparison.Ordinal);
        Assert.Contains("content: \"第 \" counter(page) \" 页 / 共 \" counter(pages) \" 页\\A核验码：" + stamp.VerificationCode + "\"", css, StringComparison.Ordinal);
        Assert.Contains(stamp.SourceSha256!, css, StringComparison.Ordinal);
        Assert.Contains(stamp.DocumentNumber!, css, StringComparison.Ordinal);
        Assert.True(fixture.Fonts.IsEmbeddable, fixture.Fonts.FallbackReason);
        Assert.Contains($"url(\"{fixture.Fonts.RegularUrl}\") format(\"truetype\")", css, StringComparison.Ordinal);
        Assert.Contains($"url(\"{fixture.Fonts.BoldUrl}\") format(\"truetype\")", css, StringComparison.Ordinal);
        Assert.StartsWith("file:///", fixture.Fonts.RegularUrl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("普通标题", "\"普通标题\"")]
    [InlineData("含\"引号\"", "\"含\\\"引号\\\"\"")]
    [InlineData("反斜杠\\", "\"反斜杠\\\\\"")]
    [InlineData("两行\n第二行", "\"两行\\A 第二行\"")]
    [InlineData("}</style><script>", "\"}\\3C /style\\3E \\3C script\\3E \"")]
    [InlineData("甲&乙", "\"甲\\26 乙\"")]
    public void CssString_Text_QuotedAndEscaped(string text, string expected)
    {
        Assert.Equal(expected, PrintStylesheet.CssString(text));
    }

    [Fact]
    public async Task RenderDocumentAsync_TitleWithMarkup_EncodedInHtmlAndCannotCloseTheStyle()
    {
        var stamp = new DocumentStamp { Title = "</style><b>标题</b>", GeneratedAt = Examples.GeneratedAt };
        var (_, report) = Examples.Evaluate("precheck-tier-advanced.json");

        var html = await fixture.Html.RenderDocumentAsync<PreCheckReportDocument>(
            new Dictionary<string, object?> { ["Report"] = report, ["Stamp"] = stamp }, stamp);

        Assert.DoesNotContain("<b>标题</b>", html, StringComparison.Ordinal);
        Assert.Single(new HtmlParser().ParseDocument(html).QuerySelectorAll("style"));
    }

    private async Task<(IDocument Document, Domain.PreCheck.PreCheckReport Report, DocumentStamp Stamp)> RenderAsync(string example)
    {
        var (request, report) = Examples.Evaluate(example);
        var stamp = PreCheckReportPdf.StampFor(request, report, Examples.GeneratedAt);
        var html = await fixture.PreCheck.RenderHtmlAsync(report, stamp);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        return (new HtmlParser().ParseDocument(html), report, stamp);
    }
}
