using NuMeng.Recognition.Domain.Eligibility;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Domain.Tests.Eligibility;

public class EligibilityInputTests
{
    private static EligibilityInput Valid() => new() { CreditCode = "91150100MA0N2XXXXD", LegalStatus = LegalStatus.IndependentLegalPerson };

    [Fact]
    public void Validate_ValidInput_NoErrors()
    {
        Assert.Empty(Valid().Validate("enterprise"));
    }

    [Theory]
    [InlineData("91150100MA0N2XXXXE", "校验码错误：应为“D”，实为“E”")]
    [InlineData("9115", "统一社会信用代码应为 18 位，实为 4 位")]
    [InlineData(null, "请填写统一社会信用代码")]
    public void Validate_BadCreditCode_NamesTheField(string? code, string message)
    {
        var error = Assert.Single((Valid() with { CreditCode = code }).Validate("enterprise"));

        Assert.Equal(new InputError("enterprise.creditCode", message), error);
    }

    [Fact]
    public void Validate_BranchWithoutIndustry_AsksForIt()
    {
        var error = Assert.Single((Valid() with { LegalStatus = LegalStatus.Branch, Industry = " " }).Validate("enterprise"));

        Assert.Equal(new InputError("enterprise.industry", "分支机构申报须填写所属行业"), error);
    }

    [Fact]
    public void Validate_UndefinedLegalStatus_Fails()
    {
        var error = Assert.Single((Valid() with { LegalStatus = (LegalStatus)7 }).Validate("enterprise"));

        Assert.Equal("enterprise.legalStatus", error.Field);
    }

    [Fact]
    public void Validate_IncompleteIncident_NamesEachField()
    {
        var input = Valid() with { Incidents = [new Incident(new DateOnly(2025, 1, 1), IncidentKind.MajorQuality, "批量不合格"), new Incident(default, (IncidentKind)9, "")] };

        var fields = input.Validate("enterprise").Select(e => e.Field).ToList();

        Assert.Equal(["enterprise.incidents[1].date", "enterprise.incidents[1].kind", "enterprise.incidents[1].description"], fields);
    }

    [Fact]
    public void Validate_ListingDateWithoutListing_Fails()
    {
        var error = Assert.Single((Valid() with { SeriousDishonestyListedOn = new DateOnly(2025, 6, 1) }).Validate("enterprise"));

        Assert.Equal(new InputError("enterprise.seriousDishonestyListedOn", "未列入严重失信主体名单时不应填写列入日期"), error);
    }

    [Fact]
    public void Validate_EmptyPrefix_UsesBareFieldNames()
    {
        var error = Assert.Single((Valid() with { CreditCode = "" }).Validate(""));

        Assert.Equal("creditCode", error.Field);
    }
}
