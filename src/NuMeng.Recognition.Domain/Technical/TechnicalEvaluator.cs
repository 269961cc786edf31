namespace NuMeng.Recognition.Domain.Technical;

/// <summary>
/// Judges a workshop or factory against a <see cref="TechnicalRuleSet"/>: every condition becomes a
/// <see cref="Finding"/> with its clause and figures. Bars are compared at full decimal precision with their own
/// (inclusive) comparison; figures are shown so they never contradict the outcome. Unusable input makes the finding
/// 待核实 with the reason, never an exception.
/// </summary>
public static class TechnicalEvaluator
{
    /// <summary>Evaluates <paramref name="indicators"/> and <paramref name="kpis"/> for a DigitalWorkshop or SmartFactory.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="kind"/> is a 2025 tier: those have their own rule set.</exception>
    public static TechnicalEvaluation Evaluate(TechnicalRuleSet rules, RecognitionKind kind, TechnicalIndicators indicators, KpiInputs kpis)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var mine = rules.For(kind);
        var other = rules.For(kind == RecognitionKind.DigitalWorkshop ? RecognitionKind.SmartFactory : RecognitionKind.DigitalWorkshop);
        indicators ??= new TechnicalIndicators();
        kpis ??= new KpiInputs();

        var indicatorErrors = indicators.Validate(TechnicalIndicators.DefaultPrefix, kind);
        var findings = new IndicatorFindings(mine, other, indicators, indicatorErrors).All().ToList();
        var (kpiFindings, kpiResults) = KpiFindings.Evaluate(rules, mine, other, kpis);
        findings.AddRange(kpiFindings);

        var verdict = new Verdict($"{mine.Title}（{rules.Info.Name}，版本 {rules.Info.Version}）", findings);
        var errors = indicatorErrors.Concat(kpis.Validate(KpiInputs.DefaultPrefix)).ToList();
        return new TechnicalEvaluation(rules.Info, kind, verdict, kpiResults, errors, rules.Kpi);
    }

    /// <summary>Stable finding code, e.g. 2024.workshop.equipment-nc-rate.</summary>
    internal static string CodeOf(RecognitionKind kind, string item) =>
        $"2024.{(kind == RecognitionKind.DigitalWorkshop ? "workshop" : "factory")}.{item}";

    internal static string Verb(bool met) => met ? "满足" : "不满足";

    /// <summary>A finding for an item that only the other kind has, or null when neither has it.</summary>
    internal static Finding? NotApplicable(TechnicalConditionSet mine, TechnicalConditionSet other, string item, string title, Clause? elsewhere) =>
        elsewhere is null
            ? null
            : new Finding(CodeOf(mine.Kind, item), title, Outcome.NotApplicable, elsewhere, "—", "—",
                $"该项为{RecognitionKinds.Label(other.Kind)}的认定条件，{RecognitionKinds.Label(mine.Kind)}不要求。");

    /// <summary>A 待核实 finding because the figures behind it are missing or wrong.</summary>
    internal static Finding NeedsReview(RecognitionKind kind, string item, string title, Clause clause, string required, IEnumerable<InputError> problems, string missing)
    {
        var messages = problems.Select(p => p.Message.TrimEnd('。')).Distinct().ToList();
        var why = messages.Count > 0 ? string.Join("；", messages) + "。" : missing;
        return new Finding(CodeOf(kind, item), title, Outcome.NeedsReview, clause, required, "无法判断", why);
    }
}
