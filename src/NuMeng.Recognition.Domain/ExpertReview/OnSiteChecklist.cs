namespace NuMeng.Recognition.Domain.ExpertReview;

/// <summary>
/// One thing the panel confirms on site (现场核查).
/// </summary>
/// <param name="Key">Stable key: the engine's finding code for a 2024 bar (e.g. <c>2024.factory.equipment-nc-rate</c>), the
/// tier checklist code for a 2025 tier description (e.g. <c>advanced.3</c>). Photos are filed as <c>onsite:&lt;key&gt;</c>.</param>
/// <param name="Title">Short Chinese name, e.g. 装备数控化率 or 生产作业.</param>
/// <param name="Description">What to confirm, in the document's words.</param>
/// <param name="Clause">Where the requirement comes from.</param>
/// <param name="Required">The bar in words (2024 kinds), e.g. "≥ 70%（含本数）"; null for a tier description.</param>
/// <param name="Declared">What the application declared for it: the figure (2024) or the scenes of that segment (2025).</param>
public sealed record OnSiteChecklistItem(string Key, string Title, string Description, Clause Clause, string? Required, string Declared);

/// <summary>The on-site checklist of one application.</summary>
/// <param name="Kind">The kind applied for.</param>
/// <param name="Title">e.g. 智能工厂认定技术条件现场核查表.</param>
/// <param name="Items">In the document's order.</param>
public sealed record OnSiteChecklist(RecognitionKind Kind, string Title, IReadOnlyList<OnSiteChecklistItem> Items)
{
    /// <summary>The attachment item key of a photo taken for <paramref name="itemKey"/>.</summary>
    public static string PhotoItemKey(string itemKey) => PhotoPrefix + itemKey;

    /// <summary>Prefix of the attachment item keys of on-site photos.</summary>
    public const string PhotoPrefix = "onsite:";

    /// <summary>
    /// Builds the checklist. 2024 kinds (docs/rule-reference.md §2): every bar of the rule set that applies to the kind (技术条件 一 or
    /// 二（一）, the KPI bars included), with its clause and the figure the application declared, as the engine reads it —
    /// so the panel confirms on site exactly what the system checked on paper. 2025 tiers (docs/rule-reference.md §3, 要素条件 二–五):
    /// the five per-segment descriptions of the tier applied for, with the scenes the application declared in each segment.
    /// </summary>
    public static OnSiteChecklist Build(RuleSetCatalog catalog, RecognitionKind kind, TechnicalIndicators? technical, KpiInputs? kpi, TierInput? tier)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return TierLevels.TryFromRecognitionKind(kind, out var level)
            ? ForTier(catalog, kind, level, tier)
            : ForTechnical(catalog.Technical, kind, technical, kpi);
    }

    private static OnSiteChecklist ForTechnical(TechnicalRuleSet rules, RecognitionKind kind, TechnicalIndicators? technical, KpiInputs? kpi)
    {
        var evaluation = TechnicalEvaluator.Evaluate(rules, kind, technical ?? new TechnicalIndicators(), kpi ?? new KpiInputs());
        var items = evaluation.Verdict.Findings
            // Bars of the other kind do not apply; declared-versus-computed checks belong to the bar they check.
            .Where(f => f.Outcome != Outcome.NotApplicable && !f.Code.EndsWith(TechnicalEvaluation.DeclaredSuffix, StringComparison.Ordinal))
            .Select(f => new OnSiteChecklistItem(
                f.Code,
                f.Title,
                // The document's words; the bar itself is Required (shown apart, not repeated here).
                f.Clause.Text,
                f.Clause,
                f.Required,
                f.Actual == "无法判断" ? "未填报或无法计算" : f.Actual))
            .ToList();
        return new OnSiteChecklist(kind, $"{rules.For(kind).Title}现场核查表", items.AsReadOnly());
    }

    private static OnSiteChecklist ForTier(RuleSetCatalog catalog, RecognitionKind kind, TierLevel level, TierInput? tier)
    {
        var definition = catalog.Tiers.Tier(level);
        var declared = (tier?.SceneCodes ?? []).Select(catalog.Scenes.Find).OfType<Scene>().ToList();
        var items = definition.Checklist
            .Select(c =>
            {
                var scenes = declared.Where(s => s.Segment == c.Segment).Select(s => s.Display).ToList();
                return new OnSiteChecklistItem(
                    c.Code,
                    Segments.Label(c.Segment),
                    c.Text,
                    c.Clause,
                    null,
                    scenes.Count == 0 ? "该环节未申报场景" : "申报场景：" + string.Join("；", scenes));
            })
            .ToList();
        return new OnSiteChecklist(kind, $"{TierLevels.FullLabel(level)}现场核查表", items.AsReadOnly());
    }
}
