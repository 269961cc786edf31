using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Scenes;
using NuMeng.Recognition.Domain.Tiers;

namespace NuMeng.Recognition.Domain.Tests.Tiers;

/// <summary>
/// 要素条件 四/五: "建设场景数不低于《典型场景参考标准-卓越级》中 16个场景" / "…-领航级》中 20 个场景": a scene counts for a
/// tier only when it is on that tier's list. A test edition where L01–L06 are only on the 领航级 list.
/// </summary>
public class TierSceneListTests
{
    private static readonly SceneCatalogue Catalogue = Build();

    private static SceneCatalogue Build()
    {
        const string all = "基础级,先进级,卓越级,领航级";
        var rows = new List<string?[]>
        {
            new[] { "G01", "工厂数字化规划设计", "", "工厂建设", all },
            new[] { "G02", "数字基础设施建设", "", "信息基础设施", all },
            new[] { "G03", "产品数字化设计", "", "产品设计", all },
            new[] { "G04", "工艺数字化设计", "", "工艺设计", all },
        };
        string[] subs = ["生产作业", "质量管控", "设备管理", "计划调度", "仓储物流", "安全管控", "营销与售后", "供应链管理"];
        for (var i = 5; i <= 16; i++)
        {
            rows.Add([$"G{i:00}", $"通用场景{i}", "", subs[(i - 5) % subs.Length], all]);
        }
        string[] leadingSubs = ["产品设计", "工艺设计", "生产作业", "设备管理", "能碳管理", "供应链管理"];
        for (var i = 1; i <= 6; i++)
        {
            rows.Add([$"L{i:00}", $"领航专属场景{i}", "", leadingSubs[i - 1], "领航级"]);
        }
        var header = new SceneCatalogueHeader("TEST-LISTS", "1", "分层清单测试目录", "测试", new DateOnly(2025, 1, 1), false);
        var import = SceneCatalogue.FromRows(header, rows);
        return import.Catalogue ?? throw new InvalidOperationException(string.Join("；", import.Errors));
    }

    private static string[] G(int n) => [.. Enumerable.Range(1, n).Select(i => $"G{i:00}")];

    private static string[] L(int n) => [.. Enumerable.Range(1, n).Select(i => $"L{i:00}")];

    private static TierEvaluation Evaluate(TierLevel tier, string[] codes) =>
        TierEvaluator.Evaluate(TierConditions2025.Create(), Catalogue, tier,
            new TierInput(codes, MaturityLevel.Leading, null, true, TierLevel.Excellent));

    [Theory]
    [InlineData(16, 4, TierLevel.Excellent, 16, Outcome.Pass)]
    [InlineData(16, 4, TierLevel.Leading, 20, Outcome.Pass)]
    [InlineData(15, 5, TierLevel.Excellent, 15, Outcome.Fail)] // 20 chosen, but only 15 on the 卓越级 list
    [InlineData(15, 5, TierLevel.Leading, 20, Outcome.Pass)]
    [InlineData(16, 3, TierLevel.Leading, 19, Outcome.Fail)]
    [InlineData(10, 6, TierLevel.Advanced, 10, Outcome.Pass)]
    [InlineData(9, 6, TierLevel.Advanced, 9, Outcome.Fail)]
    public void Evaluate_LeadingOnlyScenes_CountOnlyForLeading(int general, int leadingOnly, TierLevel tier, int counted, Outcome expected)
    {
        var evaluation = Evaluate(tier, [.. G(general), .. L(leadingOnly)]);

        var check = evaluation.Check(tier);
        Assert.Equal(counted, check.Coverage.Count);
        Assert.Equal(general + leadingOnly, evaluation.Coverage.Count);
        Assert.Equal(expected, check.Verdict.Findings.Single(f => f.Code.EndsWith(".scene-count", StringComparison.Ordinal)).Outcome);
    }

    [Fact]
    public void Evaluate_SceneNotOnTierList_SaidInActualAndGap()
    {
        var evaluation = Evaluate(TierLevel.Excellent, [.. G(15), .. L(2)]);

        var finding = evaluation.Verdict.Findings.Single(f => f.Code == "tier.excellent.scene-count");
        Assert.EndsWith("；另有 L01、L02 不在卓越级场景清单内，不计入", finding.Actual, StringComparison.Ordinal);
        Assert.Equal(
            "还需建设至少 1 个场景（当前 15 个，卓越级要求不少于 16 个）；所选的 L01、L02 不在卓越级场景清单内，不计入",
            Assert.Single(evaluation.RequestedGaps).Text);
    }

    [Fact]
    public void Evaluate_SegmentCoveredOnlyByLeadingListScenes_CoversLeadingNotExcellent()
    {
        // G05–G16 cover 生产作业/生产管理/运营管理 and G01–G02 工厂建设; 研发设计 only through L01 (领航级 list only).
        string[] codes = [.. G(16).Except(["G03", "G04"]), "L01", "L02", "L03", "L04", "L05", "L06"];

        var evaluation = Evaluate(TierLevel.Excellent, codes);

        var excellentRd = evaluation.Verdict.Findings.Single(f => f.Code == "tier.excellent.segment.research-and-design");
        Assert.Equal(Outcome.Fail, excellentRd.Outcome);
        Assert.Contains("L01、L02 不在卓越级场景清单内，不计入", excellentRd.Actual, StringComparison.Ordinal);
        Assert.True(evaluation.Check(TierLevel.Leading).RequirementsMet);
        // Tiers are judged independently: 领航级 met while 卓越级 is not.
        Assert.Equal(TierLevel.Leading, evaluation.HighestTierMet);
        Assert.False(evaluation.Check(TierLevel.Excellent).RequirementsMet);
    }
}
