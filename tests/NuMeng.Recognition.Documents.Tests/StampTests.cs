using NuMeng.Recognition.Documents.Components;
using NuMeng.Recognition.Documents.PreCheck;
using NuMeng.Recognition.Documents.Tests.Infrastructure;

namespace NuMeng.Recognition.Documents.Tests;

/// <summary>The stamp every document prints (docs/architecture.md principle 5: the version's hash and a verification code).</summary>
public sealed class StampTests
{
    [Fact]
    public void Sha256Hex_KnownText_IsLowercaseHexOfUtf8()
    {
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", DocumentStamp.Sha256Hex("abc"));
    }

    [Fact]
    public void Derive_SameInputs_SameCodeInTwoGroupsOfFiveWithoutLookAlikes()
    {
        var a = VerificationCodes.Derive("certificate", "NM-SZ-2026-001", new string('a', 64));
        var b = VerificationCodes.Derive("certificate", "NM-SZ-2026-001", new string('a', 64));

        Assert.Equal(a, b);
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{5}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{5}$", a);
    }

    [Theory]
    [InlineData("certificate", "NM-SZ-2026-002", "aaaa")] // another number
    [InlineData("certificate", "NM-SZ-2026-001", "bbbb")] // another version
    [InlineData("notice", "NM-SZ-2026-001", "aaaa")]      // another kind of document
    public void Derive_AnyPartChanged_AnotherCode(string kind, string number, string hash)
    {
        Assert.NotEqual(VerificationCodes.Derive("certificate", "NM-SZ-2026-001", "aaaa"), VerificationCodes.Derive(kind, number, hash));
    }

    [Fact]
    public void Derive_WithKey_DiffersFromWithoutKey()
    {
        Assert.NotEqual(VerificationCodes.Derive("c", "1", "h"), VerificationCodes.Derive("c", "1", "h", "secret"u8));
    }

    [Theory]
    [InlineData("7FK3Q-9XM2P", true)]
    [InlineData("7fk3q9xm2p", true)]
    [InlineData(" 7FK3Q 9XM2P ", true)]
    [InlineData("7FK3Q-9XM2Q", false)]
    public void Matches_TypedCode_IgnoresCaseDashAndSpaces(string typed, bool expected)
    {
        Assert.Equal(expected, VerificationCodes.Matches(typed, "7FK3Q-9XM2P"));
    }

    [Fact]
    public void StampFor_PreCheck_SameDataSameStampAndHashOfCanonicalJson()
    {
        var (request, report) = Examples.Evaluate("precheck-digital-workshop.json");
        var (again, _) = Examples.Evaluate("precheck-digital-workshop.json");

        var stamp = PreCheckReportPdf.StampFor(request, report, Examples.GeneratedAt);
        var second = PreCheckReportPdf.StampFor(again, report, Examples.GeneratedAt.AddHours(3));

        Assert.Equal(DocumentStamp.Sha256Hex(Domain.PreCheck.JsonInput.Write(request)), stamp.SourceSha256);
        Assert.Matches("^[0-9a-f]{64}$", stamp.SourceSha256!);
        Assert.Equal($"ZPG-20261121-{stamp.SourceSha256![..8].ToUpperInvariant()}", stamp.DocumentNumber);
        Assert.Equal(stamp.VerificationCode, second.VerificationCode);
        Assert.Equal(stamp.DocumentNumber, second.DocumentNumber);
        Assert.Equal("申报前自评估报告", stamp.Title);
    }

    [Fact]
    public void StampFor_PreCheck_OneFigureChanged_AnotherHashAndCode()
    {
        var (request, report) = Examples.Evaluate("precheck-digital-workshop.json");
        var changed = request with { Technical = request.Technical! with { DigitalEquipment = 20 } };

        var stamp = PreCheckReportPdf.StampFor(request, report, Examples.GeneratedAt);
        var other = PreCheckReportPdf.StampFor(changed, report, Examples.GeneratedAt);

        Assert.NotEqual(stamp.SourceSha256, other.SourceSha256);
        Assert.NotEqual(stamp.VerificationCode, other.VerificationCode);
    }

    [Fact]
    public void Lines_FullStamp_PrintBeijingTimeNumberHashAndCode()
    {
        var stamp = new DocumentStamp
        {
            Title = "数字化车间认定证书",
            DocumentNumber = "NM-SZ-2026-001",
            GeneratedAt = new DateTimeOffset(2026, 12, 31, 17, 30, 0, TimeSpan.Zero),
            SourceSha256 = "ab12",
            VerificationCode = "7FK3Q-9XM2P",
            VerificationUrl = "https://example.gov.cn/verify",
        };

        // 17:30 UTC on 31 December is 01:30 on 1 January in Beijing.
        Assert.Equal("数字化车间认定证书　编号：NM-SZ-2026-001　生成时间：2027年1月1日 01:30（北京时间）", stamp.IdentityLine);
        Assert.Equal("申报版本 SHA-256：ab12　核验码：7FK3Q-9XM2P（https://example.gov.cn/verify）", stamp.VerificationLine);
    }

    [Fact]
    public void Lines_NoNumberHashOrCode_OnlyTitleAndTime()
    {
        var stamp = new DocumentStamp { Title = "名单", GeneratedAt = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.FromHours(8)) };

        Assert.Equal("名单　生成时间：2026年1月5日 00:00（北京时间）", stamp.IdentityLine);
        Assert.Equal(string.Empty, stamp.VerificationLine);
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(9, "九")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(20, "二十")]
    [InlineData(23, "二十三")]
    [InlineData(99, "九十九")]
    public void Of_Number_ChineseNumeral(int number, string expected)
    {
        Assert.Equal(expected, ChineseNumerals.Of(number));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Of_OutOfRange_Throws(int number)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseNumerals.Of(number));
    }

    [Fact]
    public void SectionAndSubSection_Two_PrintedAsOfficialDocumentsNumber()
    {
        Assert.Equal("二、", ChineseNumerals.Section(2));
        Assert.Equal("（二）", ChineseNumerals.SubSection(2));
    }
}
