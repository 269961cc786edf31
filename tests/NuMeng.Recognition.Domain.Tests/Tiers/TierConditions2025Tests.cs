using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Scenes;
using NuMeng.Recognition.Domain.Tiers;

namespace NuMeng.Recognition.Domain.Tests.Tiers;

public class TierConditions2025Tests
{
    private static readonly TierRuleSet Rules = TierConditions2025.Create();

    [Fact]
    public void Create_Identity_IsNm2025TierVersion1()
    {
        Assert.Equal("NM-2025-TIER@1", Rules.Info.Key);
        Assert.Equal("内蒙古自治区智能工厂梯度培育要素条件（2025年版）", Rules.Info.Name);
        Assert.Equal(new DateOnly(2025, 1, 1), Rules.Info.EffectiveDate);
        Assert.Empty(Rules.Validate());
    }

    // 管理办法 第八条: 公示期 5 天; 第十二条: 授牌有效期为五年; 要素条件 一、基础要求 2: 近三年未发生重大……事故.
    [Fact]
    public void Create_Procedure_NoticeFiveCalendarDaysValidityFiveYearsLookbackThree()
    {
        var p = Rules.Procedure;

        Assert.Equal(5, p.NoticeLength);
        Assert.Equal(PeriodUnit.CalendarDays, p.NoticeUnit);
        Assert.Equal("第八条", p.NoticeClause.Article);
        Assert.Contains("公示期 5 天", p.NoticeClause.Text, StringComparison.Ordinal);
        Assert.Equal(5, p.ValidityYears);
        Assert.Equal("第十二条", p.ValidityClause.Article);
        Assert.Equal(3, p.CreditLookbackYears);
    }

    // 二: 至少覆盖生产作业环节，建设场景数不低于……基础级中的 5个场景 (maturity: 一、基础要求 5 "相应的要求" → 一级及以上)
    // 三: 至少覆盖生产作业、生产管理、运营管理三个环节，……10个场景，……二级及以上
    // 四: 覆盖全部五个环节，……16个场景，……三级及以上
    // 五: 覆盖全部五个环节，……20 个场景，……四级及以上
    [Theory]
    [InlineData(TierLevel.Basic, "生产作业", 5, MaturityLevel.Planning, null, "二、基础级智能工厂")]
    [InlineData(TierLevel.Advanced, "生产作业、生产管理、运营管理", 10, MaturityLevel.Standardised, TierLevel.Basic, "三、先进级智能工厂")]
    [InlineData(TierLevel.Excellent, "工厂建设、研发设计、生产作业、生产管理、运营管理", 16, MaturityLevel.Integrated, TierLevel.Advanced, "四、卓越级智能工厂")]
    [InlineData(TierLevel.Leading, "工厂建设、研发设计、生产作业、生产管理、运营管理", 20, MaturityLevel.Optimised, TierLevel.Excellent, "五、领航级智能工厂")]
    public void Create_TierDefinitions_HoldTheNumbersOfTheText(
        TierLevel tier, string segments, int minimumScenes, MaturityLevel maturity, TierLevel? prerequisite, string article)
    {
        var def = Rules.Tier(tier);

        Assert.Equal(segments, Segments.JoinLabels(def.RequiredSegments));
        Assert.Equal(minimumScenes, def.MinimumScenes);
        Assert.Equal(maturity, def.MinimumMaturity);
        Assert.Equal(prerequisite, def.Prerequisite?.Tier);
        Assert.Equal(article, def.Clause.Article);
        Assert.Equal(article, def.SceneCountClause.Article);
        Assert.Contains($"{minimumScenes}", def.SceneCountClause.Text, StringComparison.Ordinal);
        Assert.Equal(TierConditions2025.Document, def.Clause.Document);
    }

    [Fact]
    public void Create_BasicMaturity_CitesBasicRequirementFiveAndSaysFirstLevel()
    {
        var clause = Rules.Tier(TierLevel.Basic).MaturityClause;

        Assert.Equal("一、基础要求 第5项", clause.Article);
        Assert.Contains("相应的要求", clause.Text, StringComparison.Ordinal);
        Assert.Contains("一级（规划级）及以上", clause.Text, StringComparison.Ordinal);
    }

    // National practice (docs/rule-reference.md §9): 先进级 presupposes a 基础级 self-assessment, 卓越级 a 先进级 recognition, 领航级 a 卓越级 one.
    [Theory]
    [InlineData(TierLevel.Advanced, TierLevel.Basic, PrerequisiteEvidence.SelfAssessment)]
    [InlineData(TierLevel.Excellent, TierLevel.Advanced, PrerequisiteEvidence.Recognition)]
    [InlineData(TierLevel.Leading, TierLevel.Excellent, PrerequisiteEvidence.Recognition)]
    public void Create_Prerequisites_ClimbingOrderAsData(TierLevel tier, TierLevel before, PrerequisiteEvidence evidence)
    {
        var p = Rules.Tier(tier).Prerequisite!;

        Assert.Equal(before, p.Tier);
        Assert.Equal(evidence, p.Evidence);
        Assert.Contains("未明文规定", p.Clause.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void BasicRequirementClauses_FiveItemsOfSectionOne()
    {
        Assert.Equal(5, Rules.BasicRequirementClauses.Count);
        Assert.Equal(
            ["一、基础要求 第1项", "一、基础要求 第2项", "一、基础要求 第3项", "一、基础要求 第4项", "一、基础要求 第5项"],
            Rules.BasicRequirementClauses.Select(c => c.Article));
        Assert.StartsWith("企业近三年生产经营正常", Rules.BasicRequirement(2).Text, StringComparison.Ordinal);
        Assert.Contains("统一社会信用代码", Rules.BasicRequirement(1).Text, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Rules.BasicRequirement(6));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rules.BasicRequirement(0));
    }

    [Theory]
    [InlineData(TierLevel.Basic)]
    [InlineData(TierLevel.Advanced)]
    [InlineData(TierLevel.Excellent)]
    [InlineData(TierLevel.Leading)]
    public void Checklist_EachTier_FiveItemsOnePerSegment(TierLevel tier)
    {
        var checklist = Rules.Tier(tier).Checklist;

        Assert.Equal(Segments.All, checklist.Select(c => c.Segment));
        Assert.Equal(Enumerable.Range(1, 5).Select(n => $"{TierLevels.Slug(tier)}.{n}"), checklist.Select(c => c.Code));
        Assert.All(checklist, c => Assert.Equal(tier, c.Tier));
        Assert.All(checklist, c => Assert.Equal(c.Text, c.Clause.Text));
    }

    // Verbatim copies of 要素条件 items.
    [Theory]
    [InlineData(TierLevel.Basic, 3, "生产作业：开展关键装备和工艺数字化升级，实现关键装备、工序和系统的实时监控，以及关键生产工序自动化作业。", "二、基础级智能工厂 第3项")]
    [InlineData(TierLevel.Advanced, 3, "生产作业：开展关键装备和工序数智技术应用，实现关键装备异常预警、关键工序数据在线分析、关键生产过程精准控制、产品关键质量特性数字化检测。", "三、先进级智能工厂 第3项")]
    [InlineData(TierLevel.Excellent, 5, "运营管理：通过多维数据智能分析，实现用户需求精准识别和敏捷响应、全厂资源协同优化、产品增值服务、设计生产服务闭环优化、智能化决策支持等，推进供应链上下游“链式”协同。", "四、卓越级智能工厂 第5项")]
    [InlineData(TierLevel.Leading, 2, "研发设计：探索数据与知识驱动的研发设计创新，开展虚拟验证和中试。", "五、领航级智能工厂 第2项")]
    public void Checklist_Items_AreVerbatim(TierLevel tier, int number, string text, string article)
    {
        var item = Rules.Tier(tier).Checklist[number - 1];

        Assert.Equal(text, item.Text);
        Assert.Equal(article, item.Clause.Article);
    }

    // 五 第5项 says 经营管理: mapped to the 运营管理 segment, text kept as written.
    [Fact]
    public void Checklist_LeadingItemFive_IsOperationsManagementWrittenAsJingYingGuanLi()
    {
        var item = Rules.Tier(TierLevel.Leading).Checklist[4];

        Assert.Equal(Segment.OperationsManagement, item.Segment);
        Assert.StartsWith("经营管理：推进工厂横向、纵向、端到端集成", item.Text, StringComparison.Ordinal);
    }

    // docs/rule-reference.md §8 (our default): 工厂建设 15, 研发设计 15, 生产作业 25, 生产管理 25, 运营管理 20.
    [Fact]
    public void Rubric_DefaultFiveItems_TotalHundred()
    {
        Assert.Equal(100m, Rules.Rubric.TotalPoints);
        Assert.Equal([15m, 15m, 25m, 25m, 20m], Rules.Rubric.Items.Select(i => i.MaxPoints));
        Assert.Equal(Segments.All.Select(Segments.Label), Rules.Rubric.Items.Select(i => i.Name));
        Assert.All(Rules.Rubric.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Guidance)));
    }

    [Fact]
    public void Validate_IncoherentRuleSet_NamesEachProblem()
    {
        var advanced = Rules.Tier(TierLevel.Advanced);
        var broken = Rules with
        {
            Tiers =
            [
                Rules.Tier(TierLevel.Basic),
                advanced with { MinimumScenes = -1, Prerequisite = advanced.Prerequisite! with { Tier = TierLevel.Leading } },
                advanced,
            ],
        };

        var errors = broken.Validate();

        Assert.Equal(
            ["ruleSet.tiers[1].minimumScenes", "ruleSet.tiers[1].prerequisite", "ruleSet.tiers[2].level"],
            errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Tier_Undefined_ThrowsNamingRuleSet()
    {
        var onlyBasic = Rules with { Tiers = [Rules.Tier(TierLevel.Basic)] };

        var ex = Assert.Throws<KeyNotFoundException>(() => onlyBasic.Tier(TierLevel.Leading));

        Assert.Contains("NM-2025-TIER@1", ex.Message, StringComparison.Ordinal);
    }
}
