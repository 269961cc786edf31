namespace NuMeng.Recognition.Data.Recognition;

/// <summary>Who objects: a unit (with its official seal) or an individual (real name and contact).</summary>
public enum ObjectorKind
{
    Individual,
    Unit,
}

/// <summary>
/// 异议 raised during a public notice. Anonymous objections are not accepted; the objector's identity is kept
/// confidential (department only).
/// </summary>
public sealed class Objection : Entity
{
    public Guid PublicNoticeId { get; set; }

    public Guid ApplicationId { get; set; }

    public ObjectorKind ObjectorKind { get; set; }

    /// <summary>Real name of the individual or name of the unit.</summary>
    public string ObjectorName { get; set; } = string.Empty;

    public string Contact { get; set; } = string.Empty;

    /// <summary>Signed (individual) or sealed (unit) scan.</summary>
    public Guid? SignedScanAttachmentId { get; set; }

    public string Content { get; set; } = string.Empty;

    public bool Confidential { get; set; } = true;

    /// <summary>
    /// A new case is received (已受理); it changes only through <see cref="Verify"/>, <see cref="Uphold"/> and
    /// <see cref="Dismiss"/>.
    /// </summary>
    public ObjectionState State { get; private set; } = ObjectionState.Received;

    public DateTimeOffset ReceivedAt { get; set; }

    public string? VerificationNotes { get; set; }

    /// <summary>Reasons of the decision (upheld or dismissed).</summary>
    public string? DecisionReasons { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The case number given to the objector (e.g. YY-2025-0001), to ask about the case later.</summary>
    public string CaseNumber { get; set; } = string.Empty;

    /// <summary>What the department asks the enterprise to answer (never names the objector).</summary>
    public string? ResponseRequest { get; set; }

    public DateTimeOffset? ResponseRequestedAt { get; set; }

    /// <summary>The enterprise's answer to <see cref="ResponseRequest"/>.</summary>
    public string? EnterpriseResponse { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }

    public Guid? DecidedByUserId { get; set; }

    /// <summary>核实: 已受理 → 已核实, with the notes, as <see cref="ObjectionCase"/> decided.</summary>
    /// <exception cref="StateTransitionException">The decision is a refusal, for another step or another state.</exception>
    public void Verify(Decision<ObjectionState, ObjectionCaseAction> decision, string notes)
    {
        StateTransitionException.Check("异议", decision, State, ObjectionCaseAction.Verify);
        VerificationNotes = notes;
        State = decision.To;
    }

    /// <summary>认定异议成立 (已核实 → 异议成立) or 不成立 (→ 异议不成立), with the reasons, as <see cref="ObjectionCase"/> decided.</summary>
    /// <exception cref="StateTransitionException">The decision is a refusal, a verification, or for another state.</exception>
    public void Decide(Decision<ObjectionState, ObjectionCaseAction> decision, string reasons, Guid decidedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(decision);
        StateTransitionException.Check("异议", decision, State,
            decision.Action is ObjectionCaseAction.Uphold ? ObjectionCaseAction.Uphold : ObjectionCaseAction.Dismiss);
        DecisionReasons = reasons;
        DecidedAt = at;
        DecidedByUserId = decidedBy;
        State = decision.To;
    }

    /// <summary>
    /// Demo seeding and test arrangements only (internal; visible to the test projects): puts the case in
    /// <paramref name="state"/> without taking the step that leads there.
    /// </summary>
    internal void SeedState(ObjectionState state) => State = state;
}
