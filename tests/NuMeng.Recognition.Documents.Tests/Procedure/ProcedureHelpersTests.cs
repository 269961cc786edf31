using NuMeng.Recognition.Documents.Html;
using NuMeng.Recognition.Documents.Procedure;

namespace NuMeng.Recognition.Documents.Tests.Procedure;

/// <summary>The pieces behind the procedure's documents: content flattening, page setup, stamps, QR codes.</summary>
public sealed class ProcedureHelpersTests
{
    [Theory]
    [InlineData("""{"technical":{"digitalEquipment":21}}""", "technical.digitalEquipment", "技术指标 · 数字化装备数", "21")]
    [InlineData("""{"project":{"totalInvestmentWan":12800.50}}""", "project.totalInvestmentWan", "申报项目 · 总投资（万元）", "12800.5")]
    [InlineData("""{"kind":"SmartFactory"}""", "kind", "认定类型", "智能工厂")]
    [InlineData("""{"commitment":{"accepted":true}}""", "commitment.accepted", "承诺书 · 已接受", "是")]
    [InlineData("""{"technical":{"mesModules":["工艺执行管理","设备运行管理"]}}""", "technical.mesModules", "技术指标 · MES 模块", "工艺执行管理；设备运行管理")]
    [InlineData("""{"enterprise":{"incidents":[{"description":"无"}]}}""", "enterprise.incidents[0].description", "企业情况与资格声明 · 近三年事故（第1项） · 说明", "无")]
    [InlineData("""{"unknownField":"x"}""", "unknownField", "unknownField", "x")]
    public void ContentFields_Of_OneRowPerFilledField(string json, string path, string label, string value)
    {
        var row = Assert.Single(ContentFields.Of(json));

        Assert.Equal(new ContentField(path, label, value), row);
    }

    [Theory]
    // Empty values and the evidence ids (printed as the attachment list with hashes) are left out.
    [InlineData("""{"project":{"name":null,"summary":""},"evidence":{"technical.equipmentList":["0197"]}}""", 0)]
    [InlineData("""{}""", 0)]
    [InlineData("""{"a":1,"b":{"c":2,"d":[3,4]}}""", 3)]
    public void ContentFields_Of_SkipsEmptyAndEvidence(string json, int rows)
    {
        Assert.Equal(rows, ContentFields.Of(json).Count);
    }

    [Fact]
    public void ContentFields_Of_Unreadable_SaysSo()
    {
        var row = Assert.Single(ContentFields.Of("{not json"));

        Assert.StartsWith("无法读取", row.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "size: A4;", "@top-left")]
    [InlineData(true, "size: A4 landscape;", null)]
    public void PageRules_PageSetup_SizeAndRunningHeader(bool certificate, string size, string? header)
    {
        var stamp = new DocumentStamp { Title = "证书", GeneratedAt = DateTimeOffset.UnixEpoch, VerificationCode = "7FK3Q-9XM2P" };

        var css = PrintStylesheet.PageRules(stamp, "平台", certificate ? PageSetup.Certificate : PageSetup.Portrait);

        Assert.Contains(size, css, StringComparison.Ordinal);
        Assert.Equal(header is not null, css.Contains("@top-left", StringComparison.Ordinal));
        Assert.Contains("counter(pages)", css, StringComparison.Ordinal);
    }

    [Fact]
    public void StampFor_SameRecord_SameCodeDifferentHashDifferentCode()
    {
        var at = DateTimeOffset.UnixEpoch;
        var a = ProcedureDocuments.StampFor("申报书", "application", "SBS-1", new string('a', 64), at);
        var b = ProcedureDocuments.StampFor("申报书", "application", "SBS-1", new string('a', 64), at.AddDays(1));
        var c = ProcedureDocuments.StampFor("申报书", "application", "SBS-1", new string('b', 64), at);

        Assert.Equal(a.VerificationCode, b.VerificationCode);
        Assert.NotEqual(a.VerificationCode, c.VerificationCode);
        Assert.Matches("^[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}$", a.VerificationCode!);
    }

    [Theory]
    [InlineData("http://localhost:5298", "7FK3Q-9XM2P", "http://localhost:5298/verify?code=7FK3Q-9XM2P")]
    [InlineData("https://zn.gxt.nmg.gov.cn/", "AB CD", "https://zn.gxt.nmg.gov.cn/verify?code=AB%20CD")]
    public void VerificationUrl_BaseAndCode_PublicVerifyPage(string baseUrl, string code, string expected)
    {
        var options = new DocumentOptions { PublicBaseUrl = baseUrl };

        Assert.Equal(expected, options.VerificationUrl(code));
    }

    [Fact]
    public void QrSvg_Url_InlineSvgWithoutXmlDeclaration()
    {
        var svg = ProcedureDocuments.QrSvg("http://localhost:5298/verify?code=7FK3Q-9XM2P");

        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("viewBox", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", svg, StringComparison.Ordinal);
    }
}
