namespace NuMeng.Recognition.Domain.Kpi;

/// <summary>
/// Computes the KPIs of 技术条件 三（考核指标参考计算依据） from raw figures, correctly (the document's own examples
/// contain arithmetic slips; see docs/rule-reference.md §2), showing every intermediate value and checking the declared figure.
/// Intermediate values are kept at full precision; only the reported result is rounded. Unusable input gives a
/// result with <see cref="KpiResult.Errors"/>, never an exception. So does a null baseline (改造项目 or 新建项目 not
/// chosen): the steps are shown with both readings ("实施前（行业平均）") but no percentage is given.
/// </summary>
public static partial class KpiCalculator
{
    /// <summary>Computes one KPI from <paramref name="inputs"/>; null when its figures were not given.</summary>
    public static KpiResult? Calculate(KpiInputs inputs, KpiCode code, KpiSettings settings, string prefix = KpiInputs.DefaultPrefix)
    {
        var at = $"{prefix}.{KpiCodes.Field(code)}";
        return code switch
        {
            KpiCode.ProductionEfficiency => inputs.ProductionEfficiency is { } p ? ProductionEfficiency(p, settings, inputs.Baseline, at) : null,
            KpiCode.OperatingCost => inputs.OperatingCost is { } c ? OperatingCost(c, settings, inputs.Baseline, at) : null,
            KpiCode.CycleTime => inputs.CycleTime is { } t ? CycleTime(t, settings, inputs.Baseline, at) : null,
            KpiCode.DefectRate => inputs.DefectRate is { } d ? DefectRate(d, settings, inputs.Baseline, at) : null,
            KpiCode.EnergyEfficiency => inputs.EnergyEfficiency is { } e ? EnergyEfficiency(e, settings, inputs.Baseline, at) : null,
            _ => null,
        };
    }

    private static string DefaultPrefix(KpiCode code) => $"{KpiInputs.DefaultPrefix}.{KpiCodes.Field(code)}";

    /// <summary>"kpi.cycleTime" → "kpi.baseline": the baseline sits beside the KPIs in <see cref="KpiInputs"/>.</summary>
    private static string BaselineField(string at)
    {
        var dot = at.LastIndexOf('.');
        return dot < 0 ? "baseline" : $"{at[..dot]}.baseline";
    }

    /// <summary>A figure as entered, e.g. 1852 or 5860.43.</summary>
    private static string Figure(decimal value) => value < 0 ? $"({Numbers.Format(value)})" : Numbers.Format(value);

    /// <summary>An intermediate value inside an expression, four decimals, e.g. 2.3296.</summary>
    private static string Inter(decimal value) => Figure(Numbers.Round(value, 4));

    /// <summary>A result without a percentage. A missing baseline is one more reason, named at <c>kpi.baseline</c>.</summary>
    private static KpiResult Invalid(KpiCode code, KpiBaseline? baseline, string at, string formula, decimal? declared, IReadOnlyList<InputError> errors, KpiSettings settings, IReadOnlyList<KpiStep>? steps = null) => new()
    {
        Code = code,
        Baseline = baseline,
        Formula = formula,
        Steps = steps ?? [],
        Declared = declared,
        Errors = baseline is null ? [new InputError(BaselineField(at), KpiBaselines.MissingMessage), .. errors] : errors,
        Settings = settings,
    };

    /// <summary>What a KPI says when its figures, each in range, still carry the formula beyond <c>decimal</c>.</summary>
    public const string OverflowMessage = "无法计算：数值超出范围。各项数据虽在允许范围内，但代入公式后结果过大或过小，请核对数据的单位和数量级。";

    /// <summary>
    /// A result without a percentage because the arithmetic overflowed <c>decimal</c> (e.g. 10¹² t by 10⁻⁶ people):
    /// a finding naming the KPI's field, never an exception.
    /// </summary>
    private static KpiResult Overflow(KpiCode code, KpiBaseline? baseline, string at, string formula, decimal? declared, KpiSettings settings) =>
        Invalid(code, baseline, at, formula, declared, [new InputError(at, OverflowMessage)], settings);

    /// <summary>
    /// Builds the result: rounds as the settings say and compares the declared figure with the full-precision one.
    /// Without a baseline the steps are shown but no result is given: 技术条件 一（五） makes the comparison depend on it.
    /// </summary>
    private static KpiResult Finish(KpiCode code, KpiBaseline? baseline, string at, string formula, IReadOnlyList<KpiStep> steps, decimal percent, decimal? declared, KpiSettings settings)
    {
        if (baseline is null)
        {
            return Invalid(code, baseline, at, formula, declared, [], settings, steps);
        }
        bool? matches = null;
        decimal? difference = null;
        string? flag = null;
        if (declared is { } d)
        {
            difference = d - percent;
            matches = settings.Agrees(d, percent);
            if (matches == false)
            {
                var tolerance = settings.TolerancePercentagePoints;
                var gap = HonestNumber.Format(Math.Abs(difference.Value), settings.ResultDecimals, x => x <= tolerance);
                flag = $"申报值 {Numbers.Format(d)}% 与系统计算值 {settings.FormatPercent(percent)} 相差 {gap} 个百分点，超过允许误差 {Numbers.Format(tolerance)} 个百分点";
            }
        }
        return new KpiResult
        {
            Code = code,
            Baseline = baseline,
            Formula = formula,
            Steps = steps,
            Percent = percent,
            Rounded = settings.Round(percent),
            Declared = declared,
            DeclaredMatches = matches,
            DeclaredDifference = difference,
            Flag = flag,
            Settings = settings,
        };
    }
}
