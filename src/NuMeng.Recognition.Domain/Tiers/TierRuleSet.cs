namespace NuMeng.Recognition.Domain.Tiers;

/// <summary>
/// A versioned rule set of the smart-factory tiers. Everything a verdict depends on is data here, so a new version
/// (管理办法 第十三条: the department "发布并适时调整" the conditions) changes verdicts without code changes.
/// </summary>
/// <param name="Info">Identity (code, version) a batch stores.</param>
/// <param name="Procedure">Notice period, validity, credit look-back.</param>
/// <param name="Tiers">One definition per tier, lowest first.</param>
/// <param name="Rubric">The expert scoring rubric for tier applications (docs/rule-reference.md §8, our default).</param>
/// <param name="BasicRequirementClauses">
/// 一、基础要求 items 1–5, held so the eligibility checks can cite them (index 0 is item 1; see <see cref="BasicRequirement"/>).
/// </param>
public sealed record TierRuleSet(
    RuleSetInfo Info,
    ProcedureRules Procedure,
    IReadOnlyList<TierDefinition> Tiers,
    Rubric Rubric,
    IReadOnlyList<Clause> BasicRequirementClauses)
{
    /// <summary>The definition of a tier.</summary>
    /// <exception cref="KeyNotFoundException">The rule set does not define that tier.</exception>
    public TierDefinition Tier(TierLevel level) =>
        Tiers.FirstOrDefault(t => t.Level == level)
        ?? throw new KeyNotFoundException($"规则集 {Info.Key} 未定义{TierLevels.Label(level)}");

    public bool Defines(TierLevel level) => Tiers.Any(t => t.Level == level);

    /// <summary>一、基础要求 item <paramref name="number"/> (1-based, as the document numbers it).</summary>
    public Clause BasicRequirement(int number) =>
        number >= 1 && number <= BasicRequirementClauses.Count
            ? BasicRequirementClauses[number - 1]
            : throw new ArgumentOutOfRangeException(nameof(number), number, $"基础要求只有 {BasicRequirementClauses.Count} 项");

    /// <summary>Returns a copy with one tier's definition replaced (for a new version).</summary>
    public TierRuleSet WithTier(TierDefinition definition) =>
        this with { Tiers = Tiers.Select(t => t.Level == definition.Level ? definition : t).ToList().AsReadOnly() };

    /// <summary>Checks that the data is coherent: each tier once, counts not negative, prerequisites below their tier.</summary>
    public IReadOnlyList<InputError> Validate(string prefix = "ruleSet")
    {
        var errors = new List<InputError>();
        if (Tiers.Count == 0)
        {
            errors.Add(new InputError($"{prefix}.tiers", "规则集未定义任何层级"));
        }
        for (var i = 0; i < Tiers.Count; i++)
        {
            var t = Tiers[i];
            var at = $"{prefix}.tiers[{i}]";
            if (Tiers.Take(i).Any(o => o.Level == t.Level))
            {
                errors.Add(new InputError($"{at}.level", $"{TierLevels.Label(t.Level)}重复定义"));
            }
            if (t.MinimumScenes < 0)
            {
                errors.Add(new InputError($"{at}.minimumScenes", $"最少场景数不能为负数（{t.MinimumScenes}）"));
            }
            if (t.RequiredSegments.Distinct().Count() != t.RequiredSegments.Count)
            {
                errors.Add(new InputError($"{at}.requiredSegments", "必须覆盖的环节有重复"));
            }
            if (t.Prerequisite is { } p && p.Tier >= t.Level)
            {
                errors.Add(new InputError($"{at}.prerequisite", $"前置层级（{TierLevels.Label(p.Tier)}）应低于{TierLevels.Label(t.Level)}"));
            }
            if (t.Checklist.Any(c => c.Tier != t.Level))
            {
                errors.Add(new InputError($"{at}.checklist", "核查清单中有不属于本层级的条目"));
            }
        }
        if (Rubric.Items.Count == 0 || Rubric.TotalPoints <= 0)
        {
            errors.Add(new InputError($"{prefix}.rubric", "评分表没有评分项"));
        }
        return errors.AsReadOnly();
    }
}
