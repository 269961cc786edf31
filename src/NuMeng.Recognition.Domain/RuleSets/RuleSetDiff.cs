using System.Text.RegularExpressions;
using NuMeng.Recognition.Domain.Versions;

namespace NuMeng.Recognition.Domain.RuleSets;

/// <summary>One difference between two rule-set versions: where (JSON path and its Chinese name), before and after.</summary>
public sealed record RuleSetChange(string Path, string Label, ChangeKind Kind, string? Before, string? After);

/// <summary>
/// The side-by-side difference between two versions of a rule set (ADR 0009), from their snapshots: every changed leaf —
/// a bound, a clause's words, a procedure figure — named in Chinese (装备数控化率 · 门槛值), the version identity first.
/// </summary>
public static partial class RuleSetDiff
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["info"] = "标识", ["code"] = "编码", ["version"] = "版本", ["name"] = "名称", ["sourceDocument"] = "依据文件",
        ["effectiveDate"] = "适用起始日",
        ["procedure"] = "程序规则", ["noticeLength"] = "公示期长度", ["noticeUnit"] = "公示期计算单位", ["noticeClause"] = "公示期条款",
        ["validityYears"] = "授牌有效期（年）", ["validityClause"] = "有效期条款", ["creditLookbackYears"] = "信用与事故追溯年限",
        ["perLeagueCap"] = "每个盟市推荐名额上限", ["scoreAggregation"] = "专家评分汇总规则",
        ["workshop"] = "数字化车间", ["factory"] = "智能工厂", ["title"] = "标题",
        ["equipmentNcRate"] = "装备数控化率", ["keyProcessNcRate"] = "关键工序数控化率", ["dataCollection"] = "数据采集",
        ["uploadRate"] = "采集信息上传率", ["mesModules"] = "MES 功能模块数", ["visualManagement"] = "车间可视化管理",
        ["discreteWorkshops"] = "离散型企业数字化车间数量", ["processOrMixedWorkshops"] = "流程型、混合型企业数字化车间数量",
        ["workshopIntegration"] = "车间信息集成", ["informationSystems"] = "信息系统种类数",
        ["informationSystemsIntegration"] = "信息系统有效集成", ["securityInvestment"] = "信息安全防护投入",
        ["securityCapability"] = "信息安全防护能力",
        ["threshold"] = "门槛", ["value"] = "值", ["comparison"] = "比较方式", ["unit"] = "单位",
        ["clause"] = "条款", ["document"] = "文件", ["article"] = "条目", ["text"] = "原文",
        ["kpi"] = "KPI 设置", ["kpiMethod"] = "KPI 测算方法条款", ["kpis"] = "KPI",
        ["tolerancePercentagePoints"] = "申报值允许误差", ["resultDecimals"] = "结果保留小数位数", ["rounding"] = "舍入规则",
        ["kilojoulesPerKilocalorie"] = "热功当量换算系数",
        ["workshopRubric"] = "数字化车间评分表", ["factoryRubric"] = "智能工厂评分表", ["rubric"] = "评分表", ["items"] = "评分项",
        ["maxPoints"] = "分值", ["guidance"] = "评分要点",
        ["tiers"] = "层级", ["requiredSegments"] = "须覆盖的环节", ["coverageClause"] = "覆盖条款", ["minimumScenes"] = "建设场景数",
        ["sceneCountClause"] = "场景数条款", ["minimumMaturity"] = "成熟度要求", ["maturityClause"] = "成熟度条款",
        ["prerequisite"] = "前置条件", ["checklist"] = "现场核查条目", ["basicRequirementClauses"] = "基础要求",
        ["evidence"] = "证明方式", ["tier"] = "层级", ["level"] = "层级", ["segment"] = "环节",
    };

    /// <summary>Every difference from <paramref name="beforeJson"/> to <paramref name="afterJson"/> (snapshots of one family).</summary>
    public static IReadOnlyList<RuleSetChange> Compare(string beforeJson, string afterJson)
    {
        var before = JsonNode.Parse(beforeJson);
        var after = JsonNode.Parse(afterJson);
        return ContentDiff.Compare(beforeJson, afterJson)
            .Select(c => new RuleSetChange(c.Path, Label(c.Path, after, before), c.Kind, c.Before, c.After))
            .OrderBy(c => c.Path.StartsWith("info", StringComparison.Ordinal) ? 0 : 1)
            .ToList();
    }

    /// <summary>A JSON path in words, e.g. factory.equipmentNcRate.threshold.value → 智能工厂 · 装备数控化率 · 门槛 · 值.</summary>
    public static string Label(string path, JsonNode? document, JsonNode? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = new List<string>();
        JsonNode? node = document;
        JsonNode? other = fallback;
        foreach (var segment in path.Split('.'))
        {
            var match = Indexed().Match(segment);
            var name = match.Success ? match.Groups[1].Value : segment;
            node = node is JsonObject n ? n[name] : null;
            other = other is JsonObject o ? o[name] : null;
            if (!match.Success)
            {
                parts.Add(Names.GetValueOrDefault(name, name));
                continue;
            }
            var index = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            node = node is JsonArray a && index < a.Count ? a[index] : null;
            other = other is JsonArray b && index < b.Count ? b[index] : null;
            parts.Add(Item(name, index, node ?? other));
        }
        return string.Join(" · ", parts);
    }

    private static string Item(string name, int index, JsonNode? item)
    {
        var value = name switch
        {
            "kpis" when item?["kpi"]?.GetValue<string>() is { } k && Enum.TryParse<KpiCode>(k, out var code) => KpiCodes.Name(code),
            "tiers" when item?["level"]?.GetValue<string>() is { } l && TierLevels.TryParse(l, out var level) => TierLevels.FullLabel(level),
            "items" when item?["name"]?.GetValue<string>() is { } n => n,
            _ => null,
        };
        return value ?? $"{Names.GetValueOrDefault(name, name)}第 {index + 1} 项";
    }

    [GeneratedRegex(@"^(.+)\[(\d+)\]$")]
    private static partial Regex Indexed();
}
