namespace NuMeng.Recognition.Domain.Scenes;

/// <summary>
/// Built-in scene catalogue editions. Inner Mongolia's 《典型场景参考标准（2025年版）》 (要素条件 附件 3) is not
/// available, so the seeded edition is provisional: the 40 scenes of the national 《智能制造典型场景参考指引（2025年版）》
/// (工信厅通装函〔2025〕155号), mapped by us onto the 14 sub-segments, each on all four tiers' lists until the official
/// per-tier lists are known (docs/SCENES.md). The department replaces it by importing an edition
/// (<see cref="SceneCatalogue.FromRows(SceneCatalogueHeader, IEnumerable{IReadOnlyList{string?}}, string)"/>).
/// </summary>
public static class SceneCatalogues
{
    /// <summary>The label every display of the provisional edition carries.</summary>
    public const string ProvisionalSource = "暂行，依据国家《智能制造典型场景参考指引（2025年版）》整理";

    private const string AllTiers = "基础级,先进级,卓越级,领航级";

    private static readonly Lazy<SceneCatalogue> Provisional = new(BuildProvisional2025);

    /// <summary>
    /// The provisional 2025 edition: code NM-2025-SCENES, version 2025-provisional, 40 scenes S01–S40, all on every tier's list.
    /// </summary>
    public static SceneCatalogue Provisional2025() => Provisional.Value;

    private static SceneCatalogue BuildProvisional2025()
    {
        var header = new SceneCatalogueHeader(
            "NM-2025-SCENES",
            "2025-provisional",
            "智能工厂梯度建设典型场景目录",
            ProvisionalSource,
            new DateOnly(2025, 1, 1),
            Provisional: true);
        var import = SceneCatalogue.FromRows(header, Rows2025);
        return import.Catalogue ?? throw new InvalidOperationException("内置场景目录无效：" + string.Join("；", import.Errors));
    }

    // code, scene, national 环节, Inner Mongolia sub-segment, tiers, segment (checked against 要素条件 注 1–5 on import).
    private static readonly string?[][] Rows2025 =
    [
        ["S01", "工厂数字化规划设计", "工厂建设", "工厂建设", AllTiers, "工厂建设"],
        ["S02", "数字基础设施建设", "工厂建设", "信息基础设施", AllTiers, "工厂建设"],
        ["S03", "数字孪生工厂构建", "工厂建设", "工厂建设", AllTiers, "工厂建设"],
        ["S04", "产品数字化设计", "产品研发", "产品设计", AllTiers, "研发设计"],
        ["S05", "产品虚拟验证", "产品研发", "产品设计", AllTiers, "研发设计"],
        ["S06", "工艺数字化设计", "工艺设计", "工艺设计", AllTiers, "研发设计"],
        ["S07", "制造工程优化", "工艺设计", "工艺设计", AllTiers, "研发设计"],
        ["S08", "生产计划优化", "生产管理", "计划调度", AllTiers, "生产管理"],
        ["S09", "车间智能排产", "生产管理", "计划调度", AllTiers, "生产管理"],
        ["S10", "生产进度跟踪", "生产管理", "计划调度", AllTiers, "生产管理"],
        ["S11", "生产动态调度", "生产管理", "计划调度", AllTiers, "生产管理"],
        ["S12", "仓储智能管理", "生产管理", "仓储物流", AllTiers, "生产管理"],
        ["S13", "物料精准配送", "生产管理", "仓储物流", AllTiers, "生产管理"],
        ["S14", "危险作业自动化", "生产管理", "安全管控", AllTiers, "生产管理"],
        ["S15", "安全一体化管控", "生产管理", "安全管控", AllTiers, "生产管理"],
        ["S16", "能源智能管控", "生产管理", "能碳管理", AllTiers, "生产管理"],
        ["S17", "碳资产全生命周期管理", "生产管理", "能碳管理", AllTiers, "生产管理"],
        ["S18", "污染在线管控", "生产管理", "环保管理", AllTiers, "生产管理"],
        ["S19", "网络协同制造", "生产管理", "计划调度", AllTiers, "生产管理"],
        ["S20", "柔性产线快速换产", "生产作业", "生产作业", AllTiers, "生产作业"],
        ["S21", "工艺动态优化", "生产作业", "生产作业", AllTiers, "生产作业"],
        ["S22", "先进过程控制", "生产作业", "生产作业", AllTiers, "生产作业"],
        ["S23", "人机协同作业", "生产作业", "生产作业", AllTiers, "生产作业"],
        ["S24", "在线智能检测", "生产作业", "质量管控", AllTiers, "生产作业"],
        ["S25", "质量精准追溯", "生产作业", "质量管控", AllTiers, "生产作业"],
        ["S26", "质量分析与改进", "生产作业", "质量管控", AllTiers, "生产作业"],
        ["S27", "设备运行监控", "生产作业", "设备管理", AllTiers, "生产作业"],
        ["S28", "设备故障诊断与预测", "生产作业", "设备管理", AllTiers, "生产作业"],
        ["S29", "设备维修维护", "生产作业", "设备管理", AllTiers, "生产作业"],
        ["S30", "智能经营决策", "运营管理", "营销与售后", AllTiers, "运营管理"],
        ["S31", "数智精益管理", "运营管理", "营销与售后", AllTiers, "运营管理"],
        ["S32", "规模化定制", "运营管理", "营销与售后", AllTiers, "运营管理"],
        ["S33", "产品精准营销", "运营管理", "营销与售后", AllTiers, "运营管理"],
        ["S34", "远程运维服务", "产品服务", "营销与售后", AllTiers, "运营管理"],
        ["S35", "产品增值服务", "产品服务", "营销与售后", AllTiers, "运营管理"],
        ["S36", "客户主动服务", "产品服务", "营销与售后", AllTiers, "运营管理"],
        ["S37", "供应链数字化管理", "供应链管理", "供应链管理", AllTiers, "运营管理"],
        ["S38", "采购计划优化协同", "供应链管理", "供应链管理", AllTiers, "运营管理"],
        ["S39", "供应链风险预警与调度", "供应链管理", "供应链管理", AllTiers, "运营管理"],
        ["S40", "供应链物流智能配送", "供应链管理", "供应链管理", AllTiers, "运营管理"],
    ];
}
