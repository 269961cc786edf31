namespace NuMeng.Recognition.Domain.Technical;

/// <summary>
/// The built-in rule set: 内蒙古自治区数字化车间和智能工厂认定管理办法（征求意见稿） and its annex
/// 《2024 年自治区数字化车间和智能工厂认定技术条件》 (seeds/2024-recognition-measures-and-technical-conditions.txt).
/// </summary>
/// <remarks>
/// Effective date: the draft carries no date and 第十四条 says "自发布之日起执行"; the annex is titled for 2024, so
/// version 1 is dated 2024-01-01. When the department publishes the final text it records the real date (and any
/// changed numbers) as a new version; batches already opened keep the version they named.
/// </remarks>
public static class TechnicalConditions2024
{
    public const string Code = "NM-2024-TECH";
    public const string Version = "1";
    public const string Name = "2024年自治区数字化车间和智能工厂认定技术条件";

    /// <summary>Short title of the technical conditions, as clauses cite it.</summary>
    public const string Conditions = "2024年自治区数字化车间和智能工厂认定技术条件";

    /// <summary>Short title of the recognition measures, as clauses cite it.</summary>
    public const string Measures = "内蒙古自治区数字化车间和智能工厂认定管理办法（征求意见稿）";

    public static readonly DateOnly EffectiveDate = new(2024, 1, 1);

    private const string BaselineText = "（改造项目与建设前进行对比；新建项目与行业平均水平进行对比）";

    /// <summary>Builds the rule set as the 2024 documents state it.</summary>
    public static TechnicalRuleSet Create() => new(
        new RuleSetInfo(Code, Version, Name, $"{Measures}及附件《{Conditions}》", EffectiveDate),
        Procedure(),
        Workshop(),
        Factory(),
        KpiSettings.Default,
        new Clause(Conditions, "三", "考核指标参考计算依据：以下实例仅供参考，不同行业根据实际情况调整参数，提供本项目综合指标的基础数值，并明确列示可达综合指标的具体测算方法"),
        WorkshopRubric(),
        FactoryRubric());

    private static Clause Tech(string article, string text) => new(Conditions, article, text);

    private static ProcedureRules Procedure() => new(
        NoticeLength: 5,
        NoticeUnit: PeriodUnit.CalendarDays, // 第八条 says "公示期 5 天", not 5 个工作日.
        NoticeClause: new Clause(Measures, "第八条", "经厅党组会审议通过后，向社会公示，公示期 5 天，无异议后行文公布"),
        ValidityYears: 5,
        ValidityClause: new Clause(Measures, "第十二条", "授牌有效期为五年，有效期自授牌之日起计算"),
        CreditLookbackYears: 3); // 第六条（二）: 近三年发生过重大生产安全、质量和环境污染事故或者有严重失信行为的，不得申报.

    private static TechnicalConditionSet Workshop()
    {
        // 一（一）: 装备数控化率达 60%以上，关键工序数控化率达 70%以上 — 以上 includes the number.
        var equipment = Tech("一（一）", "装备数字化：装备数控化率（数字化装备数量占生产装备总数量的比例）达 60%以上，关键工序数控化率达 70%以上");
        var data = Tech("一（二）", "数据采集：基于 5G、工业互联网、物联网等技术，实现加工设备、检测设备、物流设备的联网运行，采集设备的运行数据，采集信息的上传率达到 90%，实现设备实时监控");
        var mes = Tech("一（三）", "生产过程数字化：建设有功能完善的制造执行系统（MES），且至少包含以下功能模块中的 4 种：车间作业计划管理和调度模块、工艺执行管理模块、物流与仓储管理模块、质量分析管理与跟踪模块、设备运行管理模块、能源管理模块，并实现车间可视化管理");
        return new TechnicalConditionSet(
            RecognitionKind.DigitalWorkshop,
            "数字化车间认定技术条件",
            new TechnicalBar(Threshold.AtLeast(60), equipment),
            new TechnicalBar(Threshold.AtLeast(70), equipment),
            data,
            new TechnicalBar(Threshold.AtLeast(90), data), // 达到 90%: reaching 90 counts.
            new TechnicalBar(Threshold.AtLeast(4, "种"), mes),
            mes,
            Kpis("一（五）", "项目建成后", includeCycleTime: false))
        {
            WorkshopIntegration = Tech("一（四）", "车间信息集成：实现设备实时数据采集系统、制造执行系统与企业管理设计信息系统集成，实现车间软硬件系统优化运行控制和集约化生产"),
        };
    }

    private static TechnicalConditionSet Factory()
    {
        var scale = Tech("二（一）1", "申报智能工厂应将整个工厂作为整体进行申报，且离散型制造企业的数字化车间数量不少于 2 个，流程型、混合型制造企业的数字化车间数量不少于 1 个");
        var equipment = Tech("二（一）2", "装备数字化：装备数控化率（数字化装备数量占生产装备总数量的比例）达 70%以上，关键工序数控化率达 80%以上");
        var data = Tech("二（一）3", "数据采集：基于 5G、工业互联网、物联网等技术，实现加工设备、检测设备、物流设备的联网运行，采集设备的运行数据，采集信息的上传率达到 90%，实现设备实时监控");
        var mes = Tech("二（一）4", "生产过程数字化：建设有功能完善的制造执行系统（MES），且至少包含以下功能模块中的 4 种：车间作业计划管理和调度模块、工艺执行管理模块、物流与仓储管理模块、质量分析管理与跟踪模块、设备运行管理模块、能源管理模块，并实现车间可视化管理");
        var systems = Tech("二（一）5", "信息系统建设：建设有功能完善的信息系统，且至少包含以下功能系统中的 4 种：协同设计/设计知识管理/工艺仿真/虚拟装配、PDM/PLM/LIMS、ERP、CRM、SCM、产品远程运维、数据中台等信息系统，并实现有效集成");
        var security = Tech("二（一）6", "项目应有必要的信息安全防护投入，建成后具备一定的信息安全防护能力");
        return new TechnicalConditionSet(
            RecognitionKind.SmartFactory,
            "智能工厂认定技术条件",
            new TechnicalBar(Threshold.AtLeast(70), equipment),
            new TechnicalBar(Threshold.AtLeast(80), equipment),
            data,
            new TechnicalBar(Threshold.AtLeast(90), data),
            new TechnicalBar(Threshold.AtLeast(4, "种"), mes),
            mes,
            Kpis("二（一）7", "项目建成后应当在行业内具备领先水平，", includeCycleTime: true))
        {
            DiscreteWorkshops = new TechnicalBar(Threshold.AtLeast(2, "个"), scale), // 不少于 2 个: 2 counts.
            ProcessOrMixedWorkshops = new TechnicalBar(Threshold.AtLeast(1, "个"), scale),
            InformationSystems = new TechnicalBar(Threshold.AtLeast(4, "种"), systems),
            InformationSystemsIntegration = systems,
            // "必要的投入" names no amount: any investment passes the bar; its adequacy is for the experts.
            SecurityInvestment = new TechnicalBar(new Threshold(0, Comparison.GreaterThan, "万元"), security),
            SecurityCapability = security,
        };
    }

    private static KpiBar[] Kpis(string article, string lead, bool includeCycleTime)
    {
        KpiBar Bar(KpiCode code, decimal value, string words) =>
            new(code, Threshold.AtLeast(value), Tech(article, $"{lead}{words}{BaselineText}"));

        var bars = new List<KpiBar>
        {
            Bar(KpiCode.OperatingCost, 15, "运营成本降低 15%以上"),
            Bar(KpiCode.ProductionEfficiency, 10, "生产效率提高 10%以上"),
        };
        if (includeCycleTime)
        {
            bars.Add(Bar(KpiCode.CycleTime, 10, "产品研发周期降低 10%以上"));
        }
        bars.Add(Bar(KpiCode.DefectRate, 10, "产品不良品率降低 10%以上"));
        bars.Add(Bar(KpiCode.EnergyEfficiency, 8, "能源利用率提高 8%以上"));
        return [.. bars];
    }

    // docs/rule-reference.md §8: our proposed default; the documents give no rubric, and the department can replace it.
    private static Rubric WorkshopRubric() => new("数字化车间专家评分表（建议默认）",
    [
        new("equipment", "装备数字化", 15, "装备数控化率、关键工序数控化率的达标程度与装备先进性（技术条件 一（一））"),
        new("data-collection", "数据采集与设备联网", 15, "加工、检测、物流设备联网运行，采集信息上传率，设备实时监控（一（二））"),
        new("process", "生产过程数字化", 20, "MES 功能模块的数量与应用深度，车间可视化管理（一（三））"),
        new("integration", "信息集成", 20, "设备实时数据采集系统、MES 与企业管理设计信息系统的集成（一（四））"),
        new("intensive-operation", "集约化运行", 10, "车间软硬件系统优化运行控制和集约化生产的成效（一（四））"),
        new("kpi", "效益指标", 20, "运营成本、生产效率、不良品率、能源利用率的系统计算值、测算依据与佐证材料（一（五）、三）"),
    ]);

    private static Rubric FactoryRubric() => new("智能工厂专家评分表（建议默认）",
    [
        new("equipment", "装备数字化", 15, "装备数控化率、关键工序数控化率的达标程度与装备先进性（技术条件 二（一）2）"),
        new("data-collection", "数据采集与设备联网", 15, "加工、检测、物流设备联网运行，采集信息上传率，设备实时监控（二（一）3）"),
        new("process", "生产过程数字化", 20, "MES 功能模块的数量与应用深度，车间可视化管理（二（一）4）"),
        new("integration", "信息集成", 20, "至少 4 类信息系统的建设与有效集成（二（一）5）"),
        new("security", "信息安全", 10, "信息安全防护投入与建成后的防护能力（二（一）6）"),
        new("kpi", "效益指标", 20, "运营成本、生产效率、研发周期、不良品率、能源利用率的系统计算值、测算依据与佐证材料（二（一）7、三）"),
    ]);
}
