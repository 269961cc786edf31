namespace NuMeng.Recognition.Domain.ExpertReview;

/// <summary>An expert the planner proposes for a panel, with the batch load and why.</summary>
/// <param name="Expert">The expert.</param>
/// <param name="Load">Non-recused assignments the expert already holds in the application's batch.</param>
/// <param name="MatchedField">The expert's field that matches the enterprise's industry or the kind; null when none.</param>
/// <param name="OtherLeague">Whether the expert works in another 盟市 than the enterprise.</param>
/// <param name="Reasons">Why, in Chinese, in the order the planner weighs them.</param>
public sealed record PanelSuggestion(
    ExpertProfile Expert, int Load, string? MatchedField, bool OtherLeague, IReadOnlyList<string> Reasons)
{
    public bool FieldMatch => MatchedField is not null;
}

/// <summary>An expert the planner will not propose, and why (conflicts, inactive, already on the panel).</summary>
public sealed record PanelExclusion(ExpertProfile Expert, IReadOnlyList<ExpertConflict> Conflicts, IReadOnlyList<string> Reasons);

/// <summary>The planner's answer: suggestions best first, and the experts left out with their reasons.</summary>
public sealed record PanelPlan(IReadOnlyList<PanelSuggestion> Suggestions, IReadOnlyList<PanelExclusion> Excluded);

/// <summary>
/// Suggests experts for an application's panel ("assign experts to applications with balanced
/// load; conflicts detected automatically … recusal recorded, replacement suggested"). Never a conflicted or inactive
/// expert, nor one already on the panel (a recused one included: they may not come back). Among the rest, in this order:
/// <list type="number">
/// <item>a 专业领域 matching the enterprise's 所属行业 or the kind applied for;</item>
/// <item>an expert from another 盟市 than the enterprise's (independence from the local bureau and its enterprises);</item>
/// <item>the least load in the batch (non-recused assignments), so work is spread evenly;</item>
/// <item>then 姓名 and id (ordinal), so the same data always gives the same list.</item>
/// </list>
/// </summary>
public static class PanelPlanner
{
    /// <summary>The shortest common run of characters that counts as a field match ("煤化工" in "现代煤化工", "装备" in "农机装备").</summary>
    public const int MinimumFieldOverlap = 2;

    /// <summary>Plans the panel of <paramref name="application"/>.</summary>
    /// <param name="application">The application.</param>
    /// <param name="pool">The expert pool (inactive ones included; they are listed as excluded).</param>
    /// <param name="onPanel">Experts with an assignment row on this application (recused or not).</param>
    /// <param name="batchLoad">Non-recused assignments per expert in the application's batch (missing = 0).</param>
    public static PanelPlan Suggest(ApplicationProfile application, IReadOnlyList<ExpertProfile> pool,
        IReadOnlySet<Guid> onPanel, IReadOnlyDictionary<Guid, int> batchLoad)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(onPanel);
        ArgumentNullException.ThrowIfNull(batchLoad);
        var suggestions = new List<PanelSuggestion>();
        var excluded = new List<PanelExclusion>();
        foreach (var expert in pool)
        {
            var conflicts = ConflictDetector.Detect(expert, application);
            var why = new List<string>();
            if (onPanel.Contains(expert.ExpertId))
            {
                why.Add("已在本评审组");
            }
            if (!expert.IsActive)
            {
                why.Add("已停用");
            }
            why.AddRange(conflicts.Select(c => "利益冲突：" + c.Reason));
            if (why.Count > 0)
            {
                excluded.Add(new PanelExclusion(expert, conflicts, why));
                continue;
            }
            var load = batchLoad.TryGetValue(expert.ExpertId, out var n) ? n : 0;
            var field = MatchingField(expert.Fields, application.Industry, application.Kind);
            var otherLeague = !string.IsNullOrEmpty(expert.LeagueCode) && expert.LeagueCode != application.LeagueCode;
            var reasons = new List<string>
            {
                field is null ? "专业领域与企业行业不直接相符" : $"专业领域“{field}”与{Subject(application, field)}相符",
                otherLeague ? $"来自{League(expert.LeagueCode)}，与企业不在同一盟市"
                    : string.IsNullOrEmpty(expert.LeagueCode) ? "所在盟市未登记" : $"与企业同在{League(expert.LeagueCode)}",
                $"本批次已承担 {load} 件评审",
            };
            suggestions.Add(new PanelSuggestion(expert, load, field, otherLeague, reasons));
        }
        var ordered = suggestions
            .OrderByDescending(s => s.FieldMatch)
            .ThenByDescending(s => s.OtherLeague)
            .ThenBy(s => s.Load)
            .ThenBy(s => s.Expert.Name, StringComparer.Ordinal)
            .ThenBy(s => s.Expert.ExpertId)
            .ToList();
        return new PanelPlan(ordered, excluded.OrderBy(e => e.Expert.Name, StringComparer.Ordinal).ThenBy(e => e.Expert.ExpertId).ToList());
    }

    /// <summary>
    /// The replacement for <paramref name="recused"/>: the planner's best suggestion (the recused expert is on the panel
    /// and so never proposed again), with the replacement named in its first reason; null when nobody is left.
    /// </summary>
    public static PanelSuggestion? SuggestReplacement(ApplicationProfile application, ExpertProfile recused,
        IReadOnlyList<ExpertProfile> pool, IReadOnlySet<Guid> onPanel, IReadOnlyDictionary<Guid, int> batchLoad)
    {
        ArgumentNullException.ThrowIfNull(recused);
        ArgumentNullException.ThrowIfNull(onPanel);
        var panel = new HashSet<Guid>(onPanel) { recused.ExpertId };
        return Suggest(application, pool, panel, batchLoad).Suggestions is [var best, ..]
            ? best with { Reasons = [$"替换回避的专家{recused.Name}", .. best.Reasons] }
            : null;
    }

    /// <summary>The first field of the expert sharing at least <see cref="MinimumFieldOverlap"/> characters with the industry or the kind.</summary>
    public static string? MatchingField(IReadOnlyList<string> fields, string? industry, RecognitionKind kind)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var targets = new[] { ConflictDetector.Text(industry), RecognitionKinds.Label(kind) }.Where(t => t.Length > 0).ToList();
        return fields.FirstOrDefault(f => targets.Any(t => Overlaps(ConflictDetector.Text(f), t)));
    }

    private static bool Overlaps(string a, string b)
    {
        if (a.Length < MinimumFieldOverlap || b.Length < MinimumFieldOverlap)
        {
            return false;
        }
        for (var i = 0; i + MinimumFieldOverlap <= a.Length; i++)
        {
            if (b.Contains(a.AsSpan(i, MinimumFieldOverlap), StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static string Subject(ApplicationProfile application, string field) =>
        !string.IsNullOrWhiteSpace(application.Industry) && Overlaps(ConflictDetector.Text(field), ConflictDetector.Text(application.Industry))
            ? $"企业行业“{application.Industry.Trim()}”"
            : $"申报类型“{RecognitionKinds.Label(application.Kind)}”";

    /// <summary>The 盟市 name of a code, or the code itself when unknown.</summary>
    public static string League(string? code) =>
        InnerMongoliaRegions.Leagues.FirstOrDefault(l => l.Code == code)?.Name ?? code ?? "未登记盟市";
}
