namespace NuMeng.Recognition.Domain.Scenes;

/// <summary>
/// The five segments (环节) the 2025 tier conditions count coverage in (要素条件 二 to 五:
/// "围绕工厂建设、研发设计、生产作业、生产管理、运营管理等开展智能工厂建设"). Stored by name; never renumber.
/// </summary>
public enum Segment
{
    /// <summary>工厂建设 (注 1: 工厂建设、信息基础设施).</summary>
    FactoryConstruction,
    /// <summary>研发设计 (注 2: 产品设计、工艺设计).</summary>
    ResearchAndDesign,
    /// <summary>生产作业 (注 3: 生产作业、质量管控、设备管理).</summary>
    ProductionOperation,
    /// <summary>生产管理 (注 4: 计划调度、仓储物流、安全管控、能碳管理、环保管理).</summary>
    ProductionManagement,
    /// <summary>运营管理 (注 5: 营销与售后、供应链管理). 要素条件 五 item 5 calls it 经营管理.</summary>
    OperationsManagement,
}

/// <summary>Labels, parsing and the roll-up clauses (要素条件 注 1–5) of <see cref="Segment"/>.</summary>
public static class Segments
{
    /// <summary>The five segments in the order the 2025 text lists them.</summary>
    public static IReadOnlyList<Segment> All { get; } = Enum.GetValues<Segment>();

    public static string Label(Segment segment) => segment switch
    {
        Segment.FactoryConstruction => "工厂建设",
        Segment.ResearchAndDesign => "研发设计",
        Segment.ProductionOperation => "生产作业",
        Segment.ProductionManagement => "生产管理",
        Segment.OperationsManagement => "运营管理",
        _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, "未知的环节"),
    };

    /// <summary>Kebab-case token for finding codes, e.g. production-operation.</summary>
    public static string Slug(Segment segment) => segment switch
    {
        Segment.FactoryConstruction => "factory-construction",
        Segment.ResearchAndDesign => "research-and-design",
        Segment.ProductionOperation => "production-operation",
        Segment.ProductionManagement => "production-management",
        Segment.OperationsManagement => "operations-management",
        _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, "未知的环节"),
    };

    /// <summary>Labels joined the Chinese way: 生产作业、生产管理、运营管理.</summary>
    public static string JoinLabels(IEnumerable<Segment> segments) => string.Join("、", segments.Select(Label));

    /// <summary>The sub-segments of the 《典型场景参考标准》 a segment covers (要素条件 注 1–5).</summary>
    public static IReadOnlyList<SubSegment> SubSegmentsOf(Segment segment) =>
        SubSegments.All.Where(s => SubSegments.SegmentOf(s) == segment).ToList().AsReadOnly();

    /// <summary>
    /// The note of the 2025 text that defines which sub-segments a segment covers.
    /// </summary>
    public static Clause RollUpClause(Segment segment) => segment switch
    {
        Segment.FactoryConstruction => Note("注 1", "工厂建设涵盖《典型场景参考标准》中的工厂建设、信息基础设施两个环节。"),
        Segment.ResearchAndDesign => Note("注 2", "研发设计涵盖《典型场景参考标准》中的产品设计、工艺设计两个环节。"),
        Segment.ProductionOperation => Note("注 3", "生产作业涵盖《典型场景参考标准》中的生产作业、质量管控、设备管理三个环节。"),
        Segment.ProductionManagement => Note("注 4", "生产管理涵盖《典型场景参考标准》中的计划调度、仓储物流、安全管控、能碳管理、环保管理五个环节。"),
        Segment.OperationsManagement => Note("注 5", "运营管理涵盖《典型场景参考标准》中的营销与售后、供应链管理两个环节。"),
        _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, "未知的环节"),
    };

    /// <summary>
    /// Parses the English name or the Chinese label. 经营管理 is accepted for 运营管理 because
    /// 要素条件 五 item 5 uses that word for the same segment.
    /// </summary>
    public static bool TryParse(string? text, out Segment segment)
    {
        var trimmed = text?.Trim();
        if (trimmed == "经营管理")
        {
            segment = Segment.OperationsManagement;
            return true;
        }
        foreach (var s in All)
        {
            if (string.Equals(trimmed, s.ToString(), StringComparison.OrdinalIgnoreCase) || trimmed == Label(s))
            {
                segment = s;
                return true;
            }
        }
        segment = default;
        return false;
    }

    private static Clause Note(string article, string text) => new(TierConditions2025.Document, article, text);
}
