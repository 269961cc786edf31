namespace NuMeng.Recognition.Domain.RuleSets;

/// <summary>
/// The rule sets an evaluation is made under: the 2024 technical conditions, the 2025 tier conditions, the scene catalogue
/// edition and the eligibility rules. A batch binds one catalog (ADR 0009: built by the web app's RuleSetResolver from the
/// stored snapshots the batch names, see <see cref="ForBatch"/>); only the public pre-check and the default of a new batch
/// use <see cref="Current"/>.
/// </summary>
public sealed record RuleSetCatalog(
    TechnicalRuleSet Technical,
    TierRuleSet Tiers,
    SceneCatalogue Scenes,
    EligibilityRules Eligibility2024,
    EligibilityRules Eligibility2025)
{
    /// <summary>The versions in force today, built from the two policy documents.</summary>
    public static RuleSetCatalog Current { get; } = new(
        TechnicalConditions2024.Create(),
        TierConditions2025.Create(),
        SceneCatalogues.Provisional2025(),
        EligibilityRules.For2024(),
        EligibilityRules.For2025());

    /// <summary>
    /// The catalog a batch is judged by: its stored technical or tier version and its scene catalogue edition. A batch has one
    /// kind, so only one family is read from the store; the other family's slot holds the built-in version and is never
    /// consulted for that batch's applications (every accessor goes through the kind).
    /// </summary>
    public static RuleSetCatalog ForBatch(TechnicalRuleSet? technical, TierRuleSet? tiers, SceneCatalogue? scenes) => new(
        technical ?? TechnicalConditions2024.Create(),
        tiers ?? TierConditions2025.Create(),
        scenes ?? SceneCatalogues.Provisional2025(),
        EligibilityRules.For2024(),
        EligibilityRules.For2025());

    /// <summary>The rule set that judges an application of this kind.</summary>
    public RuleSetInfo RuleSetFor(RecognitionKind kind) => RecognitionKinds.IsTier(kind) ? Tiers.Info : Technical.Info;

    /// <summary>The procedure rules (notice period, validity, look-back) of the rule set of this kind.</summary>
    public ProcedureRules ProcedureFor(RecognitionKind kind) => RecognitionKinds.IsTier(kind) ? Tiers.Procedure : Technical.Procedure;

    /// <summary>2025 基础要求 for the tiers; 管理办法 第五条、第六条 for the 2024 kinds.</summary>
    public EligibilityRules EligibilityFor(RecognitionKind kind) => RecognitionKinds.IsTier(kind) ? Eligibility2025 : Eligibility2024;
}
