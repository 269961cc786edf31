namespace NuMeng.Recognition.Domain.Tiers;

/// <summary>
/// One per-segment description of a tier (要素条件 二 to 五, items 1–5): what the experts confirm on site.
/// </summary>
/// <param name="Code">Stable code, e.g. advanced.3.</param>
/// <param name="Tier">The tier it belongs to.</param>
/// <param name="Segment">The segment it describes (五 item 5 says 经营管理; it is 运营管理).</param>
/// <param name="Text">The item as the document writes it, without its number, e.g. "生产作业：开展关键装备和工序数智技术应用，……".</param>
/// <param name="Clause">Where it comes from.</param>
public sealed record ChecklistItem(string Code, TierLevel Tier, Segment Segment, string Text, Clause Clause);

/// <summary>What proves that the preceding tier was reached.</summary>
public enum PrerequisiteEvidence
{
    /// <summary>
    /// 自评: a self-assessment at that tier (基础级 is self-built and self-assessed in national practice), or any
    /// recognition at that tier or above.
    /// </summary>
    SelfAssessment,
    /// <summary>认定: a recognition at that tier or above.</summary>
    Recognition,
}

/// <summary>
/// The climbing order (梯度递进) as data: the tier that must have been reached before this one may be applied for, and how.
/// </summary>
/// <param name="Tier">The preceding tier.</param>
/// <param name="Evidence">Self-assessment or recognition.</param>
/// <param name="Clause">Where the rule comes from (national practice; the Inner Mongolia 2025 text does not state it).</param>
public sealed record TierPrerequisite(TierLevel Tier, PrerequisiteEvidence Evidence, Clause Clause)
{
    /// <summary>
    /// Met by a recognition at <see cref="Tier"/> or above; for <see cref="PrerequisiteEvidence.SelfAssessment"/> of 基础级
    /// also by a 基础级 self-assessment. The caller passes only recognitions still valid (管理办法 第十二条).
    /// </summary>
    public bool IsMetBy(bool hasBasicSelfAssessment, TierLevel? highestRecognisedTier) =>
        highestRecognisedTier >= Tier
        || (Evidence == PrerequisiteEvidence.SelfAssessment && Tier == TierLevel.Basic && hasBasicSelfAssessment);

    /// <summary>The requirement in words: 已完成基础级自评价（或已获基础级及以上认定） / 已获先进级智能工厂认定（或更高层级）.</summary>
    public string Describe() => Evidence == PrerequisiteEvidence.SelfAssessment
        ? $"已完成{TierLevels.Label(Tier)}自评价（或已获{TierLevels.Label(Tier)}及以上认定）"
        : $"已获{TierLevels.FullLabel(Tier)}认定（或更高层级认定）";
}

/// <summary>
/// The requirements of one tier as data (要素条件 二 to 五). All bounds are inclusive: 不低于, 及以上.
/// </summary>
/// <param name="Level">The tier.</param>
/// <param name="Clause">The tier's section (its opening paragraph).</param>
/// <param name="RequiredSegments">Segments that must be covered by at least one scene on this tier's list (至少覆盖 … 环节).</param>
/// <param name="CoverageClause">The coverage sentence.</param>
/// <param name="MinimumScenes">Scenes from this tier's list that must be built (不低于, inclusive).</param>
/// <param name="SceneCountClause">The scene-count sentence.</param>
/// <param name="MinimumMaturity">
/// Lowest GB/T 39116-2020 level (及以上, inclusive); null when the rule set sets none. For 基础级 the 2025 text only says
/// "达到 … 相应的要求" (一、基础要求 5); the built-in rule set reads that as 一级（规划级）及以上.
/// </param>
/// <param name="MaturityClause">The maturity sentence.</param>
/// <param name="Prerequisite">The climbing-order prerequisite; null for the first tier.</param>
/// <param name="Checklist">The five per-segment descriptions (items 1–5), the on-site checklist.</param>
public sealed record TierDefinition(
    TierLevel Level,
    Clause Clause,
    IReadOnlyList<Segment> RequiredSegments,
    Clause CoverageClause,
    int MinimumScenes,
    Clause SceneCountClause,
    MaturityLevel? MinimumMaturity,
    Clause MaturityClause,
    TierPrerequisite? Prerequisite,
    IReadOnlyList<ChecklistItem> Checklist)
{
    public string Label => TierLevels.Label(Level);

    /// <summary>The scene-count bar: ≥ MinimumScenes 个（含本数）.</summary>
    public Threshold SceneThreshold => Threshold.AtLeast(MinimumScenes, "个");
}
