namespace NuMeng.Recognition.Data.Applications;

/// <summary>
/// An enterprise's application (申报) in a batch. The draft is mutable; every submission freezes an
/// <see cref="ApplicationVersion"/> (docs/architecture.md principle 6). State changes follow the domain's workflow table.
/// </summary>
public sealed class Application : Entity
{
    /// <summary>The applying enterprise (tenant owner).</summary>
    public Guid EnterpriseId { get; set; }

    public Guid BatchId { get; set; }

    public RecognitionKind Kind { get; set; }

    /// <summary>
    /// A new application is a draft (草稿); the state changes only through <see cref="Apply"/>, with a decision of the
    /// domain's workflow table.
    /// </summary>
    public ApplicationState State { get; private set; } = ApplicationState.Draft;

    /// <summary>车间/工厂名称.</summary>
    public string WorkshopOrFactoryName { get; set; } = string.Empty;

    /// <summary>The form as the enterprise is filling it in (JSON, camelCase); frozen into a version on submission.</summary>
    public string CurrentDraftJson { get; set; } = "{}";

    /// <summary>Consultancy that prepared the application, if any (recognition is free; matters for expert conflicts).</summary>
    public string? ConsultancyName { get; set; }

    /// <summary>
    /// 盟市 code copied from the enterprise when the application is created, so the bureau that reviews it does not change
    /// if the enterprise later moves, and the tenancy filter needs no join.
    /// </summary>
    public string LeagueCode { get; set; } = string.Empty;

    /// <summary>Number of the latest submitted version (0 while never submitted).</summary>
    public int LatestVersionNumber { get; set; }

    public DateTimeOffset? LastSubmittedAt { get; set; }

    public List<ApplicationVersion> Versions { get; set; } = [];

    /// <summary>
    /// Takes a step the workflow allowed: <paramref name="decision"/> must be allowed and taken on the current state. A
    /// submission (提交, 重新提交) also records the version it froze: <paramref name="submitted"/> is required then and
    /// refused for every other step.
    /// </summary>
    /// <exception cref="StateTransitionException">The decision is a refusal, was taken on another state, or the version is missing or unexpected.</exception>
    public void Apply(Decision<ApplicationState, ApplicationAction> decision, ApplicationVersion? submitted = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (!decision.Allowed)
        {
            throw new StateTransitionException($"工作流未允许该操作：{decision.Refusal}");
        }
        if (decision.From != State)
        {
            throw new StateTransitionException(
                $"该决定基于“{WorkflowLabels.State(decision.From)}”作出，而申报当前为“{WorkflowLabels.State(State)}”");
        }
        var submission = decision.Action is ApplicationAction.Submit or ApplicationAction.Resubmit;
        if (submission && (submitted is null || submitted.ApplicationId != Id))
        {
            throw new StateTransitionException("提交须记录本申报冻结的版本");
        }
        if (!submission && submitted is not null)
        {
            throw new StateTransitionException($"“{WorkflowLabels.Action(decision.Action)}”不产生新的申报版本");
        }
        if (submitted is not null)
        {
            LatestVersionNumber = submitted.Number;
            LastSubmittedAt = submitted.SubmittedAt;
        }
        State = decision.To;
    }

    /// <summary>
    /// Demo seeding and test arrangements only (internal; visible to the test projects): puts the application in
    /// <paramref name="state"/> without taking the steps that lead there.
    /// </summary>
    internal void SeedState(ApplicationState state) => State = state;

    /// <summary>The state as read from the database, for a partial copy attached by <see cref="StoredApplications.AttachStored"/>.</summary>
    internal void RestoreStoredState(ApplicationState stored) => State = stored;
}
