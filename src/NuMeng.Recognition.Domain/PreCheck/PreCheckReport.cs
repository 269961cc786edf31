namespace NuMeng.Recognition.Domain.PreCheck;

/// <summary>The result of a pre-check: either input errors (each naming its field) or a report.</summary>
public sealed record PreCheckOutcome(IReadOnlyList<InputError> Errors, PreCheckReport? Report)
{
    [JsonIgnore]
    public bool IsValid => Errors.Count == 0 && Report is not null;
}

/// <summary>Everything the engine found, each verdict with its clause and numbers.</summary>
public sealed record PreCheckReport
{
    public required RecognitionKind Kind { get; init; }

    public string KindLabel => RecognitionKinds.Label(Kind);

    /// <summary>The rule set the figures were judged by.</summary>
    public required RuleSetInfo RuleSet { get; init; }

    public required DateOnly AssessedOn { get; init; }

    /// <summary>申报资格; null when the enterprise section was not filled in.</summary>
    public Verdict? Eligibility { get; init; }

    /// <summary>The technical conditions (2024) or the requested tier's conditions (2025).</summary>
    public required Verdict Requirements { get; init; }

    /// <summary>KPI calculations with every step (2024 kinds).</summary>
    public IReadOnlyList<KpiResult> Kpis { get; init; } = [];

    /// <summary>Conversion factor, rounding and tolerance used for the KPIs.</summary>
    public IReadOnlyList<KpiSettingNote> KpiSettingsUsed { get; init; } = [];

    /// <summary>Tier outcome (2025 kinds).</summary>
    public TierSummary? Tier { get; init; }

    /// <summary>Passed when the requirements pass and, if assessed, eligibility passes.</summary>
    public bool Passed => Requirements.Passed && (Eligibility?.Passed ?? true);

    /// <summary>One sentence for the top of the page.</summary>
    public string Summary
    {
        get
        {
            var failed = Requirements.Findings.Count(f => f.Outcome == Outcome.Fail) + (Eligibility?.Findings.Count(f => f.Outcome == Outcome.Fail) ?? 0);
            var review = Requirements.Findings.Count(f => f.Outcome == Outcome.NeedsReview) + (Eligibility?.Findings.Count(f => f.Outcome == Outcome.NeedsReview) ?? 0);
            var eligibility = Eligibility is null ? "（未填写企业基本情况，未评估申报资格）" : string.Empty;
            return Passed
                ? $"按{RuleSet.Name}，所填数据符合{KindLabel}的各项条件{eligibility}。"
                : $"按{RuleSet.Name}，所填数据尚不符合{KindLabel}的条件：{failed} 项不符合，{review} 项待核实{eligibility}。";
        }
    }
}

/// <summary>The tier part of a report: coverage, the highest tier met, the gaps to the next tier, the on-site checklist.</summary>
public sealed record TierSummary(
    string SceneCatalogue,
    bool SceneCatalogueProvisional,
    string? HighestTierMet,
    string? HighestTierApplicable,
    string? NextTier,
    IReadOnlyList<TierGapLine> GapsToNextTier,
    IReadOnlyList<TierGapLine> GapsToRequestedTier,
    IReadOnlyList<SegmentCoverageLine> Coverage,
    IReadOnlyList<string> ScenesNotOnTierList,
    IReadOnlyList<ChecklistLine> Checklist);

public sealed record TierGapLine(string Text, string Clause);

public sealed record SegmentCoverageLine(string Segment, int Count, IReadOnlyList<string> Scenes, IReadOnlyList<SubSegmentCoverageLine> SubSegments);

public sealed record SubSegmentCoverageLine(string SubSegment, int Count);

public sealed record ChecklistLine(string Segment, string Text, string Clause);
