using NuMeng.Recognition.Domain.Eligibility;

namespace NuMeng.Recognition.Domain.Tests.Eligibility;

/// <summary>
/// GB 32100-2015: 18 characters from 0-9 A-H J-N P-R T-U W-Y; C18 = 31 − (Σ Ci·Wi mod 31), 31 → 0,
/// weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28. Expected check characters below were computed with an
/// independent implementation (a few lines of Python), not with the code under test.
/// </summary>
public class CreditCodeTests
{
    // Codes of large enterprises from public records (the brief's 91110000100017643K among them). Each passes the
    // check, which a random string does with probability 1/31, so together they confirm the weights and the character set.
    // (A candidate that had not validated would have been dropped: the standard's algorithm is authoritative.)
    [Theory]
    [InlineData("91110000100017643K")]
    [InlineData("91440300708461136T")]
    [InlineData("91110108551385082Q")]
    [InlineData("91110000710925243K")]
    [InlineData("91310000717854505W")]
    public void TryParse_PublishedCodes_AreValid(string text)
    {
        Assert.True(CreditCode.TryParse(text, out var code, out var error), error);
        Assert.Equal(text, code!.Value);
        Assert.Equal(text[17], CreditCode.ComputeCheckCharacter(text[..17]));
        Assert.False(code.IsInnerMongolia);
    }

    // 第 3–8 位 登记管理机关行政区划码: one valid code for each league/city (check characters computed independently).
    [Theory]
    [InlineData("91150100MA0N2XXXXD", "150100", "呼和浩特市")]
    [InlineData("91150203MA0N2XXXXX", "150203", "包头市")]
    [InlineData("91150300MA0N2XXXXP", "150300", "乌海市")]
    [InlineData("91150402MA0N2XXXXR", "150402", "赤峰市")]
    [InlineData("91150502MA0N2XXXXY", "150502", "通辽市")]
    [InlineData("91150602MA0N2XXXX4", "150602", "鄂尔多斯市")]
    [InlineData("91150702MA0N2XXXX9", "150702", "呼伦贝尔市")]
    [InlineData("91150802MA0N2XXXXE", "150802", "巴彦淖尔市")]
    [InlineData("91150902MA0N2XXXXK", "150902", "乌兰察布市")]
    [InlineData("91152201MA0N2XXXXR", "152201", "兴安盟")]
    [InlineData("91152502MA0N2XXXXP", "152502", "锡林郭勒盟")]
    [InlineData("91152921MA0N2XXXXW", "152921", "阿拉善盟")]
    public void TryParse_InnerMongoliaCode_NamesItsLeague(string text, string regionCode, string league)
    {
        Assert.True(CreditCode.TryParse(text, out var code, out var error), error);

        Assert.Equal(regionCode, code!.RegionCode);
        Assert.True(code.IsInnerMongolia);
        Assert.Equal(league, code.League!.Name);
        Assert.Null(code.Location!.DirectReportingCity);
        Assert.True(code.IsEnterprise);
        Assert.Equal('9', code.RegistrationAuthorityCode);
        Assert.Equal('1', code.CategoryCode);
        Assert.Equal("企业", code.CategoryLabel);
        Assert.Equal("MA0N2XXXX", code.SubjectCode);
        Assert.Equal(text[17], code.CheckCharacter);
    }

    [Theory]
    [InlineData("91150781MA0N2XXXXN", "呼伦贝尔市", "满洲里市")]
    [InlineData("91152501MA0N2XXXX9", "锡林郭勒盟", "二连浩特市")]
    public void TryParse_DirectReportingCity_NamesCityAndLeague(string text, string league, string city)
    {
        var code = CreditCode.Parse(text);

        Assert.Equal(league, code.League!.Name);
        Assert.Equal(city, code.Location!.DirectReportingCity!.Name);
    }

    [Fact]
    public void TryParse_RegionalLevelRegistration_IsInnerMongoliaWithoutLeague()
    {
        var code = CreditCode.Parse("91150000MA0N2XXXX8");

        Assert.True(code.IsInnerMongolia);
        Assert.Null(code.League);
        Assert.True(code.Location!.IsRegionalLevel);
    }

    [Theory]
    [InlineData("91110108MA0N2XXXXG")]   // 北京市海淀区
    [InlineData("91440300MA0N2XXXXP")]   // 深圳市
    public void TryParse_OutsideInnerMongolia_IsValidButNotInnerMongolia(string text)
    {
        var code = CreditCode.Parse(text);

        Assert.False(code.IsInnerMongolia);
        Assert.Null(code.League);
        Assert.Null(code.Location);
    }

    // The two edges of "31 → 0": Σ mod 31 = 0 gives 31, written 0; Σ mod 31 = 1 gives 30, the last character Y.
    [Theory]
    [InlineData("91150100MA0N20015", '0')]
    [InlineData("91150100MA0N20005", 'Y')]
    [InlineData("91150100MA0N2XXXX", 'D')]
    [InlineData("91110000100017643", 'K')]
    public void ComputeCheckCharacter_KnownSums_GiveExpectedCharacter(string first17, char expected)
    {
        Assert.Equal(expected, CreditCode.ComputeCheckCharacter(first17));
    }

    [Theory]
    [InlineData("91150100MA0N2XXXXE", "D", "E")]
    [InlineData("91150100MA0N2XXXX0", "D", "0")]
    [InlineData("91110000100017643J", "K", "J")]
    public void TryParse_WrongCheckCharacter_SaysWhichWasExpected(string text, string expected, string actual)
    {
        Assert.False(CreditCode.TryParse(text, out var code, out var error));
        Assert.Null(code);
        Assert.Equal($"校验码错误：应为“{expected}”，实为“{actual}”", error);
    }

    [Theory]
    [InlineData("91150100MA0N2XXXX", 17)]
    [InlineData("91150100MA0N2XXXXDD", 19)]
    [InlineData("9115", 4)]
    public void TryParse_WrongLength_Fails(string text, int length)
    {
        Assert.False(CreditCode.TryParse(text, out _, out var error));
        Assert.Equal($"统一社会信用代码应为 18 位，实为 {length} 位", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParse_Empty_AsksForTheCode(string? text)
    {
        Assert.False(CreditCode.TryParse(text, out _, out var error));
        Assert.Equal("请填写统一社会信用代码", error);
    }

    // GB 32100-2015: I, O, S, V and Z are not used.
    [Theory]
    [InlineData("91150100MI0N2XXXXD", 10, 'I')]
    [InlineData("91150100MA0N2OXXXD", 14, 'O')]
    [InlineData("91150100MA0N2XSXXD", 15, 'S')]
    [InlineData("91150100MA0N2XXVXD", 16, 'V')]
    [InlineData("91150100MA0N2XXXXZ", 18, 'Z')]
    public void TryParse_ForbiddenLetter_NamesPositionAndCharacter(string text, int position, char c)
    {
        Assert.False(CreditCode.TryParse(text, out _, out var error));
        Assert.StartsWith($"第 {position} 位字符“{c}”不是有效字符", error, StringComparison.Ordinal);
        Assert.Contains("I、O、S、V、Z", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_NonLatinCharacter_IsInvalidCharacter()
    {
        Assert.False(CreditCode.TryParse("91内50100MA0N2XXXXD", out _, out var error));
        Assert.Equal("第 3 位字符“内”不是有效字符", error);
    }

    [Fact]
    public void TryParse_LetterInRegionCode_Fails()
    {
        // Characters 3–8 are the administrative-division code: digits only, even though A is in the character set.
        Assert.False(CreditCode.TryParse("9115A100MA0N2XXXXD", out _, out var error));
        Assert.Equal("第 3–8 位应为登记管理机关行政区划码（6 位数字），第 5 位“A”不是数字", error);
    }

    [Theory]
    [InlineData("  91150100ma0n2xxxxd  ")]           // lower case and blanks around
    [InlineData("９１１５０１００ＭＡ０Ｎ２ＸＸＸＸＤ")]  // full-width, as a Chinese IME types it
    public void TryParse_NormalisesCaseWidthAndBlanks(string text)
    {
        Assert.True(CreditCode.TryParse(text, out var code, out var error), error);
        Assert.Equal("91150100MA0N2XXXXD", code!.Value);
        Assert.Equal("91150100MA0N2XXXXD", code.ToString());
    }

    [Fact]
    public void TryParse_NonEnterpriseCategory_ParsesButIsNotEnterprise()
    {
        // 5 民政 / 2 民办非企业单位; 9 工商 / 2 个体工商户.
        var civil = CreditCode.Parse("52150100MA0N2XXXXE");
        var individual = CreditCode.Parse("92150100MA0N2XXXXA");

        Assert.False(civil.IsEnterprise);
        Assert.Equal("民政", civil.RegistrationAuthorityLabel);
        Assert.Equal("民办非企业单位", civil.CategoryLabel);
        Assert.False(individual.IsEnterprise);
        Assert.Equal("个体工商户", individual.CategoryLabel);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionWithChineseReason()
    {
        var ex = Assert.Throws<FormatException>(() => CreditCode.Parse("91150100MA0N2XXXXE"));
        Assert.Equal("校验码错误：应为“D”，实为“E”", ex.Message);
    }

    [Theory]
    [InlineData("91150100MA0N2XXX")]
    [InlineData("91150100MA0N2XXXXD")]
    [InlineData("91150100MA0N2XXXI")]
    public void ComputeCheckCharacter_NotSeventeenValidCharacters_Throws(string first17)
    {
        Assert.Throws<ArgumentException>(() => CreditCode.ComputeCheckCharacter(first17));
    }

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(CreditCode.Parse("91150100MA0N2XXXXD"), CreditCode.Parse("91150100ma0n2xxxxd"));
        Assert.NotEqual(CreditCode.Parse("91150100MA0N2XXXXD"), CreditCode.Parse("91150203MA0N2XXXXX"));
    }
}
