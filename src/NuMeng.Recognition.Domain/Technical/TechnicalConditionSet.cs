namespace NuMeng.Recognition.Domain.Technical;

/// <summary>
/// The conditions for one kind of recognition (数字化车间 or 智能工厂). Items that only one kind has are nullable:
/// a null item does not apply to this kind, so a new version can add or drop an item without code change.
/// </summary>
/// <param name="Kind">DigitalWorkshop or SmartFactory.</param>
/// <param name="Title">Chinese title, e.g. 数字化车间认定技术条件.</param>
/// <param name="EquipmentNcRate">装备数控化率 bar (数字化装备 ÷ 生产装备总数).</param>
/// <param name="KeyProcessNcRate">关键工序数控化率 bar.</param>
/// <param name="DataCollection">Clause of the networking of processing, inspection and logistics equipment and real-time monitoring.</param>
/// <param name="UploadRate">采集信息上传率 bar.</param>
/// <param name="MesModules">Number of MES modules (of the six) required.</param>
/// <param name="VisualManagement">Clause of 车间可视化管理.</param>
/// <param name="Kpis">The KPI bars; a KPI not listed does not apply to this kind.</param>
public sealed record TechnicalConditionSet(
    RecognitionKind Kind,
    string Title,
    TechnicalBar EquipmentNcRate,
    TechnicalBar KeyProcessNcRate,
    Clause DataCollection,
    TechnicalBar UploadRate,
    TechnicalBar MesModules,
    Clause VisualManagement,
    IReadOnlyList<KpiBar> Kpis)
{
    /// <summary>Minimum digital workshops of a discrete manufacturer (智能工厂 二（一）1: 不少于 2 个).</summary>
    public TechnicalBar? DiscreteWorkshops { get; init; }

    /// <summary>Minimum digital workshops of a process or mixed manufacturer (智能工厂 二（一）1: 不少于 1 个).</summary>
    public TechnicalBar? ProcessOrMixedWorkshops { get; init; }

    /// <summary>车间信息集成 (数字化车间 一（四）).</summary>
    public Clause? WorkshopIntegration { get; init; }

    /// <summary>Number of information-system kinds (of the seven) required (智能工厂 二（一）5).</summary>
    public TechnicalBar? InformationSystems { get; init; }

    /// <summary>"并实现有效集成" of the information systems (智能工厂 二（一）5).</summary>
    public Clause? InformationSystemsIntegration { get; init; }

    /// <summary>信息安全防护投入, in 万元 (智能工厂 二（一）6: "必要的投入"; the built-in bar is &gt; 0).</summary>
    public TechnicalBar? SecurityInvestment { get; init; }

    /// <summary>建成后具备一定的信息安全防护能力 (智能工厂 二（一）6).</summary>
    public Clause? SecurityCapability { get; init; }
}
