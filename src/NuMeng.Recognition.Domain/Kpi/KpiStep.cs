namespace NuMeng.Recognition.Domain.Kpi;

/// <summary>
/// One intermediate value of a KPI calculation, so the bureau and the experts can follow every step
/// (e.g. 实施前人均产量 = 1852 ÷ 795 = 2.3296).
/// </summary>
/// <param name="Label">What the value is, e.g. 实施前人均产量.</param>
/// <param name="Expression">How it was obtained, with the figures, e.g. "1852 ÷ 795".</param>
/// <param name="Value">The value at full precision (not rounded).</param>
/// <param name="Unit">Unit shown after the value, e.g. "%" or "kJ"; empty when none.</param>
public sealed record KpiStep(string Label, string Expression, decimal Value, string Unit = "")
{
    /// <summary>The value for display, rounded to four decimals (四舍五入), e.g. "2.3296".</summary>
    public string ValueText => Numbers.Format(Numbers.Round(Value, 4)) + Unit;

    public override string ToString() => $"{Label} = {Expression} = {ValueText}";
}
