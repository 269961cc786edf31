using NuMeng.Recognition.Data.Common;

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

    public ObjectionState State { get; set; }

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
}
