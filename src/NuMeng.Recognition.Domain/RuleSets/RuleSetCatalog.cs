using NuMeng.Recognition.Domain.Eligibility;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Scenes;
using NuMeng.Recognition.Domain.Technical;
using NuMeng.Recognition.Domain.Tiers;

namespace NuMeng.Recognition.Domain.RuleSets;

/// <summary>
/// The rule sets an evaluation is made under: the 2024 technical conditions, the 2025 tier conditions, the scene catalogue
/// edition and the eligibility rules. A batch binds one catalog; the public pre-check uses <see cref="Current"/>.
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

    /// <summary>The rule set that judges an application of this kind.</summary>
    public RuleSetInfo RuleSetFor(RecognitionKind kind) => RecognitionKinds.IsTier(kind) ? Tiers.Info : Technical.Info;

    /// <summary>The procedure rules (notice period, validity, look-back) of the rule set of this kind.</summary>
    public ProcedureRules ProcedureFor(RecognitionKind kind) => RecognitionKinds.IsTier(kind) ? Tiers.Procedure : Technical.Procedure;

    /// <summary>2025 基础要求 for the tiers; 管理办法 第五条、第六条 for the 2024 kinds.</summary>
    public EligibilityRules EligibilityFor(RecognitionKind kind) => RecognitionKinds.IsTier(kind) ? Eligibility2025 : Eligibility2024;
}
