using NuMeng.Recognition.Domain.Applications;
using NuMeng.Recognition.Domain.Kpi;
using NuMeng.Recognition.Domain.Rules;
using static NuMeng.Recognition.Domain.Tests.Applications.ApplicationSamples;

namespace NuMeng.Recognition.Domain.Tests.Applications;

public class SubmissionCheckTests
{
    [Theory]
    [InlineData(RecognitionKind.DigitalWorkshop)]
    [InlineData(RecognitionKind.TierBasic)]
    public void Check_CompleteApplication_NothingBlocks(RecognitionKind kind)
    {
        var content = kind == RecognitionKind.DigitalWorkshop ? CompleteWorkshop() : CompleteBasicTier();

        Assert.Empty(SubmissionCheck.Check(content, kind, Catalog, Today));
    }

    public static TheoryData<string, RecognitionKind, string> MissingParts => new()
    {
        { "project", RecognitionKind.DigitalWorkshop, "project" },
        { "project.name", RecognitionKind.DigitalWorkshop, "project.name" },
        { "project.address", RecognitionKind.DigitalWorkshop, "project.address" },
        { "project.constructionStart", RecognitionKind.DigitalWorkshop, "project.constructionStart" },
        { "project.constructionEnd", RecognitionKind.DigitalWorkshop, "project.constructionEnd" },
        { "project.totalInvestmentWan", RecognitionKind.DigitalWorkshop, "project.totalInvestmentWan" },
        { "project.summary", RecognitionKind.DigitalWorkshop, "project.summary" },
        { "enterprise", RecognitionKind.DigitalWorkshop, "enterprise" },
        { "technical", RecognitionKind.DigitalWorkshop, "technical" },
        // 技术条件 一（五）: 改造项目与建设前对比，新建项目与行业平均水平对比 — no baseline, no KPI reading.
        { "kpi", RecognitionKind.DigitalWorkshop, "kpi.baseline" },
        { "kpi.baseline", RecognitionKind.DigitalWorkshop, "kpi.baseline" },
        { "tier", RecognitionKind.TierBasic, "tier" },
        // 2025 基础要求 5: 按 GB/T 39116-2020 开展智能制造能力成熟度自评估.
        { "tier.maturity", RecognitionKind.TierBasic, "tier.maturity" },
        { "commitment.accepted", RecognitionKind.DigitalWorkshop, "commitment.accepted" },
        { "commitment.signerName", RecognitionKind.DigitalWorkshop, "commitment.signerName" },
        { "evidence." + EvidenceItems.BusinessLicence, RecognitionKind.DigitalWorkshop, "evidence." + EvidenceItems.BusinessLicence },
        { "evidence." + EvidenceItems.DigitalEquipment, RecognitionKind.DigitalWorkshop, "evidence." + EvidenceItems.DigitalEquipment },
        { "evidence." + EvidenceItems.MesModules, RecognitionKind.DigitalWorkshop, "evidence." + EvidenceItems.MesModules },
        // 技术条件 三: 申报单位应提供指标的基础数据和计算方法.
        { "evidence.kpi.productionEfficiency", RecognitionKind.DigitalWorkshop, "evidence.kpi.productionEfficiency" },
        { "evidence." + EvidenceItems.CommitmentScan, RecognitionKind.DigitalWorkshop, "evidence." + EvidenceItems.CommitmentScan },
        { "evidence." + EvidenceItems.TierScenes, RecognitionKind.TierBasic, "evidence." + EvidenceItems.TierScenes },
        { "evidence." + EvidenceItems.MaturityReport, RecognitionKind.TierBasic, "evidence." + EvidenceItems.MaturityReport },
    };

    [Theory]
    [MemberData(nameof(MissingParts))]
    public void Check_MissingPart_BlocksNamingTheField(string part, RecognitionKind kind, string expectedField)
    {
        var complete = kind == RecognitionKind.DigitalWorkshop ? CompleteWorkshop() : CompleteBasicTier();
        var content = Remove(complete, part);

        var problems = SubmissionCheck.Check(content, kind, Catalog, Today);

        var problem = Assert.Single(problems);
        Assert.Equal(expectedField, problem.Field);
        Assert.Matches("[\u4e00-\u9fff]", problem.Message);
        // Drafting: a missing part is not a validation error.
        Assert.Empty(SubmissionCheck.Validate(content, kind, Catalog, Today));
    }

    public static TheoryData<string, RecognitionKind, string, string> InvalidValues => new()
    {
        { "digitalEquipment above total", RecognitionKind.DigitalWorkshop, "technical.digitalEquipment", "不能大于" },
        { "credit code check character", RecognitionKind.DigitalWorkshop, "enterprise.creditCode", "校验" },
        { "scene not in catalogue", RecognitionKind.TierBasic, "tier.sceneCodes[0]", "不在场景目录" },
        { "evidence of another kind", RecognitionKind.DigitalWorkshop, "evidence.tier.scenes", "不是数字化车间申报的证明材料项目" },
        { "one file under two items", RecognitionKind.DigitalWorkshop, "evidence.technical.mesModules", "重复列入" },
        { "construction not finished", RecognitionKind.DigitalWorkshop, "project.constructionEnd", "晚于本月" },
        { "negative KPI figure", RecognitionKind.DigitalWorkshop, "kpi.productionEfficiency.outputAfter", "负数" },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void Check_InvalidValue_BlocksAndIsAlsoADraftError(string change, RecognitionKind kind, string expectedField, string fragment)
    {
        var complete = kind == RecognitionKind.DigitalWorkshop ? CompleteWorkshop() : CompleteBasicTier();
        var content = Break(complete, change);

        var problems = SubmissionCheck.Check(content, kind, Catalog, Today);
        var draft = SubmissionCheck.Validate(content, kind, Catalog, Today);

        var problem = Assert.Single(problems, p => p.Field == expectedField);
        Assert.Contains(fragment, problem.Message, StringComparison.Ordinal);
        Assert.Contains(problem, draft);
    }

    // 技术条件 一（一）: 装备数控化率达 60%以上 — 17 of 30 is 56.67 %, a failed bar, yet the enterprise may submit and let the bureau judge.
    [Theory]
    [InlineData(17, false)] // below the bar
    [InlineData(18, true)]  // at the bar: 60 % inclusive
    [InlineData(19, true)]  // above the bar
    public void Check_EvaluationFailure_DoesNotBlockSubmission(int digitalEquipment, bool barPassed)
    {
        var content = CompleteWorkshop() with { Technical = Workshop with { DigitalEquipment = digitalEquipment } };

        var report = content.Evaluate(RecognitionKind.DigitalWorkshop, Today, Catalog).Report!;

        Assert.Equal(barPassed, report.Passed);
        Assert.Empty(SubmissionCheck.Check(content, RecognitionKind.DigitalWorkshop, Catalog, Today));
    }

    // 技术条件 三: the base data is required for each KPI whose figures are given; a KPI left out is the evaluator's 待核实.
    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void EvidenceItems_KpiBaseData_RequiredWhenTheKpiIsGiven(bool defectRateGiven, bool required)
    {
        var content = CompleteWorkshop() with { Kpi = defectRateGiven ? Kpis : Kpis with { DefectRate = null } };

        var item = Assert.Single(EvidenceItems.For(RecognitionKind.DigitalWorkshop, Catalog, content), i => i.Key == EvidenceItems.ForKpi(KpiCode.DefectRate));

        Assert.Equal(required, item.Required);
    }

    // 技术条件 二（一）5–7: the factory alone has information systems, security and the R&D cycle KPI.
    [Theory]
    [InlineData(RecognitionKind.DigitalWorkshop, EvidenceItems.InformationSystems, false)]
    [InlineData(RecognitionKind.SmartFactory, EvidenceItems.InformationSystems, true)]
    [InlineData(RecognitionKind.SmartFactory, EvidenceItems.Security, true)]
    [InlineData(RecognitionKind.DigitalWorkshop, "kpi.cycleTime", false)]
    [InlineData(RecognitionKind.SmartFactory, "kpi.cycleTime", true)]
    [InlineData(RecognitionKind.TierAdvanced, EvidenceItems.MaturityReport, true)]
    [InlineData(RecognitionKind.TierAdvanced, EvidenceItems.DigitalEquipment, false)]
    [InlineData(RecognitionKind.DigitalWorkshop, EvidenceItems.Other, true)]
    public void EvidenceItems_For_ListsTheItemsOfTheKind(RecognitionKind kind, string key, bool listed)
    {
        Assert.Equal(listed, EvidenceItems.For(kind, Catalog).Any(i => i.Key == key));
    }

    [Fact]
    public void EvidenceItems_Other_IsNeverRequired()
    {
        Assert.All(Enum.GetValues<RecognitionKind>(), kind =>
            Assert.False(EvidenceItems.For(kind, Catalog).Single(i => i.Key == EvidenceItems.Other).Required));
    }

    [Theory]
    [InlineData(EvidenceItems.DigitalEquipment, "生产装备及数字化装备清单")]
    [InlineData(EvidenceItems.MaturityReport, "智能制造能力成熟度自评估报告")]
    [InlineData("kpi.productionEfficiency", "生产效率提高基础数据及计算方法")]
    [InlineData("no.such.item", "no.such.item")]
    public void EvidenceItems_Label_NamesAnyKindsItem(string key, string label)
    {
        Assert.Equal(label, EvidenceItems.Label(key));
    }

    [Fact]
    public void Check_EmptyDraft_ListsEveryMissingPartOnce()
    {
        var problems = SubmissionCheck.Check(ApplicationContent.Empty, RecognitionKind.DigitalWorkshop, Catalog, Today);

        Assert.Equal(problems.Count, problems.Distinct().Count());
        Assert.Contains(problems, p => p.Field == "project");
        Assert.Contains(problems, p => p.Field == "technical");
        Assert.Contains(problems, p => p.Field == "commitment.accepted");
        Assert.Contains(problems, p => p.Field == "evidence." + EvidenceItems.CommitmentScan);
        Assert.Empty(SubmissionCheck.Validate(ApplicationContent.Empty, RecognitionKind.DigitalWorkshop, Catalog, Today));
    }

    [Theory]
    [InlineData(SubmissionCheck.ConsultancyMaxLength, false)]
    [InlineData(SubmissionCheck.ConsultancyMaxLength + 1, true)]
    public void Validate_ConsultancyName_AtMostTheLimit(int length, bool error)
    {
        var content = CompleteWorkshop() with { Consultancy = new string('咨', length) };

        Assert.Equal(error, SubmissionCheck.Validate(content, RecognitionKind.DigitalWorkshop, Catalog, Today).Any(e => e.Field == "consultancy"));
    }

    private static ApplicationContent Remove(ApplicationContent c, string part) => part switch
    {
        "project" => c with { Project = null },
        "project.name" => c with { Project = c.Project! with { Name = " " } },
        "project.address" => c with { Project = c.Project! with { Address = null } },
        "project.constructionStart" => c with { Project = c.Project! with { ConstructionStart = null } },
        "project.constructionEnd" => c with { Project = c.Project! with { ConstructionEnd = "" } },
        "project.totalInvestmentWan" => c with { Project = c.Project! with { TotalInvestmentWan = null } },
        "project.summary" => c with { Project = c.Project! with { Summary = null } },
        "enterprise" => c with { Enterprise = null },
        "technical" => c with { Technical = null },
        "kpi" => c with { Kpi = null },
        "kpi.baseline" => c with { Kpi = new KpiInputs() },
        "tier" => c with { Tier = null },
        "tier.maturity" => c with { Tier = c.Tier! with { Maturity = null, MaturityScore = null } },
        "commitment.accepted" => c with { Commitment = c.Commitment! with { Accepted = false } },
        "commitment.signerName" => c with { Commitment = c.Commitment! with { SignerName = "" } },
        _ when part.StartsWith("evidence.", StringComparison.Ordinal) => c.WithEvidence(part["evidence.".Length..], []),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    private static ApplicationContent Break(ApplicationContent c, string change) => change switch
    {
        "digitalEquipment above total" => c with { Technical = c.Technical! with { DigitalEquipment = 31 } },
        "credit code check character" => c with { Enterprise = c.Enterprise! with { CreditCode = "91150100MA0N2C4X1Y" } },
        "scene not in catalogue" => c with { Tier = c.Tier! with { SceneCodes = ["X99", "S21", "S22", "S23", "S24"] } },
        "evidence of another kind" => c.WithEvidence(EvidenceItems.TierScenes, [Guid.NewGuid()]),
        "one file under two items" => c.WithEvidence(EvidenceItems.MesModules, c.EvidenceFor(EvidenceItems.DigitalEquipment)),
        "construction not finished" => c with { Project = c.Project! with { ConstructionEnd = "2026-12" } },
        "negative KPI figure" => c with { Kpi = c.Kpi! with { ProductionEfficiency = new ProductionEfficiencyInput(100, 10, -1, 10) } },
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };
}

public class ReturnRepliesTests
{
    private static readonly Guid Review = Guid.Parse("0193a000-0000-7000-8000-000000000001");

    private static readonly (string ItemKey, string Reason)[] Reasons =
    [
        ("technical.digitalEquipment", "数字化装备清单缺少型号和联网方式"),
        ("kpi.productionEfficiency", "生产效率提高的计算未附原始产量数据"),
    ];

    // 管理办法 第七条: 盟市主管部门组织申报并初审 — a returned application is reviewed again, so each reason needs an answer.
    [Theory]
    [InlineData("both", 0)]
    [InlineData("first", 1)]
    [InlineData("none", 2)]
    [InlineData("blank", 1)]
    [InlineData("other review", 2)]
    [InlineData("reason reworded", 1)]
    public void CheckReplies_OneReplyPerReason_MissingOnesNamed(string replies, int expectedErrors)
    {
        ReturnReply R(int i, string text, Guid? review = null, string? reason = null) => new(review ?? Review, Reasons[i].ItemKey, reason ?? Reasons[i].Reason, text);
        IReadOnlyList<ReturnReply> given = replies switch
        {
            "both" => [R(0, "已补充型号"), R(1, "已附产量台账")],
            "first" => [R(0, "已补充型号")],
            "none" => [],
            "blank" => [R(0, "已补充型号"), R(1, "  ")],
            "other review" => [R(0, "已补充型号", Guid.NewGuid()), R(1, "已附", Guid.NewGuid())],
            "reason reworded" => [R(0, "已补充型号"), R(1, "已附", reason: "别的意见")],
            _ => throw new ArgumentOutOfRangeException(nameof(replies)),
        };
        var content = ApplicationSamples.CompleteWorkshop() with { Replies = given };

        var errors = SubmissionCheck.CheckReplies(content, Review, Reasons);

        Assert.Equal(expectedErrors, errors.Count);
        Assert.All(errors, e => Assert.Matches(@"^replies\[[01]\]\.reply$", e.Field));
        if (replies == "first")
        {
            Assert.Equal("replies[1].reply", errors[0].Field);
            Assert.Contains("生产效率提高的计算未附原始产量数据", errors[0].Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(SubmissionCheck.ReplyMaxLength, 0)]
    [InlineData(SubmissionCheck.ReplyMaxLength + 1, 1)]
    public void CheckReplies_ReplyLength_AtMostTheLimit(int length, int expectedErrors)
    {
        var content = ApplicationSamples.CompleteWorkshop() with
        {
            Replies = [new ReturnReply(Review, Reasons[0].ItemKey, Reasons[0].Reason, new string('答', length))],
        };

        Assert.Equal(expectedErrors, SubmissionCheck.CheckReplies(content, Review, [Reasons[0]]).Count);
    }

    [Fact]
    public void Replies_RoundTripThroughJson()
    {
        var content = ApplicationSamples.CompleteWorkshop() with { Replies = [new ReturnReply(Review, "kpi.productionEfficiency", "未附原始数据", "已附台账")] };

        var read = ApplicationContent.Read(content.ToJson(), out var errors);

        Assert.Empty(errors);
        Assert.Equal(content.Replies, read!.Replies);
    }
}

public class ApplicationItemsTests
{
    [Theory]
    [InlineData("general", "整体意见")]
    [InlineData("technical", "技术指标")]
    [InlineData("technical.keyProcessTotal", "技术指标")]              // a field reads as its section
    [InlineData("enterprise.incidents[0].date", "企业基本情况与资格声明")]
    [InlineData("technical.digitalEquipment", "生产装备及数字化装备清单")] // an evidence item wins over its section
    [InlineData("maturity.report", "智能制造能力成熟度自评估报告")]
    [InlineData("bureau.stampedOpinion", "bureau.stampedOpinion")]        // unknown: the key itself
    public void Label_AnyItemKey_ChineseName(string key, string label)
    {
        Assert.Equal(label, ApplicationItems.Label(key));
    }
}
