using NuMeng.Recognition.Domain.ExpertReview;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.RuleSets;

namespace NuMeng.Recognition.Domain.Tests.ExpertReview;

public class ScoreSheetTests
{
    // The built-in 智能工厂 rubric (docs/rule-reference.md §8, our default): 装备数字化 15, 数据采集与设备联网 15, 生产过程数字化 20,
    // 信息集成 20, 信息安全 10, 效益指标 20 = 100.
    private static readonly Rubric Factory = ScoreSheet.RubricFor(RuleSetCatalog.Current, RecognitionKind.SmartFactory);

    private static List<ScoreEntry> Full(decimal equipment = 13m, string? equipmentComment = null) =>
    [
        new("equipment", equipment, equipmentComment),
        new("data-collection", 12m, null),
        new("process", 18m, null),
        new("integration", 17.5m, null),
        new("security", 8m, null),
        new("kpi", 16m, null),
    ];

    [Theory]
    [InlineData(RecognitionKind.DigitalWorkshop, "数字化车间专家评分表（建议默认）", 100)]
    [InlineData(RecognitionKind.SmartFactory, "智能工厂专家评分表（建议默认）", 100)]
    [InlineData(RecognitionKind.TierAdvanced, null, 100)]
    public void RubricFor_Kind_TheRuleSetsRubric(RecognitionKind kind, string? name, decimal total)
    {
        var rubric = ScoreSheet.RubricFor(RuleSetCatalog.Current, kind);

        Assert.Equal(total, rubric.TotalPoints);
        if (name is not null)
        {
            Assert.Equal(name, rubric.Name);
        }
        else
        {
            Assert.Same(RuleSetCatalog.Current.Tiers.Rubric, rubric);
        }
    }

    [Fact]
    public void Check_CompleteSheet_ValidWithTotal()
    {
        var result = ScoreSheet.Check(Factory, Full(), forSubmission: true);

        Assert.Empty(result.Errors);
        Assert.True(result.IsComplete);
        Assert.Equal(84.5m, result.Total);
        Assert.Equal(100m, result.MaxTotal);
        Assert.Equal(["equipment", "data-collection", "process", "integration", "security", "kpi"], result.Lines.Select(l => l.Item.Code));
    }

    // Points: 0 ≤ points ≤ max (both inclusive), whole or half points. 装备数字化 max 15.
    [Theory]
    [InlineData("0", true)]
    [InlineData("-0.5", false)]
    [InlineData("15", true)]
    [InlineData("15.5", false)]
    [InlineData("14.5", true)]
    [InlineData("12.3", false)]
    [InlineData("12.25", false)]
    public void Check_EquipmentPoints_RangeAndHalfSteps(string points, bool valid)
    {
        var value = decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture);
        var result = ScoreSheet.Check(Factory, Full(value, "现场说明"), forSubmission: true);

        var error = result.Errors.SingleOrDefault(e => e.Field == "items[0].points");
        Assert.Equal(valid, error is null);
        if (error is not null)
        {
            Assert.Contains("装备数字化", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_AboveMax_ChineseMessageNamesItemAndMax()
    {
        var result = ScoreSheet.Check(Factory, Full(16m), forSubmission: true);

        Assert.Equal("“装备数字化”的得分不能超过满分 15 分（现为 16）", Assert.Single(result.Errors).Message);
        Assert.Equal(71.5m, result.Total); // the impossible 16 does not count
    }

    // Comment rule (ours): an item scored below 60 % of its maximum needs a comment; exactly 60 % does not.
    // 装备数字化 max 15: 60 % = 9.
    [Theory]
    [InlineData("9", null, false)]
    [InlineData("8.5", null, true)]
    [InlineData("9.5", null, false)]
    [InlineData("8.5", "设备联网率低，现场抽查三台未联网", false)]
    [InlineData("0", "  ", true)]
    public void Check_LowScore_CommentRequiredBelowSixtyPercent(string points, string? comment, bool error)
    {
        var value = decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture);
        var result = ScoreSheet.Check(Factory, Full(value, comment), forSubmission: true);

        var found = result.Errors.SingleOrDefault(e => e.Field == "items[0].comment");
        Assert.Equal(error, found is not null);
        Assert.Equal(value * 100m < 15m * 60m, result.Lines[0].CommentRequired);
        if (found is not null)
        {
            Assert.Equal($"“装备数字化”得分 {points} 分，低于满分 15 分的 60%，请填写评分意见说明扣分理由", found.Message);
        }
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 0)]
    public void Check_MissingItems_RefusedOnlyOnSubmission(bool forSubmission, int errors)
    {
        var entries = Full().Where(e => e.ItemCode is not ("security" or "kpi")).ToList();

        var result = ScoreSheet.Check(Factory, entries, forSubmission);

        Assert.Equal(errors, result.Errors.Count);
        Assert.False(result.IsComplete);
        Assert.Equal(60.5m, result.Total);
        if (forSubmission)
        {
            Assert.Equal("请为“信息安全”评分（0 至 10 分）", result.Errors[0].Message);
            Assert.Equal("items[4].points", result.Errors[0].Field);
        }
    }

    [Fact]
    public void Check_DraftStillChecksRange()
    {
        var result = ScoreSheet.Check(Factory, [new ScoreEntry("kpi", 21m, null)], forSubmission: false);

        Assert.Equal("items[5].points", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Check_UnknownOrDuplicateItem_Refused()
    {
        var entries = Full();
        entries.Add(new ScoreEntry("dataCollection", 12m, null));
        entries.Add(new ScoreEntry("kpi", 16m, null));

        var result = ScoreSheet.Check(Factory, entries, forSubmission: true);

        Assert.Contains(result.Errors, e => e.Field == "items" && e.Message.Contains("“dataCollection”", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Field == "items[5]" && e.Message == "“效益指标”重复评分");
    }

    [Theory]
    [InlineData(1000, false)]
    [InlineData(1001, true)]
    public void Check_CommentLength_AtMostOneThousand(int length, bool error)
    {
        var result = ScoreSheet.Check(Factory, Full(13m, new string('评', length)), forSubmission: false);

        Assert.Equal(error, result.Errors.Any(e => e.Field == "items[0].comment"));
    }
}
