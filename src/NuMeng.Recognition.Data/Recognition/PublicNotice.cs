namespace NuMeng.Recognition.Data.Recognition;

/// <summary>
/// 公示 (管理办法: 5 days). Public: anyone may read it. The end date is computed by the domain's holiday calendar from the
/// published date, length and unit, and stored as computed — never typed (docs/rule-reference.md §9 "Periods").
/// </summary>
public sealed class PublicNotice : Entity
{
    public Guid BatchId { get; set; }

    public string Title { get; set; } = string.Empty;

    public DateOnly PublishedOn { get; set; }

    public int PeriodLength { get; set; }

    public PeriodUnit PeriodUnit { get; set; }

    /// <summary>Computed last day of the period (inclusive).</summary>
    public DateOnly EndsOn { get; set; }

    /// <summary>A new notice is a draft; it changes only through <see cref="Open"/> and <see cref="Close"/>.</summary>
    public PublicNoticeState State { get; private set; } = PublicNoticeState.Draft;

    /// <summary>Where objections are received (address, phone), as published.</summary>
    public string? ObjectionContact { get; set; }

    public List<PublicNoticeEntry> Entries { get; set; } = [];

    /// <summary>发布公示: 草稿 → 公示中 (public at once), as <see cref="PublicNoticeWorkflow"/> decided.</summary>
    /// <exception cref="StateTransitionException">The decision is a refusal, for another step or another state.</exception>
    public void Open(Decision<PublicNoticeState, PublicNoticeAction> decision) => Take(decision, PublicNoticeAction.Open);

    /// <summary>公示期满: 公示中 → 公示期满 (the caller has checked that the period is over), as <see cref="PublicNoticeWorkflow"/> decided.</summary>
    /// <exception cref="StateTransitionException">The decision is a refusal, for another step or another state.</exception>
    public void Close(Decision<PublicNoticeState, PublicNoticeAction> decision) => Take(decision, PublicNoticeAction.Close);

    /// <summary>
    /// Demo seeding and test arrangements only (internal; visible to the test projects): puts the notice in
    /// <paramref name="state"/> without taking the step that leads there.
    /// </summary>
    internal void SeedState(PublicNoticeState state) => State = state;

    private void Take(Decision<PublicNoticeState, PublicNoticeAction> decision, PublicNoticeAction action)
    {
        StateTransitionException.Check("公示", decision, State, action);
        State = decision.To;
    }
}

/// <summary>One application listed on a notice, with the names as published.</summary>
public sealed class PublicNoticeEntry : Entity
{
    public Guid PublicNoticeId { get; set; }

    public Guid ApplicationId { get; set; }

    public int Order { get; set; }

    public string EnterpriseName { get; set; } = string.Empty;

    public string WorkshopOrFactoryName { get; set; } = string.Empty;

    public string LeagueCode { get; set; } = string.Empty;
}
