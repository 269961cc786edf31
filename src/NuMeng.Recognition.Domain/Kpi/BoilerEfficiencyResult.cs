namespace NuMeng.Recognition.Domain.Kpi;

/// <summary>
/// An energy utilisation rate computed from boiler figures (技术条件 三（5）), with its steps; no percentage when
/// the figures are unusable.
/// </summary>
/// <param name="Percent">The rate in percent at full precision, e.g. 74.9309…; null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Steps">Useful heat, each fuel's input heat, the total and the rate.</param>
/// <param name="Errors">Why it could not be computed.</param>
/// <param name="Settings">The settings used (kJ per kcal, rounding).</param>
public sealed record BoilerEfficiencyResult(decimal? Percent, IReadOnlyList<KpiStep> Steps, IReadOnlyList<InputError> Errors, KpiSettings Settings)
{
    /// <summary>The rate as reported, e.g. 74.93.</summary>
    public decimal? Rounded => Percent is { } p ? Settings.Round(p) : null;
}
