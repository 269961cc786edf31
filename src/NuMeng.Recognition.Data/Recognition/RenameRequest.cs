namespace NuMeng.Recognition.Data.Recognition;

/// <summary>
/// 更名: after renaming or restructuring, the league/city bureau applies to the department for the name change
/// (管理办法 第四章).
/// </summary>
public sealed class RenameRequest : Entity
{
    public Guid CertificateId { get; set; }

    public Guid ApplicationId { get; set; }

    public Guid RequestedByBureauId { get; set; }

    public string PreviousName { get; set; } = string.Empty;

    public string NewName { get; set; } = string.Empty;

    public string? NewCreditCode { get; set; }

    public string Reason { get; set; } = string.Empty;

    /// <summary>
    /// A new request waits for its bureau (待盟市转报); it changes only through <see cref="Forward"/>,
    /// <see cref="DeclineByBureau"/>, <see cref="Approve"/> and <see cref="Reject"/>.
    /// </summary>
    public RenameRequestState State { get; private set; } = RenameRequestState.Submitted;

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecisionNote { get; set; }

    /// <summary>The enterprise user who asked for the renaming.</summary>
    public Guid? RequestedByUserId { get; set; }

    /// <summary>The bureau's opinion when it forwarded (or declined) the request.</summary>
    public string? BureauOpinion { get; set; }

    /// <summary>When the bureau forwarded the request to the department.</summary>
    public DateTimeOffset? ForwardedAt { get; set; }

    public Guid? DecidedByUserId { get; set; }

    /// <summary>盟市转报: 待盟市转报 → 盟市已转报, with the bureau's opinion, as <see cref="RenameRequestWorkflow"/> decided.</summary>
    /// <exception cref="StateTransitionException">The decision is a refusal, for another step or another state.</exception>
    public void Forward(Decision<RenameRequestState, RenameRequestAction> decision, string opinion, DateTimeOffset at)
    {
        Take(decision, RenameRequestAction.Forward);
        BureauOpinion = opinion;
        ForwardedAt = at;
    }

    /// <summary>盟市不予转报: 待盟市转报 → 盟市不予转报, with the bureau's reasons, as <see cref="RenameRequestWorkflow"/> decided.</summary>
    /// <exception cref="StateTransitionException">The decision is a refusal, for another step or another state.</exception>
    public void DeclineByBureau(Decision<RenameRequestState, RenameRequestAction> decision, string opinion)
    {
        Take(decision, RenameRequestAction.Decline);
        BureauOpinion = opinion;
    }

    /// <summary>工信厅同意更名 (盟市已转报 → 工信厅已同意更名) or 不同意 (→ 工信厅不同意更名), as <see cref="RenameRequestWorkflow"/> decided.</summary>
    /// <exception cref="StateTransitionException">The decision is a refusal, not the department's, or for another state.</exception>
    public void Decide(Decision<RenameRequestState, RenameRequestAction> decision, Guid decidedBy, DateTimeOffset at, string? note)
    {
        ArgumentNullException.ThrowIfNull(decision);
        Take(decision, decision.Action is RenameRequestAction.Approve ? RenameRequestAction.Approve : RenameRequestAction.Reject);
        DecidedAt = at;
        DecidedByUserId = decidedBy;
        DecisionNote = note;
    }

    /// <summary>
    /// Demo seeding and test arrangements only (internal; visible to the test projects): puts the request in
    /// <paramref name="state"/> without taking the step that leads there.
    /// </summary>
    internal void SeedState(RenameRequestState state) => State = state;

    private void Take(Decision<RenameRequestState, RenameRequestAction> decision, RenameRequestAction action)
    {
        StateTransitionException.Check("更名申请", decision, State, action);
        State = decision.To;
    }
}
