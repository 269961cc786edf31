namespace NuMeng.Recognition.Domain.Technical;

/// <summary>
/// The result of judging one workshop or factory against a technical rule set: the verdict (one finding per
/// condition, with clause and figures), every KPI as the system computed it, and the input errors met on the way.
/// </summary>
/// <param name="RuleSet">The rule set version used.</param>
/// <param name="Kind">DigitalWorkshop or SmartFactory.</param>
/// <param name="Verdict">All findings: conditions, KPI bars, and declared-versus-computed checks (待核实 when they disagree).</param>
/// <param name="Kpis">The KPIs computed for the KPI bars of this kind, with their steps.</param>
/// <param name="InputErrors">Every input problem found (technical.* and kpi.* fields).</param>
/// <param name="KpiSettings">The KPI settings used (tolerance, decimals, rounding, kJ/kcal).</param>
public sealed record TechnicalEvaluation(
    RuleSetInfo RuleSet,
    RecognitionKind Kind,
    Verdict Verdict,
    IReadOnlyList<KpiResult> Kpis,
    IReadOnlyList<InputError> InputErrors,
    KpiSettings KpiSettings)
{
    /// <summary>Suffix of the finding codes of declared-versus-computed checks.</summary>
    public const string DeclaredSuffix = ".declared";

    /// <summary>True only when every condition passes (or does not apply) and no declared KPI figure is in doubt.</summary>
    public bool Passed => Verdict.Passed;

    /// <summary>The declared-versus-computed disagreements, for the bureau and the experts.</summary>
    public IEnumerable<Finding> DeclarationFlags => Verdict.Findings.Where(f => f.Code.EndsWith(DeclaredSuffix, StringComparison.Ordinal));

    /// <summary>The KPI settings in words ("which were used").</summary>
    public IReadOnlyList<KpiSettingNote> SettingsUsed => KpiSettings.Describe();
}
