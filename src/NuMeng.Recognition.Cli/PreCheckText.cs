using System.Text;
using NuMeng.Recognition.Domain.Calendar;
using NuMeng.Recognition.Domain.Kpi;
using NuMeng.Recognition.Domain.PreCheck;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Cli;

/// <summary>
/// The pre-check outcome as plain Chinese text for a terminal: the same facts as the portal's result page (every verdict
/// with its clause and numbers, every KPI step), one item per line so it reads well in a console and diffs well in a log.
/// </summary>
internal static class PreCheckText
{
    private const string Indent = "    ";

    /// <summary>Input errors (one line per field), or the full report.</summary>
    public static string Format(PreCheckOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var text = new StringBuilder();
        if (outcome.Errors.Count > 0 || outcome.Report is null)
        {
            text.AppendLine($"输入有误（{outcome.Errors.Count} 处）：");
            foreach (var error in outcome.Errors)
            {
                text.AppendLine($"  - 字段 {error.Field}：{error.Message}");
            }
            return text.ToString();
        }

        var report = outcome.Report;
        text.AppendLine(report.Summary);
        text.AppendLine($"结论：{(report.Passed ? "符合" : "不符合")}（{report.KindLabel}）");
        text.AppendLine($"规则集：{report.RuleSet.Name}（{report.RuleSet.Key}）");
        text.AppendLine($"{Indent}依据文件：{report.RuleSet.SourceDocument}");
        text.AppendLine($"{Indent}施行日期：{ChineseDates.Format(report.RuleSet.EffectiveDate)}");
        text.AppendLine($"评估日期：{ChineseDates.Format(report.AssessedOn)}");

        if (report.Eligibility is { } eligibility)
        {
            Section(text, "申报资格", eligibility);
        }
        Section(text, report.Tier is null ? "技术条件" : "层级条件", report.Requirements);
        if (report.Kpis.Count > 0)
        {
            Kpis(text, report.Kpis, report.KpiSettingsUsed);
        }
        if (report.Tier is { } tier)
        {
            Tier(text, tier);
        }
        return text.ToString();
    }

    private static void Heading(StringBuilder text, string heading) => text.AppendLine().AppendLine($"【{heading}】");

    private static void Section(StringBuilder text, string heading, Verdict verdict)
    {
        Heading(text, $"{heading}：{verdict.Title}");
        foreach (var finding in verdict.Findings)
        {
            text.AppendLine($"[{finding.OutcomeText}] {finding.Title}");
            text.AppendLine($"{Indent}要求：{finding.Required}");
            text.AppendLine($"{Indent}实际：{finding.Actual}");
            text.AppendLine($"{Indent}依据：{finding.Clause.Citation}");
            text.AppendLine($"{Indent}说明：{finding.Explanation}");
        }
    }

    private static void Kpis(StringBuilder text, IReadOnlyList<KpiResult> kpis, IReadOnlyList<KpiSettingNote> settings)
    {
        Heading(text, "效益指标计算");
        foreach (var kpi in kpis)
        {
            text.AppendLine($"{kpi.Name}（{KpiBaselines.Comparison(kpi.Baseline)}）");
            text.AppendLine($"{Indent}公式：{kpi.Formula}");
            for (var i = 0; i < kpi.Steps.Count; i++)
            {
                text.AppendLine($"{Indent}{i + 1}. {kpi.Steps[i]}");
            }
            foreach (var error in kpi.Errors)
            {
                text.AppendLine($"{Indent}无法计算：字段 {error.Field}：{error.Message}");
            }
            var declared = kpi.Declared is { } d ? $"{Numbers.Format(d)}%" : "未填报";
            text.AppendLine($"{Indent}系统计算值：{kpi.PercentText}；申报值：{declared}");
            if (kpi.Flag is { } flag)
            {
                text.AppendLine($"{Indent}[请核实] {flag}");
            }
            else if (kpi.DeclaredMatches == true)
            {
                text.AppendLine($"{Indent}[一致] 申报值与系统计算值在允许误差之内。");
            }
        }
        if (settings.Count > 0)
        {
            text.AppendLine("计算设置：");
            foreach (var note in settings)
            {
                text.AppendLine($"{Indent}{note.Name}：{note.Value}（{note.Explanation}）");
            }
        }
    }

    private static void Tier(StringBuilder text, TierSummary tier)
    {
        Heading(text, "层级结果");
        text.AppendLine($"已达到的最高层级：{tier.HighestTierMet ?? "尚未达到任何层级"}");
        if (tier.HighestTierApplicable is { } applicable && applicable != tier.HighestTierMet)
        {
            text.AppendLine($"目前可申报的最高层级：{applicable}");
        }
        text.AppendLine($"下一层级：{tier.NextTier ?? "已达到最高层级"}");
        Gaps(text, "与下一层级的差距", tier.GapsToNextTier);
        Gaps(text, "与所申报层级的差距", tier.GapsToRequestedTier);

        Heading(text, $"场景覆盖（{tier.SceneCatalogue}）");
        foreach (var segment in tier.Coverage)
        {
            var subs = string.Join("、", segment.SubSegments.Select(s => $"{s.SubSegment} {s.Count}"));
            text.AppendLine($"{segment.Segment}：{segment.Count} 个场景（{subs}）");
            if (segment.Scenes.Count > 0)
            {
                text.AppendLine($"{Indent}{string.Join("、", segment.Scenes)}");
            }
        }
        if (tier.ScenesNotOnTierList.Count > 0)
        {
            text.AppendLine($"不在本层级场景清单内（不计数）：{string.Join("、", tier.ScenesNotOnTierList)}");
        }
        if (tier.SceneCatalogueProvisional)
        {
            text.AppendLine("注意：场景目录为暂行版本（自治区《典型场景参考标准》正式清单发布前使用），结果仅供参考。");
        }
        if (tier.Checklist.Count > 0)
        {
            Heading(text, "现场核查清单（由专家现场确认）");
            foreach (var item in tier.Checklist)
            {
                text.AppendLine($"  - {item.Text}（{item.Clause}）");
            }
        }
    }

    private static void Gaps(StringBuilder text, string heading, IReadOnlyList<TierGapLine> gaps)
    {
        if (gaps.Count == 0)
        {
            return;
        }
        text.AppendLine($"{heading}：");
        foreach (var gap in gaps)
        {
            text.AppendLine($"  - {gap.Text}（{gap.Clause}）");
        }
    }
}
