namespace NuMeng.Recognition.Domain.Scenes;

/// <summary>
/// The 14 环节 of Inner Mongolia's 《典型场景参考标准（2025年版）》 (要素条件 附件 3), which the tier conditions
/// roll up into five <see cref="Segment"/>s (要素条件 注 1–5). Stored by name; never renumber.
/// </summary>
public enum SubSegment
{
    /// <summary>工厂建设 → 工厂建设.</summary>
    FactoryConstruction,
    /// <summary>信息基础设施 → 工厂建设.</summary>
    InformationInfrastructure,
    /// <summary>产品设计 → 研发设计.</summary>
    ProductDesign,
    /// <summary>工艺设计 → 研发设计.</summary>
    ProcessDesign,
    /// <summary>生产作业 → 生产作业.</summary>
    ProductionOperation,
    /// <summary>质量管控 → 生产作业.</summary>
    QualityControl,
    /// <summary>设备管理 → 生产作业.</summary>
    EquipmentManagement,
    /// <summary>计划调度 → 生产管理.</summary>
    PlanningAndScheduling,
    /// <summary>仓储物流 → 生产管理.</summary>
    WarehousingAndLogistics,
    /// <summary>安全管控 → 生产管理.</summary>
    SafetyControl,
    /// <summary>能碳管理 → 生产管理.</summary>
    EnergyAndCarbon,
    /// <summary>环保管理 → 生产管理.</summary>
    EnvironmentalProtection,
    /// <summary>营销与售后 → 运营管理.</summary>
    MarketingAndAfterSales,
    /// <summary>供应链管理 → 运营管理.</summary>
    SupplyChainManagement,
}

/// <summary>Labels, parsing and the roll-up of <see cref="SubSegment"/> into <see cref="Segment"/>.</summary>
public static class SubSegments
{
    /// <summary>The 14 sub-segments in the order of 要素条件 注 1–5.</summary>
    public static IReadOnlyList<SubSegment> All { get; } = Enum.GetValues<SubSegment>();

    public static string Label(SubSegment subSegment) => subSegment switch
    {
        SubSegment.FactoryConstruction => "工厂建设",
        SubSegment.InformationInfrastructure => "信息基础设施",
        SubSegment.ProductDesign => "产品设计",
        SubSegment.ProcessDesign => "工艺设计",
        SubSegment.ProductionOperation => "生产作业",
        SubSegment.QualityControl => "质量管控",
        SubSegment.EquipmentManagement => "设备管理",
        SubSegment.PlanningAndScheduling => "计划调度",
        SubSegment.WarehousingAndLogistics => "仓储物流",
        SubSegment.SafetyControl => "安全管控",
        SubSegment.EnergyAndCarbon => "能碳管理",
        SubSegment.EnvironmentalProtection => "环保管理",
        SubSegment.MarketingAndAfterSales => "营销与售后",
        SubSegment.SupplyChainManagement => "供应链管理",
        _ => throw new ArgumentOutOfRangeException(nameof(subSegment), subSegment, "未知的子环节"),
    };

    /// <summary>
    /// The segment a sub-segment counts for. 要素条件 注 1–5 (see <see cref="Segments.RollUpClause"/>).
    /// </summary>
    public static Segment SegmentOf(SubSegment subSegment) => subSegment switch
    {
        // 注 1: 工厂建设涵盖《典型场景参考标准》中的工厂建设、信息基础设施两个环节
        SubSegment.FactoryConstruction or SubSegment.InformationInfrastructure => Segment.FactoryConstruction,
        // 注 2: 研发设计涵盖……产品设计、工艺设计两个环节
        SubSegment.ProductDesign or SubSegment.ProcessDesign => Segment.ResearchAndDesign,
        // 注 3: 生产作业涵盖……生产作业、质量管控、设备管理三个环节
        SubSegment.ProductionOperation or SubSegment.QualityControl or SubSegment.EquipmentManagement => Segment.ProductionOperation,
        // 注 4: 生产管理涵盖……计划调度、仓储物流、安全管控、能碳管理、环保管理五个环节
        SubSegment.PlanningAndScheduling or SubSegment.WarehousingAndLogistics or SubSegment.SafetyControl
            or SubSegment.EnergyAndCarbon or SubSegment.EnvironmentalProtection => Segment.ProductionManagement,
        // 注 5: 运营管理涵盖……营销与售后、供应链管理两个环节
        SubSegment.MarketingAndAfterSales or SubSegment.SupplyChainManagement => Segment.OperationsManagement,
        _ => throw new ArgumentOutOfRangeException(nameof(subSegment), subSegment, "未知的子环节"),
    };

    /// <summary>All labels joined with 、 (for error messages listing the allowed values).</summary>
    public static string AllLabels => string.Join("、", All.Select(Label));

    /// <summary>Parses the English name or the Chinese label (surrounding spaces ignored).</summary>
    public static bool TryParse(string? text, out SubSegment subSegment)
    {
        var trimmed = text?.Trim();
        foreach (var s in All)
        {
            if (string.Equals(trimmed, s.ToString(), StringComparison.OrdinalIgnoreCase) || trimmed == Label(s))
            {
                subSegment = s;
                return true;
            }
        }
        subSegment = default;
        return false;
    }
}
