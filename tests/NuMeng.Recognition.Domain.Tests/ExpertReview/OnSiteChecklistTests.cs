using NuMeng.Recognition.Domain.ExpertReview;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.RuleSets;
using NuMeng.Recognition.Domain.Technical;
using NuMeng.Recognition.Domain.Tiers;
using static NuMeng.Recognition.Domain.Tests.Applications.ApplicationSamples;

namespace NuMeng.Recognition.Domain.Tests.ExpertReview;

public class OnSiteChecklistTests
{
    private static RuleSetCatalog Current => RuleSetCatalog.Current;

    // 2024技术条件 一（一）–（五）: the workshop's bars — 2 ratios, networking, upload, monitoring, MES, visual management,
    // integration and 4 KPIs (no cycle time for a workshop).
    [Theory]
    [InlineData(RecognitionKind.DigitalWorkshop, 12, "数字化车间认定技术条件现场核查表")]
    // 二（一）1–7: + workshop count, information systems, integration, security investment and capability, cycle time; no 一（四）.
    [InlineData(RecognitionKind.SmartFactory, 17, "智能工厂认定技术条件现场核查表")]
    public void Build_TechnicalKind_EveryApplicableBar(RecognitionKind kind, int count, string title)
    {
        var checklist = OnSiteChecklist.Build(Current, kind, Workshop, Kpis, null);

        Assert.Equal(title, checklist.Title);
        Assert.Equal(count, checklist.Items.Count);
        Assert.Equal(checklist.Items.Count, checklist.Items.Select(i => i.Key).Distinct().Count());
        Assert.All(checklist.Items, i => Assert.Equal(TechnicalConditions2024.Conditions, i.Clause.Document));
        Assert.DoesNotContain(checklist.Items, i => i.Key.EndsWith(".declared", StringComparison.Ordinal));
    }

    // 一（一）: 装备数控化率达 60%以上 — the declared 21 of 30 is shown next to the bar.
    [Theory]
    [InlineData("2024.workshop.equipment-nc-rate", "装备数控化率", "≥ 60%（含本数）", "70.00%（21 / 30）", "一（一）")]
    [InlineData("2024.workshop.key-process-nc-rate", "关键工序数控化率", "≥ 70%（含本数）", "80.00%（8 / 10）", "一（一）")]
    [InlineData("2024.workshop.upload-rate", "采集信息上传率", "≥ 90%（含本数）", "95.00%", "一（二）")]
    [InlineData("2024.workshop.equipment-networked", "设备联网运行", null, "已联网运行", "一（二）")]
    public void Build_Workshop_ItemCarriesBarClauseAndDeclaredFigure(string key, string title, string? required, string declared, string article)
    {
        var item = OnSiteChecklist.Build(Current, RecognitionKind.DigitalWorkshop, Workshop, Kpis, null).Items.Single(i => i.Key == key);

        Assert.Equal(title, item.Title);
        if (required is not null)
        {
            Assert.Equal(required, item.Required);
        }
        Assert.Equal(declared, item.Declared);
        Assert.Equal(article, item.Clause.Article);
        Assert.Contains(item.Clause.Text, item.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NothingDeclared_SaysSoInsteadOfAFigure()
    {
        var item = OnSiteChecklist.Build(Current, RecognitionKind.SmartFactory, null, null, null)
            .Items.Single(i => i.Key == "2024.factory.equipment-nc-rate");

        Assert.Equal("未填报或无法计算", item.Declared);
        Assert.Equal("≥ 70%（含本数）", item.Required);
        Assert.Equal("二（一）2", item.Clause.Article);
    }

    // 要素条件 二–五: each tier's five per-segment descriptions are the checklist.
    [Theory]
    [InlineData(RecognitionKind.TierBasic, "basic", "二、基础级智能工厂")]
    [InlineData(RecognitionKind.TierAdvanced, "advanced", "三、先进级智能工厂")]
    [InlineData(RecognitionKind.TierExcellent, "excellent", "四、卓越级智能工厂")]
    [InlineData(RecognitionKind.TierLeading, "leading", "五、领航级智能工厂")]
    public void Build_Tier_FiveSegmentDescriptionsOfThatTier(RecognitionKind kind, string slug, string article)
    {
        Assert.True(TierLevels.TryFromRecognitionKind(kind, out var level));
        var checklist = OnSiteChecklist.Build(Current, kind, null, null, null);

        Assert.Equal($"{TierLevels.FullLabel(level)}现场核查表", checklist.Title);
        Assert.Equal(5, checklist.Items.Count);
        Assert.Equal(Enumerable.Range(1, 5).Select(n => $"{slug}.{n}"), checklist.Items.Select(i => i.Key));
        Assert.All(checklist.Items, i => Assert.StartsWith(article, i.Clause.Article, StringComparison.Ordinal));
        Assert.All(checklist.Items, i => Assert.Null(i.Required));
        Assert.Equal(Current.Tiers.Tier(level).Checklist.Select(c => c.Text), checklist.Items.Select(i => i.Description));
    }

    [Fact]
    public void Build_Tier_DeclaredScenesPerSegment()
    {
        var tier = BasicTier with { SceneCodes = ["S01", "S04", "S10"] };

        var items = OnSiteChecklist.Build(Current, RecognitionKind.TierBasic, null, null, tier).Items;

        Assert.Equal("申报场景：S01 工厂数字化规划设计", items[0].Declared);
        Assert.Equal("申报场景：S04 产品数字化设计", items[1].Declared);
        Assert.Equal("该环节未申报场景", items[2].Declared);
        Assert.Equal("生产管理", items[3].Title);
        Assert.Equal("申报场景：S10 生产进度跟踪", items[3].Declared);
    }

    [Fact]
    public void PhotoItemKey_PrefixesOnsite() =>
        Assert.Equal("onsite:advanced.3", OnSiteChecklist.PhotoItemKey("advanced.3"));

    private static OnSiteChecklist Basic => OnSiteChecklist.Build(Current, RecognitionKind.TierBasic, null, null, null);

    private static List<OnSiteAnswer> AllConfirmed() => [.. Basic.Items.Select(i => new OnSiteAnswer(i.Key, true, null))];

    [Fact]
    public void Validate_AllConfirmedWithConclusionPassed_Valid() =>
        Assert.Empty(new OnSiteChecklistResult(AllConfirmed(), "现场情况与申报材料一致", true).Validate(Basic, forSubmission: true));

    [Theory]
    [InlineData(null, null, "现场与申报一致", true, "items[2].confirmed", "请确认“生产作业”现场核查是否属实")]
    [InlineData(false, null, "现场与申报不一致", false, "items[2].note", "“生产作业”现场核查不属实，请填写核查说明")]
    [InlineData(false, "关键工序未实现自动化", "现场与申报不一致", true, "passed", "有核查项不属实（生产作业），不能判定现场核查通过")]
    [InlineData(true, null, " ", true, "conclusion", "请填写核查结论")]
    [InlineData(true, null, "一致", null, "passed", "请选择现场核查是否通过")]
    public void Validate_Submission_ChineseErrorNamingTheItem(bool? third, string? note, string conclusion, bool? passed, string field, string message)
    {
        var answers = AllConfirmed();
        answers[2] = answers[2] with { Confirmed = third, Note = note };

        var errors = new OnSiteChecklistResult(answers, conclusion, passed).Validate(Basic, forSubmission: true);

        var error = Assert.Single(errors);
        Assert.Equal((field, message), (error.Field, error.Message));
    }

    [Fact]
    public void Validate_NotConfirmedWithNoteAndFailed_Valid()
    {
        var answers = AllConfirmed();
        answers[2] = answers[2] with { Confirmed = false, Note = "关键工序未实现自动化作业" };

        Assert.Empty(new OnSiteChecklistResult(answers, "生产作业环节与申报不符", false).Validate(Basic, forSubmission: true));
    }

    [Fact]
    public void Validate_Draft_OnlyLengthsAndUnknownItems()
    {
        var answers = new List<OnSiteAnswer> { new("basic.1", null, new string('注', 1001)), new("nope", true, null) };

        var errors = new OnSiteChecklistResult(answers, null, null).Validate(Basic, forSubmission: false);

        Assert.Equal(["items", "items[0].note"], errors.Select(e => e.Field));
    }
}
