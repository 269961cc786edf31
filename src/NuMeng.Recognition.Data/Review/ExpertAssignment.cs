namespace NuMeng.Recognition.Data.Review;

/// <summary>Role of an expert in a panel.</summary>
public enum PanelRole
{
    /// <summary>组长.</summary>
    Leader,
    /// <summary>组员.</summary>
    Member,
}

/// <summary>Outcome of the conflict-of-interest check of an assignment.</summary>
public enum ConflictDeclaration
{
    /// <summary>无利益冲突 (only meaningful once <see cref="ExpertAssignment.DeclaredAt"/> is set).</summary>
    None,
    /// <summary>专家自行申报存在利益冲突.</summary>
    Declared,
    /// <summary>系统检测到利益冲突 (employer, consultancy link).</summary>
    Detected,
}

/// <summary>
/// An expert assigned to review one application in a panel. The expert sees the application only after declaring no
/// conflict; a declared or detected conflict means recusal.
/// </summary>
public sealed class ExpertAssignment : Entity
{
    public Guid ExpertId { get; set; }

    public Guid ApplicationId { get; set; }

    /// <summary>The version to be reviewed.</summary>
    public Guid? ApplicationVersionId { get; set; }

    /// <summary>The application's batch, copied so the agency rule needs no join through applications.</summary>
    public Guid BatchId { get; set; }

    /// <summary>评审组 name/number.</summary>
    public string PanelName { get; set; } = string.Empty;

    public PanelRole Role { get; set; }

    public ConflictDeclaration Conflict { get; set; }

    /// <summary>Why a conflict was declared or detected.</summary>
    public string? ConflictReason { get; set; }

    /// <summary>When the expert made the declaration; null = not yet declared (the application stays hidden).</summary>
    public DateTimeOffset? DeclaredAt { get; set; }

    /// <summary>回避: the expert does not review this application.</summary>
    public bool Recused { get; set; }

    public Guid AssignedByUserId { get; set; }

    /// <summary>The panel leader's consensus opinion (专家组意见); only on the leader's row.</summary>
    public string? ConsensusOpinion { get; set; }

    /// <summary>When the leader submitted <see cref="ConsensusOpinion"/>; it cannot change afterwards.</summary>
    public DateTimeOffset? ConsensusSubmittedAt { get; set; }
}
