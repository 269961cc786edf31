namespace NuMeng.Recognition.Domain.Tiers;

/// <summary>
/// The built-in rule set NM-2025-TIER@1: 内蒙古自治区智能工厂梯度培育要素条件（2025年版）, with the procedure of the
/// 认定管理办法 and our default rubric. Texts are copied from the document as written.
/// </summary>
public static class TierConditions2025
{
    /// <summary>Short title used in every clause of this document.</summary>
    public const string Document = "内蒙古自治区智能工厂梯度培育要素条件（2025年版）";

    /// <summary>The procedure rules come from the recognition measures.</summary>
    public const string MeasuresDocument = "内蒙古自治区数字化车间和智能工厂认定管理办法（征求意见稿）";

    /// <summary>The climbing order is national practice; the Inner Mongolia text does not state it (docs/rule-reference.md §9).</summary>
    public const string ClimbingPracticeDocument = "智能工厂梯度培育行动（国家做法）";

    public const string RuleSetCode = "NM-2025-TIER";

    private const string BasicHead = "二、基础级智能工厂";
    private const string AdvancedHead = "三、先进级智能工厂";
    private const string ExcellentHead = "四、卓越级智能工厂";
    private const string LeadingHead = "五、领航级智能工厂";

    /// <summary>Builds the rule set (a new instance each call; it is immutable).</summary>
    public static TierRuleSet Create()
    {
        var info = new RuleSetInfo(
            RuleSetCode,
            "1",
            "内蒙古自治区智能工厂梯度培育要素条件（2025年版）",
            "内蒙古自治区智能工厂梯度培育要素条件（2025 年版）（附件 1）",
            // The document carries no date of its own; the 2025 edition applies to the 2025 batches.
            new DateOnly(2025, 1, 1));

        var procedure = new ProcedureRules(
            NoticeLength: 5,
            NoticeUnit: PeriodUnit.CalendarDays,
            NoticeClause: new Clause(MeasuresDocument, "第八条",
                "经厅党组会审议通过后，向社会公示，公示期 5 天，无异议后行文公布。"),
            ValidityYears: 5,
            ValidityClause: new Clause(MeasuresDocument, "第十二条", "授牌有效期为五年，有效期自授牌之日起计算。"),
            // 要素条件 一、基础要求 2: 企业近三年生产经营正常……近三年未发生重大（含）以上安全、环保、质量事故（事件）
            CreditLookbackYears: 3);

        return new TierRuleSet(info, procedure, [Basic(), Advanced(), Excellent(), Leading()], DefaultRubric(), BasicRequirements());
    }

    /// <summary>一、基础要求 items 1–5.</summary>
    private static IReadOnlyList<Clause> BasicRequirements() =>
    [
        Requirement(1, "申报主体在内蒙古自治区境内注册，具有独立法人资格的规模以上工业企业（石油石化、有色金属、烟草、汽车等有行业特殊情况的，允许法人的分支机构申报，须有统一社会信用代码），企业和产品均具有较强市场竞争力。"),
        Requirement(2, "企业近三年生产经营正常，诚信守法，近三年未发生重大（含）以上安全、环保、质量事故（事件），未被列入严重失信主体名单。"),
        Requirement(3, "工厂使用的关键技术装备、工业软件、工业操作系统、系统解决方案等安全可控，网络安全和数据安全风险可控。"),
        Requirement(4, "企业应建立智能工厂统筹规划、建设和运营的组织机制。"),
        Requirement(5, "企业具备基本的数字化、网络化、智能化能力，智能制造能力成熟度自评价水平达到 GB/T39116-2020《智能制造能力成熟度模型》相应的要求。"),
    ];

    private static Clause Requirement(int item, string text) => new(Document, $"一、基础要求 第{item}项", text);

    private static TierDefinition Basic() => new(
        TierLevel.Basic,
        new Clause(Document, BasicHead,
            "企业参考《内蒙古自治区智能工厂梯度建设典型场景参考标准（2025年版）》（以下简称《典型场景参考标准》）（附件 3），围绕工厂建设、研发设计、生产作业、生产管理、运营管理等开展智能工厂建设，至少覆盖生产作业环节，建设场景数不低于《典型场景参考标准-基础级》中的 5个场景。"),
        [Segment.ProductionOperation],
        new Clause(Document, BasicHead, "至少覆盖生产作业环节"),
        5,
        new Clause(Document, BasicHead, "建设场景数不低于《典型场景参考标准-基础级》中的 5个场景"),
        // Section 二 sets no maturity bar; 一、基础要求 5 asks for "相应的要求". Read as 一级（规划级）及以上, the lowest level
        // there is: a self-assessment that reaches no level at all cannot "meet the corresponding requirement".
        MaturityLevel.Planning,
        new Clause(Document, "一、基础要求 第5项",
            "智能制造能力成熟度自评价水平达到 GB/T39116-2020《智能制造能力成熟度模型》相应的要求（基础级按一级（规划级）及以上掌握）"),
        null,
        [
            Item(TierLevel.Basic, BasicHead, 1, Segment.FactoryConstruction, "工厂建设：开展产线级、车间级数字化规划与建设；部署安全可控的智能制造装备、工业软件、系统和数字基础设施。"),
            Item(TierLevel.Basic, BasicHead, 2, Segment.ResearchAndDesign, "研发设计：开展产品、工艺数字化研发设计。"),
            Item(TierLevel.Basic, BasicHead, 3, Segment.ProductionOperation, "生产作业：开展关键装备和工艺数字化升级，实现关键装备、工序和系统的实时监控，以及关键生产工序自动化作业。"),
            Item(TierLevel.Basic, BasicHead, 4, Segment.ProductionManagement, "生产管理：应用信息系统，对作业计划、产品质量、设备资产、生产物料等进行管理，实现关键生产过程精益化。"),
            Item(TierLevel.Basic, BasicHead, 5, Segment.OperationsManagement, "运营管理：应用信息系统，对采购、销售、库存、财务和人力资源等进行管理，实现经营数据精准核算和绩效指标量化评估。"),
        ]);

    private static TierDefinition Advanced() => new(
        TierLevel.Advanced,
        new Clause(Document, AdvancedHead,
            "企业参考《典型场景参考标准》，围绕工厂建设、研发设计、生产作业、生产管理、运营管理等开展智能工厂建设，至少覆盖生产作业、生产管理、运营管理三个环节，建设场景数不低于《典型场景参考标准-先进级》中 10个场景，智能制造能力成熟度自评价水平达到 GB/T39116-2020《智能制造能力成熟度模型》二级及以上。"),
        [Segment.ProductionOperation, Segment.ProductionManagement, Segment.OperationsManagement],
        new Clause(Document, AdvancedHead, "至少覆盖生产作业、生产管理、运营管理三个环节"),
        10,
        new Clause(Document, AdvancedHead, "建设场景数不低于《典型场景参考标准-先进级》中 10个场景"),
        MaturityLevel.Standardised,
        new Clause(Document, AdvancedHead, "智能制造能力成熟度自评价水平达到 GB/T39116-2020《智能制造能力成熟度模型》二级及以上"),
        new TierPrerequisite(TierLevel.Basic, PrerequisiteEvidence.SelfAssessment,
            new Clause(ClimbingPracticeDocument, "梯度递进", "先进级智能工厂以完成基础级智能工厂自评价为前提（内蒙古 2025 年版要素条件未明文规定，按国家梯度培育做法执行）")),
        [
            Item(TierLevel.Advanced, AdvancedHead, 1, Segment.FactoryConstruction, "工厂建设：开展车间级、工厂级数字化规划与建设；对工艺路线、产线布局和物流路径等进行仿真；广泛部署安全可控的智能制造装备、工业软件和系统。"),
            Item(TierLevel.Advanced, AdvancedHead, 2, Segment.ResearchAndDesign, "研发设计：开展产品、工艺的数字化研发设计和仿真迭代，应用智能化设计工具，实现产品设计、工艺设计数据统一管理和协同。"),
            Item(TierLevel.Advanced, AdvancedHead, 3, Segment.ProductionOperation, "生产作业：开展关键装备和工序数智技术应用，实现关键装备异常预警、关键工序数据在线分析、关键生产过程精准控制、产品关键质量特性数字化检测。"),
            Item(TierLevel.Advanced, AdvancedHead, 4, Segment.ProductionManagement, "生产管理：通过对生产过程、仓储物流、设备运行、产品质量等进行数字化集成管控，应用智能化分析工具，实现高效辅助计划排产和生产业务协同管控，并开展安全能源环保数字化管理。"),
            Item(TierLevel.Advanced, AdvancedHead, 5, Segment.OperationsManagement, "运营管理：通过经营管理与生产作业等业务的数据集成贯通，应用智能化管理工具，实现成本有效管控、订单及时交付、绩效指标动态评估等，开展供应链数字化管理。"),
        ]);

    private static TierDefinition Excellent() => new(
        TierLevel.Excellent,
        new Clause(Document, ExcellentHead,
            "企业参考《典型场景参考标准》，围绕工厂建设、研发设计、生产作业、生产管理、运营管理等开展智能工厂建设，覆盖全部五个环节，建设场景数不低于《典型场景参考标准-卓越级》中 16个场景，智能制造能力成熟度自评价水平达到 GB/T39116-2020《智能制造能力成熟度模型》三级及以上。"),
        Segments.All,
        new Clause(Document, ExcellentHead, "覆盖全部五个环节"),
        16,
        new Clause(Document, ExcellentHead, "建设场景数不低于《典型场景参考标准-卓越级》中 16个场景"),
        MaturityLevel.Integrated,
        new Clause(Document, ExcellentHead, "智能制造能力成熟度自评价水平达到 GB/T39116-2020《智能制造能力成熟度模型》三级及以上"),
        new TierPrerequisite(TierLevel.Advanced, PrerequisiteEvidence.Recognition,
            new Clause(ClimbingPracticeDocument, "梯度递进", "卓越级智能工厂从已认定的先进级智能工厂中培育推荐（内蒙古 2025 年版要素条件未明文规定，按国家梯度培育做法执行）")),
        [
            Item(TierLevel.Excellent, ExcellentHead, 1, Segment.FactoryConstruction, "工厂建设：开展工厂级数字化规划与建设，以及数据治理工作；对工厂进行系统建模和优化，实现工厂数字化交付，推动虚拟工厂建设；体系化部署安全可控的智能制造装备、工业软件和系统。"),
            Item(TierLevel.Excellent, ExcellentHead, 2, Segment.ResearchAndDesign, "研发设计：开展产品、工艺协同研发设计、集成建模和仿真，实现基于模型和数据的系统优化。"),
            Item(TierLevel.Excellent, ExcellentHead, 3, Segment.ProductionOperation, "生产作业：开展多场景数智技术应用，实现装备运行状态智能分析和故障诊断、生产过程智能管控和在线优化、过程质量在线检测与控制。"),
            Item(TierLevel.Excellent, ExcellentHead, 4, Segment.ProductionManagement, "生产管理：通过生产全过程数据综合分析，实现生产计划与排程自动生成、设备全生命周期管理、质量精准追溯和持续改进、物流仓储策略优化、安全应急联动、能源环保综合管控等，推动主要生产要素的智能协同优化。"),
            Item(TierLevel.Excellent, ExcellentHead, 5, Segment.OperationsManagement, "运营管理：通过多维数据智能分析，实现用户需求精准识别和敏捷响应、全厂资源协同优化、产品增值服务、设计生产服务闭环优化、智能化决策支持等，推进供应链上下游“链式”协同。"),
        ]);

    private static TierDefinition Leading() => new(
        TierLevel.Leading,
        new Clause(Document, LeadingHead,
            "企业参考《典型场景参考标准》，围绕工厂建设、研发设计、生产作业、生产管理、运营管理等开展智能工厂建设，覆盖全部五个环节，建设场景数不低于《典型场景参考标准-领航级》中 20 个场景，智能制造能力成熟度自评价水平达到 GB/T39116-2020《智能制造能力成熟度模型》四级及以上。"),
        Segments.All,
        new Clause(Document, LeadingHead, "覆盖全部五个环节"),
        20,
        new Clause(Document, LeadingHead, "建设场景数不低于《典型场景参考标准-领航级》中 20 个场景"),
        MaturityLevel.Optimised,
        new Clause(Document, LeadingHead, "智能制造能力成熟度自评价水平达到 GB/T39116-2020《智能制造能力成熟度模型》四级及以上"),
        new TierPrerequisite(TierLevel.Excellent, PrerequisiteEvidence.Recognition,
            new Clause(ClimbingPracticeDocument, "梯度递进", "领航级智能工厂从已认定的卓越级智能工厂中培育推荐（内蒙古 2025 年版要素条件未明文规定，按国家梯度培育做法执行）")),
        [
            Item(TierLevel.Leading, LeadingHead, 1, Segment.FactoryConstruction, "工厂建设：构建工厂数字孪生系统，实现对物理制造过程的精准映射和反馈控制；建立较为完备的数据治理体系，推动形成企业数据资产；开展安全可控的智能制造装备、工业软件和系统等研发和应用突破。"),
            Item(TierLevel.Leading, LeadingHead, 2, Segment.ResearchAndDesign, "研发设计：探索数据与知识驱动的研发设计创新，开展虚拟验证和中试。"),
            Item(TierLevel.Leading, LeadingHead, 3, Segment.ProductionOperation, "生产作业：开展人工智能在工艺、装备等方面创新应用，实现生产过程动态优化、智能决策控制、产线动态调整。"),
            Item(TierLevel.Leading, LeadingHead, 4, Segment.ProductionManagement, "生产管理：探索多目标、多扰动、多约束情况下的生产计划优化和智能排产调度，推动制造资源的全面优化利用。建立能源、碳资产、安全、环保综合管理创新机制，推动可持续制造。"),
            // 五 item 5 is headed 经营管理 in the document; it is the 运营管理 segment of 注 5. Text kept as written.
            Item(TierLevel.Leading, LeadingHead, 5, Segment.OperationsManagement, "经营管理：推进工厂横向、纵向、端到端集成，构建智慧供应链，推动生产方式、服务体系和组织架构等变革，探索未来制造模式。"),
        ]);

    private static ChecklistItem Item(TierLevel tier, string head, int number, Segment segment, string text) =>
        new($"{TierLevels.Slug(tier)}.{number}", tier, segment, text, new Clause(Document, $"{head} 第{number}项", text));

    /// <summary>docs/rule-reference.md §8 second table: our proposed default, 100 points; the documents give no rubric.</summary>
    private static Rubric DefaultRubric() => new(
        "智能工厂梯度培育专家评分表（默认）",
        [
            new RubricItem("factory-construction", "工厂建设", 15m,
                "对照所申报层级第 1 项：数字化规划与建设、数字基础设施与数据治理、安全可控的智能制造装备和工业软件部署；本环节所建场景的成效与佐证材料。"),
            new RubricItem("research-and-design", "研发设计", 15m,
                "对照所申报层级第 2 项：产品、工艺数字化研发设计，建模仿真与迭代，设计数据统一管理与协同；本环节所建场景的成效与佐证材料。"),
            new RubricItem("production-operation", "生产作业", 25m,
                "对照所申报层级第 3 项：关键装备和工序的数字化、数智化应用，实时监控与在线分析，过程控制与质量检测；本环节所建场景的成效与佐证材料。"),
            new RubricItem("production-management", "生产管理", 25m,
                "对照所申报层级第 4 项：计划排产、仓储物流、设备、质量的数字化集成管控，安全、能源（碳）、环保数字化管理；本环节所建场景的成效与佐证材料。"),
            new RubricItem("operations-management", "运营管理", 20m,
                "对照所申报层级第 5 项：采购、销售、库存、财务、人力等经营管理与生产数据集成贯通，决策支持与供应链协同；本环节所建场景的成效与佐证材料。"),
        ]);
}
