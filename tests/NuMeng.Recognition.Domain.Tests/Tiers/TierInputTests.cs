using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Tiers;

namespace NuMeng.Recognition.Domain.Tests.Tiers;

public class TierInputTests
{
    private static TierInput Input(string[] codes, decimal? score = 3.2m, MaturityLevel? maturity = MaturityLevel.Integrated) =>
        new(codes, maturity, score, true, null);

    [Fact]
    public void Validate_ValidInput_NoErrors()
    {
        Assert.Empty(Input(["S01", "S20", "s30"]).Validate(TierScenarios.Catalogue));
        Assert.Empty(Input([]).Validate(TierScenarios.Catalogue));
    }

    [Fact]
    public void Validate_UnknownSceneCode_NamesIndexedField()
    {
        var error = Assert.Single(Input(["S01", "S02", "S03", "S99"]).Validate(TierScenarios.Catalogue));

        Assert.Equal("tier.sceneCodes[3]", error.Field);
        Assert.Equal("场景编号“S99”不在场景目录《智能工厂梯度建设典型场景目录（暂行）》（NM-2025-SCENES@2025-provisional）中", error.Message);
    }

    [Fact]
    public void Validate_WithoutCatalogue_DoesNotJudgeCodes()
    {
        Assert.Empty(Input(["S99"]).Validate());
    }

    [Theory]
    [InlineData(new[] { "S01", "S02", "S01" }, "tier.sceneCodes[2]", "场景“S01”重复选择（与 tier.sceneCodes[0] 相同），每个场景只计一次")]
    [InlineData(new[] { "S01", " s01" }, "tier.sceneCodes[1]", "场景“s01”重复选择（与 tier.sceneCodes[0] 相同），每个场景只计一次")]
    [InlineData(new[] { "S01", " " }, "tier.sceneCodes[1]", "场景编号不能为空")]
    public void Validate_DuplicateOrBlankCode_NamesIndexedField(string[] codes, string field, string message)
    {
        var error = Assert.Single(Input(codes).Validate(TierScenarios.Catalogue));

        Assert.Equal(new InputError(field, message), error);
    }

    // Scores run 0–5 (GB/T 39117-2020), both bounds inclusive.
    [Theory]
    [InlineData(-0.01, false)]
    [InlineData(0, true)]
    [InlineData(5, true)]
    [InlineData(5.01, false)]
    public void Validate_ScoreAroundRange_OnlyOutsideFails(double score, bool valid)
    {
        var errors = Input(["S01"], (decimal)score).Validate("application.tier");

        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal("application.tier.maturityScore", error.Field);
            Assert.StartsWith("成熟度得分应在 0 至 5 之间（含本数）", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_UndefinedEnums_NamesFields()
    {
        var input = new TierInput(["S01"], (MaturityLevel)9, null, false, (TierLevel)7);

        Assert.Equal(["tier.maturity", "tier.highestRecognisedTier"], input.Validate().Select(e => e.Field));
    }

    [Fact]
    public void Validate_NullSceneCodes_NamesField()
    {
        var input = new TierInput(null!, null, null, false, null);

        Assert.Equal("tier.sceneCodes", Assert.Single(input.Validate()).Field);
    }
}
