namespace NuMeng.Recognition.Data.Batches;

/// <summary>
/// 申报批次. 管理办法: recognition is held one or two times a year; a batch names the rule set (and, for the 2025 tiers,
/// the scene catalogue) it is judged by and keeps that version even after a newer one is published (docs/rule-reference.md §1).
/// </summary>
public sealed class Batch : Entity
{
    public int Year { get; set; }

    /// <summary>第几批 within the year (1 or 2).</summary>
    public int Round { get; set; }

    public RecognitionKind Kind { get; set; }

    public string Title { get; set; } = string.Empty;

    public string RuleSetCode { get; set; } = string.Empty;

    public string RuleSetVersion { get; set; } = string.Empty;

    /// <summary>Scene catalogue (2025 tiers only).</summary>
    public string? SceneCatalogueCode { get; set; }

    public string? SceneCatalogueVersion { get; set; }

    public DateOnly ApplicationOpensOn { get; set; }

    public DateOnly ApplicationClosesOn { get; set; }

    /// <summary>盟市初审截止日.</summary>
    public DateOnly? BureauReviewDeadline { get; set; }

    /// <summary>专家评审截止日.</summary>
    public DateOnly? ExpertReviewDeadline { get; set; }

    /// <summary>A new batch is a draft; it changes only through <see cref="Open"/> and <see cref="Close"/>, with the decision of <see cref="BatchWorkflow"/>.</summary>
    public BatchState State { get; private set; } = BatchState.Draft;

    /// <summary>The third-party agency entrusted with the expert review; it sees the batch's applications from expert review on.</summary>
    public Guid? EntrustedAgencyId { get; set; }

    /// <summary>How many applications each 盟市 may recommend (docs/rule-reference.md §10); null = no cap.</summary>
    public int? PerLeagueCap { get; set; }

    /// <summary>How the panel's scores are combined (docs/rule-reference.md §10): mean, or dropping the highest and lowest from 5 experts.</summary>
    public ScoreAggregationRule ScoreAggregation { get; set; } = ScoreAggregationRule.TrimmedMeanFromFive;

    /// <summary>When the department entrusted <see cref="EntrustedAgencyId"/> with the batch's expert review.</summary>
    public DateTimeOffset? EntrustedAt { get; set; }

    /// <summary>开放申报: 草稿 → 申报中, as <see cref="BatchWorkflow"/> decided.</summary>
    /// <exception cref="StateTransitionException">The decision is a refusal, for another step or another state.</exception>
    public void Open(Decision<BatchState, BatchAction> decision) => Take(decision, BatchAction.Open);

    /// <summary>截止申报: 申报中 → 已截止, as <see cref="BatchWorkflow"/> decided.</summary>
    /// <exception cref="StateTransitionException">The decision is a refusal, for another step or another state.</exception>
    public void Close(Decision<BatchState, BatchAction> decision) => Take(decision, BatchAction.Close);

    /// <summary>
    /// Demo seeding and test arrangements only (internal; visible to the test projects): puts the batch in
    /// <paramref name="state"/> without taking the step that leads there.
    /// </summary>
    internal void SeedState(BatchState state) => State = state;

    private void Take(Decision<BatchState, BatchAction> decision, BatchAction action)
    {
        StateTransitionException.Check("批次", decision, State, action);
        State = decision.To;
    }
}
