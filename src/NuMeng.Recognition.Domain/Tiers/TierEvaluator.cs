namespace NuMeng.Recognition.Domain.Tiers;

/// <summary>
/// Judges a tier application (or a pre-check) against a <see cref="TierRuleSet"/> and a <see cref="SceneCatalogue"/>.
/// Pure: everything it needs comes in as arguments.
/// </summary>
public static class TierEvaluator
{
    /// <summary>
    /// Evaluates every tier of the rule set and returns the requested tier's verdict with coverage, the highest tier met,
    /// the gap list and the checklist.
    /// </summary>
    /// <remarks>
    /// Findings per tier, in this order: one per required segment (要素条件 "至少覆盖 … 环节" / "覆盖全部五个环节"),
    /// the scene count ("建设场景数不低于《典型场景参考标准-X级》中 N 个场景"; only scenes on that tier's list count,
    /// and coverage is judged on the same scenes), the maturity level ("X级及以上"), the consistency of level and score
    /// (NeedsReview on disagreement), and the climbing prerequisite. "Requirements met" means the first three kinds pass;
    /// "may apply" adds the prerequisite. The consistency flag keeps the verdict from passing until reviewed but does not
    /// change which tier is met.
    /// </remarks>
    /// <exception cref="ArgumentException">The input is invalid (see <see cref="TierInput.Validate(SceneCatalogue, string)"/>); validate first.</exception>
    /// <exception cref="KeyNotFoundException">The rule set does not define <paramref name="requested"/>.</exception>
    public static TierEvaluation Evaluate(TierRuleSet rules, SceneCatalogue catalogue, TierLevel requested, TierInput input)
    {
        var errors = input.Validate(catalogue);
        if (errors.Count > 0)
        {
            throw new ArgumentException("申报信息有误：" + string.Join("；", errors), nameof(input));
        }
        var requestedDefinition = rules.Tier(requested);

        var chosen = input.SceneCodes.Select(code => catalogue.Find(code)!).ToList();
        var consistency = MaturityLevels.CheckConsistency(input.Maturity, input.MaturityScore, "tier.maturity-consistency");
        var checks = rules.Tiers.OrderBy(t => t.Level).Select(t => CheckTier(t, chosen, input, consistency)).ToList().AsReadOnly();

        var highestMet = checks.LastOrDefault(c => c.RequirementsMet)?.Tier;
        var highestApplicable = checks.LastOrDefault(c => c.MayApply)?.Tier;
        var next = highestMet is { } met
            ? checks.FirstOrDefault(c => c.Tier > met)
            : checks.FirstOrDefault();

        return new TierEvaluation(
            rules.Info,
            catalogue,
            requested,
            checks.Single(c => c.Tier == requested).Verdict,
            SceneCoverage.Of(chosen),
            checks,
            highestMet,
            highestApplicable,
            next?.Tier,
            next?.Gaps ?? [],
            requestedDefinition.Checklist,
            consistency);
    }

    private static TierCheck CheckTier(TierDefinition def, IReadOnlyList<Scene> chosen, TierInput input, Finding consistency)
    {
        var coverage = SceneCoverage.Of(chosen, def.Level);
        var tierLabel = def.Label;
        var prefix = $"tier.{TierLevels.Slug(def.Level)}";
        var gaps = new List<TierGap>();

        var segmentFindings = def.RequiredSegments.Select(s => SegmentFinding(def, coverage, s, prefix)).ToList();
        var missing = coverage.Missing(def.RequiredSegments);
        if (missing.Count > 0)
        {
            gaps.Add(new TierGap($"{prefix}.gap.segments", $"还需覆盖环节：{Segments.JoinLabels(missing)}", def.CoverageClause));
        }

        var countFinding = SceneCountFinding(def, coverage, prefix);
        if (coverage.Count < def.MinimumScenes)
        {
            var text = $"还需建设至少 {def.MinimumScenes - coverage.Count} 个场景（当前 {coverage.Count} 个，{tierLabel}要求不少于 {def.MinimumScenes} 个）";
            if (coverage.NotOnTierList.Count > 0)
            {
                text += $"；所选的 {Codes(coverage.NotOnTierList)} 不在{tierLabel}场景清单内，不计入";
            }
            gaps.Add(new TierGap($"{prefix}.gap.scene-count", text, def.SceneCountClause));
        }

        var (maturityFinding, maturityGap) = MaturityFinding(def, input, prefix);
        if (maturityGap is not null)
        {
            gaps.Add(maturityGap);
        }

        var (prerequisiteFinding, prerequisiteGap) = PrerequisiteFinding(def, input, prefix);
        if (prerequisiteGap is not null)
        {
            gaps.Add(prerequisiteGap);
        }

        var requirements = segmentFindings.Append(countFinding).Append(maturityFinding).ToList();
        var findings = requirements.Append(consistency).Append(prerequisiteFinding);
        var verdict = new Verdict($"{TierLevels.FullLabel(def.Level)}要素条件（{DocumentOf(def)}）", findings);
        return new TierCheck(
            def.Level,
            def,
            verdict,
            coverage,
            requirements.All(f => f.Passed),
            prerequisiteFinding.Passed,
            gaps.AsReadOnly());
    }

    private static string DocumentOf(TierDefinition def) => def.Clause.Document;

    private static Finding SegmentFinding(TierDefinition def, SceneCoverage coverage, Segment segment, string prefix)
    {
        var label = Segments.Label(segment);
        var segmentCoverage = coverage.For(segment);
        var subLabels = string.Join("、", Segments.SubSegmentsOf(segment).Select(SubSegments.Label));
        var required = $"至少 1 个{def.Label}清单场景属于{label}环节（含《典型场景参考标准》{subLabels}，{Segments.RollUpClause(segment).Article}）";
        var offList = coverage.NotOnTierList.Where(s => s.Segment == segment).ToList();
        var offListNote = offList.Count > 0 ? $"；{Codes(offList)} 不在{def.Label}场景清单内，不计入" : "";
        var code = $"{prefix}.segment.{Segments.Slug(segment)}";
        var title = $"覆盖{label}环节";

        if (segmentCoverage.IsCovered)
        {
            return new Finding(code, title, Outcome.Pass, def.CoverageClause, required,
                $"已覆盖：{Names(segmentCoverage.Scenes)}（{segmentCoverage.Count} 个）{offListNote}",
                $"{label}环节已有 {segmentCoverage.Count} 个场景，符合。");
        }
        return new Finding(code, title, Outcome.Fail, def.CoverageClause, required,
            $"未覆盖：所选场景中没有{label}环节的{def.Label}清单场景{offListNote}",
            $"{def.Label}要求{def.CoverageClause.Text}，{label}环节尚无场景。");
    }

    private static Finding SceneCountFinding(TierDefinition def, SceneCoverage coverage, string prefix)
    {
        // 要素条件: "建设场景数不低于《典型场景参考标准-X级》中 N 个场景" — 不低于 is inclusive.
        var threshold = def.SceneThreshold;
        var required = $"{threshold.Describe()}，以《典型场景参考标准-{def.Label}》所列场景计";
        var actual = coverage.Count == 0 ? "0 个" : $"{coverage.Count} 个（{Codes(coverage.Scenes)}）";
        if (coverage.NotOnTierList.Count > 0)
        {
            actual += $"；另有 {Codes(coverage.NotOnTierList)} 不在{def.Label}场景清单内，不计入";
        }
        var met = threshold.IsMetBy(coverage.Count);
        var explanation = met
            ? $"已建设 {coverage.Count} 个场景，要求不少于 {def.MinimumScenes} 个，符合。"
            : $"已建设 {coverage.Count} 个场景，要求不少于 {def.MinimumScenes} 个，尚差 {def.MinimumScenes - coverage.Count} 个。";
        return new Finding($"{prefix}.scene-count", "建设场景数", met ? Outcome.Pass : Outcome.Fail, def.SceneCountClause, required, actual, explanation);
    }

    private static (Finding Finding, TierGap? Gap) MaturityFinding(TierDefinition def, TierInput input, string prefix)
    {
        var code = $"{prefix}.maturity";
        const string title = "智能制造能力成熟度";
        if (def.MinimumMaturity is not { } minimum)
        {
            return (new Finding(code, title, Outcome.NotApplicable, def.MaturityClause, "本层级未设成熟度要求", Describe(input), "不适用。"), null);
        }
        // "X级及以上" — inclusive.
        var bar = $"{MaturityLevels.Label(minimum)}及以上";
        var required = $"{bar}（GB/T 39116-2020 自评价）";
        var gapCode = $"{prefix}.gap.maturity";

        if (input.Maturity is { } declared)
        {
            if (declared >= minimum)
            {
                return (new Finding(code, title, Outcome.Pass, def.MaturityClause, required, Describe(input),
                    $"自评价等级为{MaturityLevels.Label(declared)}，达到{bar}，符合。"), null);
            }
            return (new Finding(code, title, Outcome.Fail, def.MaturityClause, required, Describe(input),
                    $"自评价等级为{MaturityLevels.Label(declared)}，未达到{bar}。"),
                new TierGap(gapCode, $"成熟度需达到{bar}（当前自评价为{MaturityLevels.Label(declared)}）", def.MaturityClause));
        }

        if (input.MaturityScore is { } score)
        {
            var derived = MaturityLevels.FromScore(score);
            var derivedText = derived is { } d ? MaturityLevels.Label(d) : "未达到一级";
            if (derived >= minimum)
            {
                return (new Finding(code, title, Outcome.NeedsReview, def.MaturityClause, required, Describe(input),
                        $"未填报自评价等级；按得分 {Numbers.Format(score)} 推算为{derivedText}，需以自评价报告核实。"),
                    new TierGap(gapCode, $"需填报成熟度自评价等级（按得分推算为{derivedText}，待核实；要求{bar}）", def.MaturityClause));
            }
            return (new Finding(code, title, Outcome.Fail, def.MaturityClause, required, Describe(input),
                    $"未填报自评价等级；按得分 {Numbers.Format(score)} 推算为{derivedText}，未达到{bar}。"),
                new TierGap(gapCode, $"成熟度需达到{bar}（按当前得分 {Numbers.Format(score)} 推算为{derivedText}）", def.MaturityClause));
        }

        return (new Finding(code, title, Outcome.NeedsReview, def.MaturityClause, required, "未填报",
                "未填报智能制造能力成熟度自评价等级，无法判断。"),
            new TierGap(gapCode, $"需完成智能制造能力成熟度自评价并填报等级，成熟度需达到{bar}", def.MaturityClause));
    }

    private static (Finding Finding, TierGap? Gap) PrerequisiteFinding(TierDefinition def, TierInput input, string prefix)
    {
        var code = $"{prefix}.prerequisite";
        const string title = "梯度递进（前置层级）";
        var actual = Held(input);
        if (def.Prerequisite is not { } p)
        {
            return (new Finding(code, title, Outcome.NotApplicable, def.Clause, "无前置层级", actual, $"{def.Label}为起始层级，无前置要求。"), null);
        }
        var required = p.Describe();
        if (p.IsMetBy(input.HasBasicSelfAssessment, input.HighestRecognisedTier))
        {
            return (new Finding(code, title, Outcome.Pass, p.Clause, required, actual, $"已满足{def.Label}的前置层级要求，符合。"), null);
        }
        var gapText = p.Evidence == PrerequisiteEvidence.SelfAssessment
            ? $"需先完成{TierLevels.Label(p.Tier)}自评价（梯度递进：{def.Label}以{TierLevels.Label(p.Tier)}自评为前提）"
            : $"需先取得{TierLevels.FullLabel(p.Tier)}认定（梯度递进：{def.Label}以已认定的{TierLevels.Label(p.Tier)}为前提）";
        return (new Finding(code, title, Outcome.Fail, p.Clause, required, actual, $"不满足前置层级要求：{required}。"),
            new TierGap($"{prefix}.gap.prerequisite", gapText, p.Clause));
    }

    private static string Describe(TierInput input)
    {
        var level = input.Maturity is { } l ? MaturityLevels.Label(l) : "未填报等级";
        return input.MaturityScore is { } s ? $"{level}，得分 {Numbers.Format(s)}" : level;
    }

    private static string Held(TierInput input)
    {
        var self = input.HasBasicSelfAssessment ? "已完成基础级自评价" : "未完成基础级自评价";
        var recognised = input.HighestRecognisedTier is { } t ? $"已获认定的最高层级：{TierLevels.Label(t)}" : "尚无层级认定";
        return $"{self}；{recognised}";
    }

    private static string Codes(IEnumerable<Scene> scenes) => string.Join("、", scenes.Select(s => s.Code));

    private static string Names(IEnumerable<Scene> scenes) => string.Join("、", scenes.Select(s => s.Display));
}
