using NuMeng.Recognition.Domain.Kpi;

namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>One numeric bar of a rule set as the rule-set page lists it.</summary>
public sealed record BarLine(string Item, Threshold Threshold, Clause Clause);

/// <summary>A clause without a number (a capability the experts confirm).</summary>
public sealed record ClauseLine(string Item, Clause Clause);

/// <summary>
/// The lines of the rule-set page, read from the domain's rule-set objects (never copied text), so the page shows exactly
/// what the engine applies.
/// </summary>
public static class RuleSetView
{
    /// <summary>The numeric bars of one kind's technical conditions, in document order.</summary>
    public static IReadOnlyList<BarLine> Bars(TechnicalConditionSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var lines = new List<BarLine>();
        void Add(string item, TechnicalBar? bar)
        {
            if (bar is not null)
            {
                lines.Add(new BarLine(item, bar.Threshold, bar.Clause));
            }
        }
        Add("离散型企业数字化车间数量", set.DiscreteWorkshops);
        Add("流程型、混合型企业数字化车间数量", set.ProcessOrMixedWorkshops);
        Add("装备数控化率", set.EquipmentNcRate);
        Add("关键工序数控化率", set.KeyProcessNcRate);
        Add("采集信息上传率", set.UploadRate);
        Add("MES 功能模块数", set.MesModules);
        Add("信息系统种类数", set.InformationSystems);
        Add("信息安全防护投入", set.SecurityInvestment);
        return lines;
    }

    /// <summary>The conditions without a number.</summary>
    public static IReadOnlyList<ClauseLine> Clauses(TechnicalConditionSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var lines = new List<ClauseLine> { new("数据采集与实时监控", set.DataCollection), new("车间可视化管理", set.VisualManagement) };
        if (set.WorkshopIntegration is { } wi)
        {
            lines.Add(new("车间信息集成", wi));
        }
        if (set.InformationSystemsIntegration is { } si)
        {
            lines.Add(new("信息系统有效集成", si));
        }
        if (set.SecurityCapability is { } sc)
        {
            lines.Add(new("信息安全防护能力", sc));
        }
        return lines;
    }

    /// <summary>The KPI bars.</summary>
    public static IReadOnlyList<BarLine> Kpis(TechnicalConditionSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.Kpis.Select(k => new BarLine(KpiCodes.Name(k.Kpi), k.Threshold, k.Clause)).ToList();
    }

    /// <summary>比较方式 in words: 不低于（含本数） …</summary>
    public static string ComparisonLabel(Comparison comparison) => comparison switch
    {
        Comparison.AtLeast => "≥ 不低于（含本数）",
        Comparison.AtMost => "≤ 不高于（含本数）",
        Comparison.GreaterThan => "> 高于（不含本数）",
        Comparison.LessThan => "< 低于（不含本数）",
        _ => comparison.ToString(),
    };
}
