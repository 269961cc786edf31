using System.Collections.ObjectModel;

namespace NuMeng.Recognition.Domain.Applications;

/// <summary>
/// One kind of evidence (证明材料) an application carries. The key names what it supports, in the same words as the
/// content's JSON paths (<c>technical.digitalEquipment</c>, <c>kpi.productionEfficiency</c>), so a bureau's reason on an
/// item and the evidence for that item meet.
/// </summary>
/// <param name="Key">Stable key, e.g. <c>technical.digitalEquipment</c>.</param>
/// <param name="Label">Chinese name shown on the form.</param>
/// <param name="Hint">What the file should show.</param>
/// <param name="Required">Whether submission needs at least one file for it (for this kind and these figures).</param>
public sealed record EvidenceItem(string Key, string Label, string Hint, bool Required);

/// <summary>
/// The evidence items of each kind. 技术条件 三: "申报单位应提供指标的基础数据和计算方法" — every declared KPI needs its
/// base data; the technical and tier claims need their lists; the commitment needs its stamped scan.
/// </summary>
public static class EvidenceItems
{
    public const string BusinessLicence = "enterprise.businessLicence";
    public const string DigitalEquipment = "technical.digitalEquipment";
    public const string DigitalKeyProcesses = "technical.digitalKeyProcesses";
    public const string DataCollection = "technical.uploadRate";
    public const string MesModules = "technical.mesModules";
    public const string InformationSystems = "technical.informationSystems";
    public const string Security = "technical.securityInvestmentWan";
    public const string DigitalWorkshops = "technical.digitalWorkshopCount";
    public const string TierScenes = "tier.scenes";
    public const string MaturityReport = "maturity.report";
    public const string CommitmentScan = "commitment.scan";
    public const string Other = "other";

    /// <summary>The evidence key of a KPI, e.g. <c>kpi.productionEfficiency</c>.</summary>
    public static string ForKpi(KpiCode code) => "kpi." + KpiCodes.Field(code);

    /// <summary>
    /// The items of <paramref name="kind"/> in form order. A KPI's base data is required when its figures are given
    /// (技术条件 三); the other items of the kind are required outright, except 其他材料.
    /// </summary>
    public static IReadOnlyList<EvidenceItem> For(RecognitionKind kind, RuleSetCatalog catalog, ApplicationContent? content = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Build(kind, RecognitionKinds.IsTier(kind) ? [] : catalog.Technical.For(kind).Kpis, content);
    }

    private static ReadOnlyCollection<EvidenceItem> Build(RecognitionKind kind, IReadOnlyList<KpiBar> kpiBars, ApplicationContent? content)
    {
        var items = new List<EvidenceItem>
        {
            new(BusinessLicence, "营业执照（分支机构为登记证明）", "载明统一社会信用代码的营业执照或登记证书扫描件", true),
        };
        if (RecognitionKinds.IsTier(kind))
        {
            items.Add(new(TierScenes, "典型场景建设情况说明", "逐个场景说明建设内容、投入运行时间和运行效果，可附截图", true));
            items.Add(new(MaturityReport, "智能制造能力成熟度自评估报告", "按 GB/T 39116-2020 在国家评估平台完成的自评估报告（含等级和得分）", true));
        }
        else
        {
            items.Add(new(DigitalEquipment, "生产装备及数字化装备清单", "列明每台装备的名称、型号、是否数字化及联网方式", true));
            items.Add(new(DigitalKeyProcesses, "关键工序清单及数控情况", "列明关键工序及实现数控的方式", true));
            items.Add(new(DataCollection, "数据采集与设备联网说明", "联网方式（5G/工业互联网/物联网）、采集点数和上传统计、实时监控截图", true));
            items.Add(new(MesModules, "MES 功能模块及可视化管理说明", "已上线的 MES 模块运行截图和车间可视化管理截图", true));
            if (kind == RecognitionKind.SmartFactory)
            {
                items.Add(new(InformationSystems, "信息系统清单及集成说明", "各信息系统的名称、类别和集成方式", true));
                items.Add(new(Security, "信息安全投入及防护能力证明", "信息安全防护投入的合同或发票，及防护能力说明", true));
                items.Add(new(DigitalWorkshops, "已建成数字化车间证明", "各数字化车间的名称和建设情况（已获认定的可附证书）", true));
            }
            foreach (var bar in kpiBars)
            {
                var given = content?.Kpi?.Has(bar.Kpi) == true;
                items.Add(new(ForKpi(bar.Kpi), $"{KpiCodes.Name(bar.Kpi)}基础数据及计算方法",
                    "指标的原始数据（统计报表、台账）和计算过程（技术条件 三）", given));
            }
        }
        items.Add(new(CommitmentScan, "承诺书（加盖公章的扫描件）", "打印“咨询机构与承诺”一步中的承诺书文字，由承诺人签字并加盖公章后扫描上传", true));
        items.Add(new(Other, "其他证明材料", "可选：获奖证书、专利、第三方检测报告等", false));
        return items.AsReadOnly();
    }

    /// <summary>
    /// The Chinese name of an evidence key of any kind (the key itself when unknown). Names do not depend on a rule-set
    /// version: a KPI's item is named after the KPI whatever its bar.
    /// </summary>
    public static string Label(string key)
    {
        foreach (var code in Enum.GetValues<KpiCode>())
        {
            if (key == ForKpi(code))
            {
                return $"{KpiCodes.Name(code)}基础数据及计算方法";
            }
        }
        foreach (var kind in Enum.GetValues<RecognitionKind>())
        {
            var item = Build(kind, [], null).FirstOrDefault(i => i.Key == key);
            if (item is not null)
            {
                return item.Label;
            }
        }
        return key;
    }
}
