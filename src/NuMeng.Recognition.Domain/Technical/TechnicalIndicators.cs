namespace NuMeng.Recognition.Domain.Technical;

/// <summary>
/// What the enterprise states about its workshop or factory, judged against 技术条件 一 / 二. Counts are nullable so
/// that a missing figure is reported as missing, not read as 0. The upload rate is given either as a percentage or
/// as collected/uploaded counts (the counts win when both are given; they must then agree).
/// </summary>
/// <param name="EquipmentTotal">生产装备总数.</param>
/// <param name="DigitalEquipment">数字化装备数量.</param>
/// <param name="KeyProcessTotal">关键工序总数.</param>
/// <param name="DigitalKeyProcesses">实现数控的关键工序数.</param>
/// <param name="UploadRate">采集信息上传率 in percent (0–100).</param>
/// <param name="CollectedItems">采集信息（数据点）总数, instead of <paramref name="UploadRate"/>.</param>
/// <param name="UploadedItems">其中已上传数, instead of <paramref name="UploadRate"/>.</param>
/// <param name="EquipmentNetworked">加工设备、检测设备、物流设备已联网运行.</param>
/// <param name="RealTimeMonitoring">实现设备实时监控.</param>
/// <param name="MesModules">MES modules in use (of the six).</param>
/// <param name="VisualManagement">实现车间可视化管理.</param>
/// <param name="WorkshopIntegration">设备实时数据采集系统、MES 与企业管理设计信息系统已集成 (workshop).</param>
/// <param name="InformationSystems">Information-system kinds in use (of the seven; factory).</param>
/// <param name="InformationSystemsIntegrated">信息系统实现有效集成 (factory).</param>
/// <param name="SecurityInvestmentWan">信息安全防护投入, 万元 (factory).</param>
/// <param name="SecurityCapability">建成后具备信息安全防护能力 (factory).</param>
/// <param name="DigitalWorkshopCount">已建成的数字化车间数量 (factory).</param>
/// <param name="ManufacturingType">离散型 / 流程型 / 混合型 (factory).</param>
public sealed record TechnicalIndicators(
    int? EquipmentTotal = null,
    int? DigitalEquipment = null,
    int? KeyProcessTotal = null,
    int? DigitalKeyProcesses = null,
    decimal? UploadRate = null,
    int? CollectedItems = null,
    int? UploadedItems = null,
    bool EquipmentNetworked = false,
    bool RealTimeMonitoring = false,
    IReadOnlyList<MesModule>? MesModules = null,
    bool VisualManagement = false,
    bool WorkshopIntegration = false,
    IReadOnlyList<InformationSystemKind>? InformationSystems = null,
    bool InformationSystemsIntegrated = false,
    decimal? SecurityInvestmentWan = null,
    bool SecurityCapability = false,
    int? DigitalWorkshopCount = null,
    ManufacturingType? ManufacturingType = null)
{
    /// <summary>The JSON property the indicators sit under in an application, e.g. technical.digitalEquipment.</summary>
    public const string DefaultPrefix = "technical";

    /// <summary>The upload rate in percent: from the counts when given, else the stated rate; null when neither is usable.</summary>
    public decimal? UploadRatePercent() => CollectedItems is > 0 && UploadedItems is { } up
        ? up * 100m / CollectedItems.Value
        : UploadRate;

    /// <summary>
    /// Impossible or missing figures, named by JSON field under <paramref name="prefix"/>. With a
    /// <paramref name="kind"/> of SmartFactory the factory-only figures are required too.
    /// </summary>
    public IReadOnlyList<InputError> Validate(string prefix = DefaultPrefix, RecognitionKind? kind = null)
    {
        var checks = new InputChecks(prefix);
        checks.Divisor(EquipmentTotal, "equipmentTotal", "生产装备总数", "装备数控化率");
        checks.NonNegative(DigitalEquipment, "digitalEquipment", "数字化装备数量");
        checks.NotAbove(DigitalEquipment, EquipmentTotal, "digitalEquipment", "数字化装备数量", "生产装备总数");
        checks.Divisor(KeyProcessTotal, "keyProcessTotal", "关键工序总数", "关键工序数控化率");
        checks.NonNegative(DigitalKeyProcesses, "digitalKeyProcesses", "实现数控的关键工序数");
        checks.NotAbove(DigitalKeyProcesses, KeyProcessTotal, "digitalKeyProcesses", "实现数控的关键工序数", "关键工序总数");
        ValidateUpload(checks);
        Distinct(checks, MesModules, "mesModules", "MES 功能模块", m => Enum.IsDefined(m), m => Technical.MesModules.Label(m));
        Distinct(checks, InformationSystems, "informationSystems", "信息系统类别", s => Enum.IsDefined(s), InformationSystemKinds.Label);
        checks.InRange(SecurityInvestmentWan, "securityInvestmentWan", "信息安全防护投入（万元）");
        if (SecurityInvestmentWan is < 0 && !checks.Has("securityInvestmentWan"))
        {
            checks.Add("securityInvestmentWan", $"信息安全防护投入不能为负数（现为 {Numbers.Format(SecurityInvestmentWan.Value)} 万元）。");
        }
        if (DigitalWorkshopCount is < 0)
        {
            checks.Add("digitalWorkshopCount", "数字化车间数量不能为负数。");
        }
        if (ManufacturingType is { } type && !Enum.IsDefined(type))
        {
            checks.Add("manufacturingType", "制造类型应为 discrete（离散型）、process（流程型）或 mixed（混合型）。");
        }
        if (kind == RecognitionKind.SmartFactory)
        {
            // 二（一）1 and 6 can only be judged with these figures.
            if (ManufacturingType is null)
            {
                checks.Add("manufacturingType", "申报智能工厂须填写制造类型（离散型、流程型或混合型）。");
            }
            if (DigitalWorkshopCount is null)
            {
                checks.Add("digitalWorkshopCount", "申报智能工厂须填写已建成的数字化车间数量。");
            }
            if (SecurityInvestmentWan is null)
            {
                checks.Add("securityInvestmentWan", "申报智能工厂须填写信息安全防护投入（万元）。");
            }
        }
        return checks.Errors;
    }

    private void ValidateUpload(InputChecks checks)
    {
        if (CollectedItems is null && UploadedItems is null)
        {
            checks.Percent(UploadRate, "uploadRate", "采集信息上传率");
            return;
        }
        checks.Divisor(CollectedItems, "collectedItems", "采集信息总数", "上传率");
        checks.NonNegative(UploadedItems, "uploadedItems", "已上传信息数");
        checks.NotAbove(UploadedItems, CollectedItems, "uploadedItems", "已上传信息数", "采集信息总数");
        if (UploadRate is { } stated && !checks.Has("collectedItems") && !checks.Has("uploadedItems")
            && Numbers.Round(stated, 2) != Numbers.Round(UploadRatePercent()!.Value, 2))
        {
            checks.Add("uploadRate", $"填写的上传率（{Numbers.Format(stated)}%）与采集/上传条目数算得的 {Numbers.Percent(UploadRatePercent()!.Value)} 不一致，请核对。");
        }
    }

    private static void Distinct<T>(InputChecks checks, IReadOnlyList<T>? items, string field, string label, Func<T, bool> defined, Func<T, string> name)
        where T : struct, Enum
    {
        if (items is null)
        {
            return;
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (!defined(items[i]))
            {
                checks.Add($"{field}[{i}]", $"未知的{label}。");
            }
        }
        foreach (var duplicate in items.Where(defined).GroupBy(x => x).Where(g => g.Count() > 1))
        {
            checks.Add(field, $"{label}“{name(duplicate.Key)}”重复填写。");
        }
    }
}
