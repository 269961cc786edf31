using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Scenes;
using NuMeng.Recognition.Domain.Tiers;
using static NuMeng.Recognition.Domain.Tests.Tiers.TierScenarios;

namespace NuMeng.Recognition.Domain.Tests.Tiers;

public class TierEvaluatorTests
{
    private static Finding FindingOf(TierEvaluation evaluation, string suffix) =>
        evaluation.Verdict.Findings.Single(f => f.Code.EndsWith(suffix, StringComparison.Ordinal));

    // Each tier exactly at its bars (all inclusive: 不低于 / 及以上):
    // 二 基础级: 至少覆盖生产作业环节, ≥ 5 个场景, 一、基础要求 5 → 一级
    // 三 先进级: 生产作业、生产管理、运营管理, ≥ 10, 二级及以上
    // 四 卓越级: 全部五个环节, ≥ 16, 三级及以上
    // 五 领航级: 全部五个环节, ≥ 20, 四级及以上
    [Theory]
    [InlineData(TierLevel.Basic, 0, 0, 5, 0, 0, MaturityLevel.Planning)]
    [InlineData(TierLevel.Advanced, 0, 0, 4, 3, 3, MaturityLevel.Standardised)]
    [InlineData(TierLevel.Excellent, 1, 1, 5, 5, 4, MaturityLevel.Integrated)]
    [InlineData(TierLevel.Leading, 2, 2, 6, 5, 5, MaturityLevel.Optimised)]
    public void Evaluate_EveryTierExactlyAtItsBars_Passes(TierLevel tier, int fc, int rd, int po, int pm, int om, MaturityLevel maturity)
    {
        var evaluation = Evaluate(tier, Input(Pick(fc, rd, po, pm, om), maturity));

        Assert.True(evaluation.Verdict.Passed, string.Join("；", evaluation.Verdict.Failures.Select(f => f.Explanation)));
        Assert.True(evaluation.RequestedCheck.MayApply);
        Assert.Empty(evaluation.RequestedGaps);
        Assert.Equal(tier, evaluation.HighestTierMet);
        Assert.All(evaluation.Verdict.Findings, f => Assert.Contains(f.Outcome, new[] { Outcome.Pass, Outcome.NotApplicable }));
    }

    [Theory]
    [InlineData(TierLevel.Basic, 5)]
    [InlineData(TierLevel.Advanced, 7)]
    [InlineData(TierLevel.Excellent, 9)]
    [InlineData(TierLevel.Leading, 9)]
    public void Evaluate_Verdict_HasOneFindingPerRequirement(TierLevel tier, int findings)
    {
        // segments + scene count + maturity + maturity consistency + prerequisite
        var evaluation = Evaluate(tier, Input(Spread(20)));

        Assert.Equal(findings, evaluation.Verdict.Findings.Count);
        Assert.Equal(evaluation.Check(tier).Verdict, evaluation.Verdict);
    }

    // "建设场景数不低于《典型场景参考标准-X级》中 N 个场景": 不低于 includes N itself.
    [Theory]
    [InlineData(TierLevel.Basic, 4, Outcome.Fail)]
    [InlineData(TierLevel.Basic, 5, Outcome.Pass)]
    [InlineData(TierLevel.Basic, 6, Outcome.Pass)]
    [InlineData(TierLevel.Advanced, 9, Outcome.Fail)]
    [InlineData(TierLevel.Advanced, 10, Outcome.Pass)]
    [InlineData(TierLevel.Advanced, 11, Outcome.Pass)]
    [InlineData(TierLevel.Excellent, 15, Outcome.Fail)]
    [InlineData(TierLevel.Excellent, 16, Outcome.Pass)]
    [InlineData(TierLevel.Excellent, 17, Outcome.Pass)]
    [InlineData(TierLevel.Leading, 19, Outcome.Fail)]
    [InlineData(TierLevel.Leading, 20, Outcome.Pass)]
    [InlineData(TierLevel.Leading, 21, Outcome.Pass)]
    public void Evaluate_SceneCountAroundBar_PassesFromTheBarUp(TierLevel tier, int scenes, Outcome expected)
    {
        var evaluation = Evaluate(tier, Input(Spread(scenes)));

        var finding = FindingOf(evaluation, ".scene-count");
        Assert.Equal(expected, finding.Outcome);
        Assert.Equal(expected == Outcome.Pass, evaluation.Verdict.Passed);
        Assert.Equal(Conditions.Tier(tier).SceneCountClause, finding.Clause);
    }

    [Fact]
    public void Evaluate_AdvancedWithSevenScenes_ExplainsShortfall()
    {
        var finding = FindingOf(Evaluate(TierLevel.Advanced, Input(Pick(po: 3, pm: 2, om: 2))), ".scene-count");

        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Equal("已建设 7 个场景，要求不少于 10 个，尚差 3 个。", finding.Explanation);
        Assert.Equal("≥ 10个（含本数），以《典型场景参考标准-先进级》所列场景计", finding.Required);
        Assert.Equal("7 个（S20、S21、S22、S08、S09、S30、S31）", finding.Actual);
        Assert.Equal("《内蒙古自治区智能工厂梯度培育要素条件（2025年版）》三、先进级智能工厂", finding.Clause.Citation);
    }

    // 三: 至少覆盖生产作业、生产管理、运营管理三个环节; 四/五: 覆盖全部五个环节; 二: 至少覆盖生产作业环节.
    [Theory]
    [InlineData(TierLevel.Basic, 3, 2, 0, 0, 0, Segment.ProductionOperation)]
    [InlineData(TierLevel.Advanced, 0, 0, 5, 6, 0, Segment.OperationsManagement)]
    [InlineData(TierLevel.Advanced, 0, 0, 5, 0, 6, Segment.ProductionManagement)]
    [InlineData(TierLevel.Advanced, 2, 2, 0, 4, 4, Segment.ProductionOperation)]
    [InlineData(TierLevel.Excellent, 3, 0, 5, 5, 5, Segment.ResearchAndDesign)]
    [InlineData(TierLevel.Excellent, 0, 4, 4, 4, 4, Segment.FactoryConstruction)]
    [InlineData(TierLevel.Leading, 3, 4, 6, 7, 0, Segment.OperationsManagement)]
    public void Evaluate_RequiredSegmentMissing_FailsThatSegmentOnly(TierLevel tier, int fc, int rd, int po, int pm, int om, Segment missing)
    {
        var evaluation = Evaluate(tier, Input(Pick(fc, rd, po, pm, om)));

        var failures = evaluation.Verdict.Failures.ToList();
        var failure = Assert.Single(failures);
        Assert.Equal($"tier.{TierLevels.Slug(tier)}.segment.{Segments.Slug(missing)}", failure.Code);
        Assert.Equal(Conditions.Tier(tier).CoverageClause, failure.Clause);
        Assert.StartsWith("未覆盖", failure.Actual, StringComparison.Ordinal);
        Assert.Equal(Outcome.Pass, FindingOf(evaluation, ".scene-count").Outcome);
        Assert.Equal([$"还需覆盖环节：{Segments.Label(missing)}"], evaluation.RequestedGaps.Select(g => g.Text));
    }

    [Fact]
    public void Evaluate_SegmentCovered_ActualListsTheCoveringScenes()
    {
        var evaluation = Evaluate(TierLevel.Advanced, Input(Pick(po: 4, pm: 3, om: 3)));

        var finding = FindingOf(evaluation, ".segment.production-operation");
        Assert.Equal(Outcome.Pass, finding.Outcome);
        Assert.Equal("已覆盖：S20 柔性产线快速换产、S21 工艺动态优化、S22 先进过程控制、S23 人机协同作业（4 个）", finding.Actual);
    }

    // "自评价水平达到 …二级/三级/四级及以上" — inclusive; 基础级 "相应的要求" read as 一级.
    [Theory]
    [InlineData(TierLevel.Basic, MaturityLevel.Planning, Outcome.Pass)]
    [InlineData(TierLevel.Advanced, MaturityLevel.Planning, Outcome.Fail)]
    [InlineData(TierLevel.Advanced, MaturityLevel.Standardised, Outcome.Pass)]
    [InlineData(TierLevel.Advanced, MaturityLevel.Integrated, Outcome.Pass)]
    [InlineData(TierLevel.Excellent, MaturityLevel.Standardised, Outcome.Fail)]
    [InlineData(TierLevel.Excellent, MaturityLevel.Integrated, Outcome.Pass)]
    [InlineData(TierLevel.Excellent, MaturityLevel.Optimised, Outcome.Pass)]
    [InlineData(TierLevel.Leading, MaturityLevel.Integrated, Outcome.Fail)]
    [InlineData(TierLevel.Leading, MaturityLevel.Optimised, Outcome.Pass)]
    [InlineData(TierLevel.Leading, MaturityLevel.Leading, Outcome.Pass)]
    [InlineData(TierLevel.Leading, null, Outcome.NeedsReview)]
    public void Evaluate_MaturityAroundBar_PassesFromTheBarUp(TierLevel tier, MaturityLevel? maturity, Outcome expected)
    {
        var evaluation = Evaluate(tier, Input(Spread(25), maturity));

        var finding = FindingOf(evaluation, ".maturity");
        Assert.Equal(expected, finding.Outcome);
        Assert.Equal(Conditions.Tier(tier).MaturityClause, finding.Clause);
        Assert.Equal(expected == Outcome.Pass, evaluation.Check(tier).RequirementsMet);
    }

    // Without a declared level the score is used as a hint only: enough → 待核实, too low → 不符合.
    [Theory]
    [InlineData(TierLevel.Excellent, "2.8", Outcome.NeedsReview)]
    [InlineData(TierLevel.Excellent, "2.79", Outcome.Fail)]
    [InlineData(TierLevel.Basic, "0.8", Outcome.NeedsReview)]
    [InlineData(TierLevel.Basic, "0.79", Outcome.Fail)]
    public void Evaluate_ScoreWithoutLevel_NeedsReviewOrFails(TierLevel tier, string score, Outcome expected)
    {
        var evaluation = Evaluate(tier, Input(Spread(25), maturity: null, score: decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(expected, FindingOf(evaluation, ".maturity").Outcome);
        Assert.False(evaluation.Check(tier).RequirementsMet);
    }

    // Climbing order (national practice): 先进级 ← 基础级自评; 卓越级 ← 已认定先进级; 领航级 ← 已认定卓越级.
    [Theory]
    [InlineData(TierLevel.Basic, false, null, Outcome.NotApplicable)]
    [InlineData(TierLevel.Advanced, false, null, Outcome.Fail)]
    [InlineData(TierLevel.Advanced, true, null, Outcome.Pass)]
    [InlineData(TierLevel.Advanced, false, TierLevel.Basic, Outcome.Pass)]
    [InlineData(TierLevel.Advanced, false, TierLevel.Advanced, Outcome.Pass)]
    [InlineData(TierLevel.Excellent, true, null, Outcome.Fail)]
    [InlineData(TierLevel.Excellent, true, TierLevel.Basic, Outcome.Fail)]
    [InlineData(TierLevel.Excellent, false, TierLevel.Advanced, Outcome.Pass)]
    [InlineData(TierLevel.Excellent, false, TierLevel.Leading, Outcome.Pass)]
    [InlineData(TierLevel.Leading, true, TierLevel.Advanced, Outcome.Fail)]
    [InlineData(TierLevel.Leading, false, TierLevel.Excellent, Outcome.Pass)]
    public void Evaluate_Prerequisite_FollowsClimbingOrder(TierLevel tier, bool selfAssessed, TierLevel? recognised, Outcome expected)
    {
        var evaluation = Evaluate(tier, Input(Spread(25), selfAssessed: selfAssessed, recognised: recognised));

        var finding = FindingOf(evaluation, ".prerequisite");
        Assert.Equal(expected, finding.Outcome);
        Assert.True(evaluation.RequestedCheck.RequirementsMet);
        Assert.Equal(expected != Outcome.Fail, evaluation.RequestedCheck.MayApply);
        Assert.Equal(expected != Outcome.Fail, evaluation.Verdict.Passed);
    }

    [Theory]
    [InlineData(TierLevel.Advanced, "需先完成基础级自评价（梯度递进：先进级以基础级自评为前提）")]
    [InlineData(TierLevel.Excellent, "需先取得先进级智能工厂认定（梯度递进：卓越级以已认定的先进级为前提）")]
    [InlineData(TierLevel.Leading, "需先取得卓越级智能工厂认定（梯度递进：领航级以已认定的卓越级为前提）")]
    public void Evaluate_PrerequisiteMissing_GapSaysWhatToDoFirst(TierLevel tier, string gap)
    {
        var evaluation = Evaluate(tier, Input(Spread(25), selfAssessed: false, recognised: null));

        Assert.Equal([gap], evaluation.RequestedGaps.Select(g => g.Text));
        Assert.Equal(Conditions.Tier(tier).Prerequisite!.Clause, evaluation.RequestedGaps[0].Clause);
    }

    // HighestTierMet ignores the climbing prerequisite; HighestTierApplicable honours it.
    [Theory]
    [InlineData(0, MaturityLevel.Leading, true, TierLevel.Excellent, null, null, TierLevel.Basic)]
    [InlineData(4, MaturityLevel.Leading, true, TierLevel.Excellent, null, null, TierLevel.Basic)]
    [InlineData(5, MaturityLevel.Planning, false, null, TierLevel.Basic, TierLevel.Basic, TierLevel.Advanced)]
    [InlineData(12, MaturityLevel.Standardised, false, null, TierLevel.Advanced, TierLevel.Basic, TierLevel.Excellent)]
    [InlineData(12, MaturityLevel.Standardised, true, null, TierLevel.Advanced, TierLevel.Advanced, TierLevel.Excellent)]
    [InlineData(16, MaturityLevel.Integrated, true, null, TierLevel.Excellent, TierLevel.Advanced, TierLevel.Leading)]
    [InlineData(16, MaturityLevel.Integrated, true, TierLevel.Advanced, TierLevel.Excellent, TierLevel.Excellent, TierLevel.Leading)]
    [InlineData(25, MaturityLevel.Standardised, true, TierLevel.Advanced, TierLevel.Advanced, TierLevel.Advanced, TierLevel.Excellent)]
    [InlineData(25, MaturityLevel.Optimised, true, TierLevel.Excellent, TierLevel.Leading, TierLevel.Leading, null)]
    public void Evaluate_HighestTier_MetAndApplicable(
        int scenes, MaturityLevel maturity, bool selfAssessed, TierLevel? recognised,
        TierLevel? highestMet, TierLevel? highestApplicable, TierLevel? next)
    {
        var evaluation = Evaluate(TierLevel.Basic, Input(Spread(scenes), maturity, selfAssessed: selfAssessed, recognised: recognised));

        Assert.Equal(highestMet, evaluation.HighestTierMet);
        Assert.Equal(highestApplicable, evaluation.HighestTierApplicable);
        Assert.Equal(next, evaluation.NextTier);
        Assert.Equal(4, evaluation.Tiers.Count);
    }

    [Fact]
    public void Evaluate_ThirteenScenesLevelTwoRecognisedAdvanced_GapsToExcellent()
    {
        var evaluation = Evaluate(TierLevel.Advanced, Input(Spread(13), MaturityLevel.Standardised, recognised: TierLevel.Advanced));

        Assert.Equal(TierLevel.Advanced, evaluation.HighestTierMet);
        Assert.Equal(TierLevel.Excellent, evaluation.NextTier);
        Assert.Equal(
            ["还需建设至少 3 个场景（当前 13 个，卓越级要求不少于 16 个）", "成熟度需达到三级（集成级）及以上（当前自评价为二级（规范级））"],
            evaluation.Gaps.Select(g => g.Text));
        Assert.Equal(
            [Conditions.Tier(TierLevel.Excellent).SceneCountClause, Conditions.Tier(TierLevel.Excellent).MaturityClause],
            evaluation.Gaps.Select(g => g.Clause));
    }

    [Fact]
    public void Evaluate_MissingSegmentsAndScenes_GapListsSegmentsThenCount()
    {
        var evaluation = Evaluate(TierLevel.Advanced, Input(Pick(po: 6, pm: 5, om: 2), MaturityLevel.Integrated, recognised: TierLevel.Advanced));

        Assert.Equal(TierLevel.Excellent, evaluation.NextTier);
        Assert.Equal(
            ["还需覆盖环节：工厂建设、研发设计", "还需建设至少 3 个场景（当前 13 个，卓越级要求不少于 16 个）"],
            evaluation.Gaps.Select(g => g.Text));
    }

    [Fact]
    public void Evaluate_ExcellentMetWithoutRecognition_GapsToLeadingIncludePrerequisite()
    {
        var evaluation = Evaluate(TierLevel.Excellent, Input(Spread(16), MaturityLevel.Integrated, recognised: null));

        Assert.Equal(TierLevel.Excellent, evaluation.HighestTierMet);
        Assert.Equal(TierLevel.Advanced, evaluation.HighestTierApplicable);
        Assert.Equal(
            [
                "还需建设至少 4 个场景（当前 16 个，领航级要求不少于 20 个）",
                "成熟度需达到四级（优化级）及以上（当前自评价为三级（集成级））",
                "需先取得卓越级智能工厂认定（梯度递进：领航级以已认定的卓越级为前提）",
            ],
            evaluation.Gaps.Select(g => g.Text));
        Assert.Equal(["需先取得先进级智能工厂认定（梯度递进：卓越级以已认定的先进级为前提）"], evaluation.RequestedGaps.Select(g => g.Text));
    }

    [Fact]
    public void Evaluate_NothingDeclared_GapsToBasic()
    {
        var evaluation = Evaluate(TierLevel.Basic, new TierInput([], null, null, false, null));

        Assert.Null(evaluation.HighestTierMet);
        Assert.Equal(TierLevel.Basic, evaluation.NextTier);
        Assert.Equal(
            ["还需覆盖环节：生产作业", "还需建设至少 5 个场景（当前 0 个，基础级要求不少于 5 个）", "需完成智能制造能力成熟度自评价并填报等级，成熟度需达到一级（规划级）及以上"],
            evaluation.Gaps.Select(g => g.Text));
    }

    [Fact]
    public void Evaluate_LevelDisagreesWithScore_NeedsReviewButTierStillMet()
    {
        // Declared 四级 with score 3.55 (→ 三级): flagged, not failed.
        var evaluation = Evaluate(TierLevel.Leading, Input(Spread(20), MaturityLevel.Optimised, score: 3.55m));

        Assert.Equal(Outcome.NeedsReview, evaluation.MaturityConsistency.Outcome);
        Assert.Equal(Outcome.NeedsReview, FindingOf(evaluation, ".maturity-consistency").Outcome);
        Assert.Equal(Outcome.Pass, FindingOf(evaluation, ".maturity").Outcome);
        Assert.False(evaluation.Verdict.Passed);
        Assert.DoesNotContain(evaluation.Verdict.Findings, f => f.Outcome == Outcome.Fail);
        Assert.Equal(TierLevel.Leading, evaluation.HighestTierMet);
        Assert.True(evaluation.RequestedCheck.MayApply);
    }

    [Fact]
    public void Evaluate_LevelAgreesWithScore_Passes()
    {
        var evaluation = Evaluate(TierLevel.Excellent, Input(Spread(16), MaturityLevel.Integrated, score: 3.55m));

        Assert.Equal(Outcome.Pass, evaluation.MaturityConsistency.Outcome);
        Assert.True(evaluation.Verdict.Passed);
    }

    [Fact]
    public void Evaluate_Coverage_RollsUpAllChosenScenesPerSegmentAndSubSegment()
    {
        var evaluation = Evaluate(TierLevel.Advanced, Input(["S20", "S24", "S25", "S27", "S08", "S12", "S16", "S37"]));

        Assert.Equal(8, evaluation.Coverage.Count);
        Assert.Equal(4, evaluation.Coverage.For(Segment.ProductionOperation).Count);
        Assert.Equal(2, evaluation.Coverage.For(SubSegment.QualityControl).Count);
        Assert.Equal(3, evaluation.Coverage.For(Segment.ProductionManagement).Count);
        Assert.Equal(1, evaluation.Coverage.For(SubSegment.EnergyAndCarbon).Count);
        Assert.Equal(1, evaluation.Coverage.For(SubSegment.SupplyChainManagement).Count);
        Assert.Equal(0, evaluation.Coverage.For(Segment.ResearchAndDesign).Count);
    }

    [Theory]
    [InlineData(TierLevel.Basic, "basic.1")]
    [InlineData(TierLevel.Leading, "leading.1")]
    public void Evaluate_Checklist_IsTheRequestedTiersFiveItems(TierLevel tier, string firstCode)
    {
        var evaluation = Evaluate(tier, Input(Spread(3)));

        Assert.Equal(5, evaluation.Checklist.Count);
        Assert.Equal(firstCode, evaluation.Checklist[0].Code);
        Assert.All(evaluation.Checklist, c => Assert.Equal(tier, c.Tier));
    }

    [Fact]
    public void Evaluate_InvalidInput_ThrowsNamingField()
    {
        var ex = Assert.Throws<ArgumentException>(() => Evaluate(TierLevel.Basic, Input(["S01", "S99"])));

        Assert.Contains("tier.sceneCodes[1]", ex.Message, StringComparison.Ordinal);
    }

    // 管理办法 第十三条: the department adjusts the conditions; a new version changes the verdict without code changes.
    [Fact]
    public void Evaluate_SecondRuleSetVersionWithLowerBar_ChangesVerdict()
    {
        var v1 = Conditions;
        var advanced = v1.Tier(TierLevel.Advanced);
        var v2 = v1.WithTier(advanced with
        {
            RequiredSegments = [Segment.ProductionOperation, Segment.ProductionManagement],
            MinimumScenes = 8,
            SceneCountClause = advanced.SceneCountClause with { Text = "建设场景数不低于《典型场景参考标准-先进级》中 8个场景" },
        }) with { Info = v1.Info with { Version = "2" } };
        var input = Input(Pick(po: 5, pm: 4), MaturityLevel.Standardised);

        var underV1 = TierEvaluator.Evaluate(v1, Catalogue, TierLevel.Advanced, input);
        var underV2 = TierEvaluator.Evaluate(v2, Catalogue, TierLevel.Advanced, input);

        Assert.False(underV1.Verdict.Passed);
        Assert.True(underV2.Verdict.Passed);
        Assert.Equal("NM-2025-TIER@2", underV2.RuleSet.Key);
        Assert.Equal("已建设 9 个场景，要求不少于 8 个，符合。", FindingOf(underV2, ".scene-count").Explanation);
        Assert.Equal(6, underV2.Verdict.Findings.Count);
    }

    [Fact]
    public void Evaluate_SecondRuleSetVersionWithHigherBar_FailsWhatVersionOnePassed()
    {
        var v1 = Conditions;
        var v2 = v1.WithTier(v1.Tier(TierLevel.Basic) with { MinimumScenes = 6, MinimumMaturity = MaturityLevel.Standardised })
            with { Info = v1.Info with { Version = "2" } };
        var input = Input(Pick(po: 5), MaturityLevel.Planning);

        Assert.True(TierEvaluator.Evaluate(v1, Catalogue, TierLevel.Basic, input).Verdict.Passed);
        var underV2 = TierEvaluator.Evaluate(v2, Catalogue, TierLevel.Basic, input);
        Assert.Equal(Outcome.Fail, FindingOf(underV2, ".scene-count").Outcome);
        Assert.Equal(Outcome.Fail, FindingOf(underV2, ".maturity").Outcome);
    }
}
