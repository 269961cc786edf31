namespace NuMeng.Recognition.Domain.Technical;

/// <summary>
/// The six MES function modules of 技术条件 一（三）/ 二（一）4 ("至少包含以下功能模块中的 4 种"). Stored by name; never renumber.
/// </summary>
public enum MesModule
{
    /// <summary>车间作业计划管理和调度模块.</summary>
    ShopFloorScheduling,
    /// <summary>工艺执行管理模块.</summary>
    ProcessExecution,
    /// <summary>物流与仓储管理模块.</summary>
    LogisticsAndWarehousing,
    /// <summary>质量分析管理与跟踪模块.</summary>
    QualityAnalysisAndTracking,
    /// <summary>设备运行管理模块.</summary>
    EquipmentOperation,
    /// <summary>能源管理模块.</summary>
    EnergyManagement,
}

/// <summary>Chinese labels of <see cref="MesModule"/>, as the document names them.</summary>
public static class MesModules
{
    public static string Label(MesModule module) => module switch
    {
        MesModule.ShopFloorScheduling => "车间作业计划管理和调度模块",
        MesModule.ProcessExecution => "工艺执行管理模块",
        MesModule.LogisticsAndWarehousing => "物流与仓储管理模块",
        MesModule.QualityAnalysisAndTracking => "质量分析管理与跟踪模块",
        MesModule.EquipmentOperation => "设备运行管理模块",
        MesModule.EnergyManagement => "能源管理模块",
        _ => throw new ArgumentOutOfRangeException(nameof(module), module, "未知的 MES 功能模块"),
    };

    public static IReadOnlyList<MesModule> All { get; } = Enum.GetValues<MesModule>();
}
