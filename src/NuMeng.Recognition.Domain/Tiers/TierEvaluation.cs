namespace NuMeng.Recognition.Domain.Tiers;

/// <summary>One actionable thing still missing for a tier, in Chinese, with the clause that asks for it.</summary>
/// <param name="Code">Stable code, e.g. tier.excellent.gap.scene-count.</param>
/// <param name="Text">e.g. "还需建设至少 3 个场景（当前 13 个，卓越级要求不少于 16 个）".</param>
/// <param name="Clause">The requirement it closes.</param>
public sealed record TierGap(string Code, string Text, Clause Clause)
{
    public override string ToString() => Text;
}

/// <summary>
/// One tier checked against the input.
/// </summary>
/// <param name="Tier">The tier.</param>
/// <param name="Definition">Its definition in the rule set.</param>
/// <param name="Verdict">
/// All findings: each required segment, scene count, maturity level, maturity consistency (a data flag), and prerequisite.
/// </param>
/// <param name="Coverage">Scenes counted for this tier (only those on its list), per segment and sub-segment.</param>
/// <param name="RequirementsMet">The tier's own requirements pass: segments, scene count and maturity level (prerequisite and the consistency flag aside).</param>
/// <param name="PrerequisiteMet">The climbing-order prerequisite is met (or the tier has none).</param>
/// <param name="Gaps">What is still missing for this tier, actionable; empty when nothing is.</param>
public sealed record TierCheck(
    TierLevel Tier,
    TierDefinition Definition,
    Verdict Verdict,
    SceneCoverage Coverage,
    bool RequirementsMet,
    bool PrerequisiteMet,
    IReadOnlyList<TierGap> Gaps)
{
    /// <summary>May be applied for now: own requirements and the climbing prerequisite are met.</summary>
    public bool MayApply => RequirementsMet && PrerequisiteMet;
}

/// <summary>
/// The result of <see cref="TierEvaluator.Evaluate"/>: the verdict for the requested tier, every tier's check,
/// the rolled-up coverage, the highest tier met and the gap list to the next tier.
/// </summary>
/// <param name="RuleSet">The rule set judged by.</param>
/// <param name="Catalogue">The catalogue edition scenes were chosen from (show <see cref="SceneCatalogue.DisplayName"/>: 暂行 when provisional).</param>
/// <param name="Requested">The tier applied for.</param>
/// <param name="Verdict">The requested tier's verdict (same as <c>Check(Requested).Verdict</c>).</param>
/// <param name="Coverage">All chosen scenes rolled up per segment and sub-segment, whatever tier list they are on (for running counts).</param>
/// <param name="Tiers">Every tier of the rule set, lowest first.</param>
/// <param name="HighestTierMet">
/// The highest tier whose own requirements are met, ignoring the climbing prerequisite (null if none). Tiers are judged
/// independently, so with per-tier scene lists a higher tier can be met while a lower one is not.
/// </param>
/// <param name="HighestTierApplicable">The highest tier that may be applied for now: own requirements and prerequisite met.</param>
/// <param name="NextTier">The tier directly above <see cref="HighestTierMet"/> (the lowest tier if none is met); null when the top tier is met.</param>
/// <param name="Gaps">What is missing for <see cref="NextTier"/>; the requested tier's own gaps are in <see cref="RequestedGaps"/>.</param>
/// <param name="Checklist">The requested tier's per-segment descriptions, for the on-site check.</param>
/// <param name="MaturityConsistency">The declared level against the score (NeedsReview when they disagree).</param>
public sealed record TierEvaluation(
    RuleSetInfo RuleSet,
    SceneCatalogue Catalogue,
    TierLevel Requested,
    Verdict Verdict,
    SceneCoverage Coverage,
    IReadOnlyList<TierCheck> Tiers,
    TierLevel? HighestTierMet,
    TierLevel? HighestTierApplicable,
    TierLevel? NextTier,
    IReadOnlyList<TierGap> Gaps,
    IReadOnlyList<ChecklistItem> Checklist,
    Finding MaturityConsistency)
{
    public TierCheck Check(TierLevel tier) =>
        Tiers.FirstOrDefault(t => t.Tier == tier) ?? throw new KeyNotFoundException($"规则集 {RuleSet.Key} 未定义{TierLevels.Label(tier)}");

    /// <summary>The requested tier's check.</summary>
    public TierCheck RequestedCheck => Check(Requested);

    /// <summary>What is missing for the requested tier (empty when its requirements and prerequisite are met).</summary>
    public IReadOnlyList<TierGap> RequestedGaps => RequestedCheck.Gaps;
}
