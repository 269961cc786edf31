using NuMeng.Recognition.Documents.Html;
using NuMeng.Recognition.Documents.Procedure;
using NuMeng.Recognition.Documents.Tests.Infrastructure;
using NuMeng.Recognition.Domain.ExpertReview;
using NuMeng.Recognition.Domain.PreCheck;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.RuleSets;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Documents.Tests.Procedure;

/// <summary>One hand-made document: its component, model, stamp, page setup and the text it must print.</summary>
public sealed record ProcedureSample(string Key, Type Component, object Model, DocumentStamp Stamp, PageSetup Page, string[] Expected);

/// <summary>Hand-made models of every procedure document (the web app's loaders fill the same records from the database).</summary>
public static class ProcedureSamples
{
    public const string Hash = "3f2a9c1d5e6b7a8090a1b2c3d4e5f60718293a4b5c6d7e8f9001122334455667";

    private static readonly DateTimeOffset Submitted = new(2026, 3, 2, 2, 30, 0, TimeSpan.Zero);

    private static readonly ApplicantLine Applicant = new(
        "呼和浩特云谷电子科技有限公司", "91150104MA002NMQ7X", "呼和浩特市", "云谷电子智能工厂", RecognitionKind.SmartFactory, "2026年第一批智能工厂认定");

    private static readonly VersionLine Version = new(2, Submitted, Hash);

    private static DocumentStamp Stamp(string title, string kind, string number, string? hash = Hash, string label = "申报版本") =>
        ProcedureDocuments.StampFor(title, kind, number, hash, Examples.GeneratedAt, label);

    public static IReadOnlyList<ProcedureSample> All { get; } = Build();

    public static TheoryData<string> Keys => new(All.Select(s => s.Key));

    public static ProcedureSample Get(string key) => All.Single(s => s.Key == key);

    private static List<ProcedureSample> Build()
    {
        var (_, report) = Examples.Evaluate("precheck-digital-workshop.json");
        var (tierRequest, tierReport) = Examples.Evaluate("precheck-tier-advanced.json");
        var rubric = RuleSetCatalog.Current.Technical.RubricFor(RecognitionKind.SmartFactory);
        var points = new decimal[] { 14m, 13m, 18m, 17m, 9m, 18m, 12m, 10m, 10m, 10m };
        var scores = new[] { 89m, 87m, 91m, 78m, 95m };
        var aggregate = ScoreAggregation.Aggregate(scores, ScoreAggregationRule.TrimmedMeanFromFive);
        var qrUrl = "http://localhost:5298/verify?code=7FK3Q-9XM2P";
        return
        [
            new("application", typeof(ApplicationFormDocument),
                new ApplicationFormModel(Applicant with { Kind = RecognitionKind.DigitalWorkshop }, Version, report.RuleSet, "呼和浩特市赛罕区云谷大道 8 号", "年产 50 万台电子元器件的数字化车间。", null, "张明",
                    ContentFields.Of("""{"project":{"name":"云谷电子智能工厂","totalInvestmentWan":12800},"technical":{"productionEquipment":30,"digitalEquipment":21}}"""),
                    report, [], null,
                    [new("technical.equipmentList", "装备清单", "装备清单.pdf", 52_431, "aa11bb22cc33dd44ee55ff6600778899aabbccddeeff00112233445566778899")]),
                Stamp("申报书", "application", "SBS-3F2A9C1D-V2"), PageSetup.Portrait,
                ["申报书", "云谷电子智能工厂", "数字化装备数", "21", "12800", "效益指标计算过程", "27.72%", "1852÷795", "装备清单.pdf",
                    "aa11bb22cc33dd44ee55ff6600778899aabbccddeeff00112233445566778899", Hash, "张明"]),
            new("application-tier", typeof(ApplicationFormDocument),
                new ApplicationFormModel(Applicant with { Kind = RecognitionKind.TierAdvanced }, Version, tierReport.RuleSet, null, null, "某咨询有限公司", null,
                    ContentFields.Of(NuMeng.Recognition.Domain.PreCheck.JsonInput.Write(tierRequest)), tierReport, [], null, []),
                Stamp("申报书", "application", "SBS-3F2A9C1D-V2"), PageSetup.Portrait,
                ["申报书", "先进级智能工厂", "梯度评估", "场景覆盖", "某咨询有限公司", "本版本未附证明材料", Hash]),
            new("bureau-opinion", typeof(BureauOpinionDocument),
                new BureauOpinionModel(Applicant, Version, "呼和浩特市工业和信息化局", "推荐", "经初审，该企业符合智能工厂申报条件，同意推荐。", [],
                    1, 3, "呼和浩特市工信局 审核员", "呼和浩特市工信局 负责人", Submitted.AddDays(10), true),
                Stamp("盟市初审推荐意见", "bureau-opinion", "CSYJ-1501-3F2A9C1D"), PageSetup.Portrait,
                ["盟市初审推荐意见", "呼和浩特市工业和信息化局", "同意推荐", "第1位（共推荐3项）", "负责人（签字）", "加盖公章", "2026年3月12日", Hash]),
            new("bureau-summary", typeof(BureauSummaryDocument),
                new BureauSummaryModel("包头市工业和信息化局", "包头市", "2026年第一批基础级智能工厂认定", RecognitionKind.TierBasic, 5,
                    [new(1, "包头鹿城稀土新材料有限公司", "91150207MA004NMQ7X", "稀土新材料基础级智能工厂", RecognitionKind.TierBasic, "同意推荐。", Submitted, Hash),
                     new(2, "包头北方重型装备制造有限公司", "91150203MA003NMQ7X", "重型装备焊接基础级智能工厂", RecognitionKind.TierBasic, "同意推荐。", Submitted, new string('b', 64))]),
                Stamp("推荐汇总表", "bureau-summary", "TJHZ-1502-2026-1", ProcedureDocuments.ListHash(["a", "b"]), "名单数据"), PageSetup.Portrait,
                ["推荐汇总表", "包头市工业和信息化局", "包头鹿城稀土新材料有限公司", "包头北方重型装备制造有限公司", "限推荐5项", Hash]),
            new("score-sheet", typeof(ScoreSheetDocument),
                new ScoreSheetModel(Applicant, Version, "王建国", "教授", "内蒙古工业大学", "第一评审组", "组长", rubric.Name,
                    [.. rubric.Items.Select((item, i) => new ScoreLine(item.Code, item.Name, item.MaxPoints, item.Guidance, Math.Min(points[i % points.Length], item.MaxPoints), "符合要求"))],
                    rubric.Items.Select((item, i) => Math.Min(points[i % points.Length], item.MaxPoints)).Sum(), rubric.TotalPoints, "总体达到智能工厂认定要求", Submitted.AddDays(25)),
                Stamp("专家评分表", "score-sheet", "PFB-3F2A9C1D-1"), PageSetup.Portrait,
                ["专家评分表", "王建国", "内蒙古工业大学", rubric.Items[0].Name, "合计", "总体达到智能工厂认定要求", "评审专家（签字）", Hash]),
            new("score-summary", typeof(ScoreSummaryDocument),
                new ScoreSummaryModel(Applicant, Version, "第一评审组", rubric.Items,
                    [.. scores.Select((s, i) => new PanelScoreRow($"专家{i + 1}", i == 0 ? "组长" : "组员", s, "已提交", s == 95m || s == 78m, [.. rubric.Items.Select(_ => (decimal?)null)])),
                     new PanelScoreRow("周丽娟", "组员", null, "回避（咨询机构关联）", false, [])],
                    aggregate, ScoreAggregation.Label(ScoreAggregationRule.TrimmedMeanFromFive), "专家组一致认为该工厂达到智能工厂认定要求。", "王建国", Submitted.AddDays(26)),
                Stamp("评分汇总表", "score-summary", "PFHZ-3F2A9C1D"), PageSetup.Portrait,
                ["评分汇总表", "去掉一个最高分和一个最低分", "最高分95", "最低分78", "89", "专家组一致认为", "回避", Hash]),
            new("onsite-check", typeof(OnSiteCheckDocument),
                new OnSiteCheckModel(Applicant, Version, "第一评审组", new DateOnly(2025, 10, 15),
                    [new("mes", "制造执行系统覆盖 5 个模块并实际运行", true, null), new("network", "关键设备联网并实时监控", false, "2 台设备未联网")],
                    "现场核查情况与申报材料基本一致", true, "王建国", ["张志强"], Submitted.AddDays(30)),
                Stamp("现场核查表", "onsite-check", "XCHC-3F2A9C1D"), PageSetup.Portrait,
                ["现场核查表", "制造执行系统覆盖5个模块并实际运行", "已确认", "未确认", "2台设备未联网", "2025年10月15日", "通过", Hash]),
            new("preselection", typeof(PreSelectionDocument),
                new PreSelectionModel("2025年第二批智能工厂拟认定预选名单", "2025年第二批智能工厂认定", ScoreAggregation.Label(ScoreAggregationRule.Mean), Submitted.AddDays(40), "工信厅 经办人",
                    [new(1, "北疆有色集团赤峰红山冶炼分公司", "赤峰市", "铜冶炼智能工厂", RecognitionKind.SmartFactory, 89m, Hash)],
                    "2025年第30次厅党组会", new DateOnly(2025, 11, 20), 1),
                Stamp("预选名单", "preselection", "YXMD-2025-2", ProcedureDocuments.ListHash(["x"]), "名单数据"), PageSetup.Portrait,
                ["预选名单", "北疆有色集团赤峰红山冶炼分公司", "89", "2025年第30次厅党组会", "2025年11月20日"]),
            new("notice", typeof(PublicNoticeDocument),
                new PublicNoticeModel("内蒙古自治区工业和信息化厅", "关于2025年第二批自治区智能工厂拟认定名单的公示", "2025年第二批智能工厂认定",
                    new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 9), 5, PeriodUnit.CalendarDays, "《内蒙古自治区数字化车间和智能工厂认定管理办法》第八条",
                    [new(1, "北疆有色集团赤峰红山冶炼分公司", "赤峰市", "铜冶炼智能工厂", "智能工厂")],
                    "自治区工业和信息化厅 0471-0000000", "数字化发展处，电话：0471-1234567", "公示中"),
                Stamp("公示", "notice", "GS-2025-2", ProcedureDocuments.ListHash(["n"]), "名单数据"), PageSetup.Portrait,
                ["内蒙古自治区工业和信息化厅", "拟认定名单的公示", "至2026年10月9日", "书面形式", "加盖本单位公章", "真实姓名", "联系方式", "0471-1234567", "2026年9月30日"]),
            new("publication", typeof(PublicationListDocument),
                new PublicationListModel("内蒙古自治区工业和信息化厅", "内工信数字字〔2025〕18号", "关于公布2025年第一批自治区数字化车间名单的通知", "2025年第一批数字化车间认定",
                    new DateOnly(2025, 7, 10), "有效期五年，自授牌之日起计算。",
                    [new(1, "通辽科尔沁玉米生物科技有限公司", "通辽市", "玉米深加工发酵数字化车间", "数字化车间", "NMDW-2025-0001"),
                     new(2, "呼和浩特青城智造乳业有限公司", "呼和浩特市", "酸奶发酵数字化车间", "数字化车间", "NMDW-2025-0003")]),
                Stamp("认定名单", "publication", "内工信数字字〔2025〕18号", ProcedureDocuments.ListHash(["p"]), "名单数据"), PageSetup.Portrait,
                ["内工信数字字〔2025〕18号", "NMDW-2025-0001", "NMDW-2025-0003", "2025年7月10日", "现予公布"]),
            new("certificate", typeof(CertificateDocument),
                new CertificateModel("内蒙古自治区工业和信息化厅", "NMDW-2025-0003", "呼和浩特青城智造乳业有限公司", "酸奶发酵数字化车间", RecognitionKind.TierAdvanced,
                    new DateOnly(2025, 7, 20), new DateOnly(2030, 7, 19), "7FK3Q-9XM2P", qrUrl, ProcedureDocuments.QrSvg(qrUrl), "内工信数字字〔2025〕18号", "有效"),
                Stamp("证书", "certificate", "NMDW-2025-0003", Hash) with { VerificationCode = "7FK3Q-9XM2P" }, PageSetup.Certificate,
                ["证书", "呼和浩特青城智造乳业有限公司", "酸奶发酵数字化车间", "先进级智能工厂", "NMDW-2025-0003", "2025年7月20日", "2030年7月19日", "7FK3Q-9XM2P", "verify?code=7FK3Q-9XM2P"]),
            new("revocation", typeof(RevocationNoticeDocument),
                new RevocationNoticeModel("内蒙古自治区工业和信息化厅", "NMDW-2025-0002", "呼伦贝尔草原肉业食品有限公司", "牛羊肉分割数字化车间", RecognitionKind.DigitalWorkshop,
                    new DateOnly(2025, 7, 20), "内工信数字字〔2025〕18号", RevocationGround.MovedOutOfInnerMongolia, "企业已将该车间整体迁出自治区", new DateOnly(2026, 6, 1), "工信厅 负责人"),
                Stamp("撤销通知", "revocation", "CX-NMDW-2025-0002", Hash), PageSetup.Portrait,
                ["撤销", "第十条", "所认定的数字化车间、智能工厂迁出内蒙古", "企业已将该车间整体迁出自治区", "NMDW-2025-0002", "2026年6月1日"]),
        ];
    }
}
