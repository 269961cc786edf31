namespace NuMeng.Recognition.Domain.Technical;

/// <summary>
/// The KPI findings (技术条件 一（五）, 二（一）7): each bar is judged on the system's own computation; a declared
/// figure that disagrees beyond the tolerance adds a 待核实 finding citing 技术条件 三.
/// </summary>
internal sealed class KpiFindings(TechnicalRuleSet rules, TechnicalConditionSet mine, KpiInputs inputs)
{
    private readonly List<KpiResult> _results = [];

    /// <summary>Judges every KPI bar of this kind, then lists the other kind's extra KPI bars as not applicable.</summary>
    public static (IReadOnlyList<Finding> Findings, IReadOnlyList<KpiResult> Results) Evaluate(
        TechnicalRuleSet rules, TechnicalConditionSet mine, TechnicalConditionSet other, KpiInputs inputs)
    {
        var judge = new KpiFindings(rules, mine, inputs);
        var findings = mine.Kpis.SelectMany(judge.Judge).ToList();
        foreach (var bar in other.Kpis.Where(o => mine.Kpis.All(m => m.Kpi != o.Kpi)))
        {
            findings.Add(TechnicalEvaluator.NotApplicable(mine, other, Item(bar.Kpi), KpiCodes.Name(bar.Kpi), bar.Clause)!);
        }
        return (findings, judge._results);
    }

    private static string Item(KpiCode code) => $"kpi.{KpiCodes.Field(code)}";

    private List<Finding> Judge(KpiBar bar)
    {
        var findings = new List<Finding>();
        var name = KpiCodes.Name(bar.Kpi);
        var required = $"{bar.Threshold.Describe()}（{KpiBaselines.Comparison(inputs.Baseline)}）";
        var result = KpiCalculator.Calculate(inputs, bar.Kpi, rules.Kpi);
        if (result is null)
        {
            findings.Add(TechnicalEvaluator.NeedsReview(mine.Kind, Item(bar.Kpi), name, bar.Clause, required, [],
                $"未填写{name}的测算数据：请提供基础数值和测算方法（技术条件 三）。"));
            return findings;
        }
        _results.Add(result);
        if (result.Percent is not { } percent)
        {
            findings.Add(TechnicalEvaluator.NeedsReview(mine.Kind, Item(bar.Kpi), name, bar.Clause, required, result.Errors, $"{name}无法计算。"));
            return findings;
        }

        var met = bar.Threshold.IsMetBy(percent);
        var shown = HonestNumber.Percent(percent, rules.Kpi.ResultDecimals, bar.Threshold);
        var declared = result.Declared is { } d ? $"；企业申报 {Numbers.Format(d)}%" : string.Empty;
        findings.Add(new Finding(TechnicalEvaluator.CodeOf(mine.Kind, Item(bar.Kpi)), name, met ? Outcome.Pass : Outcome.Fail, bar.Clause,
            required, $"{shown}（系统计算{declared}）",
            $"按企业提供的基础数值计算，{name} {shown}，{TechnicalEvaluator.Verb(met)}“{bar.Threshold.Describe()}”的要求（{KpiBaselines.Comparison(inputs.Baseline)}）。"));

        if (result.DeclaredMatches == false)
        {
            var tolerance = Numbers.Format(rules.Kpi.TolerancePercentagePoints);
            findings.Add(new Finding(TechnicalEvaluator.CodeOf(mine.Kind, Item(bar.Kpi)) + TechnicalEvaluation.DeclaredSuffix,
                $"{name}申报值核对", Outcome.NeedsReview, rules.KpiMethod,
                $"申报值与系统计算值相差不超过 {tolerance} 个百分点（含本数）",
                $"申报 {Numbers.Format(result.Declared!.Value)}%，系统计算 {rules.Kpi.FormatPercent(percent)}",
                $"{result.Flag}。请企业核对测算过程并说明或更正申报值。"));
        }
        return findings;
    }
}
