using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web.Features.ExpertDesk;

/// <summary>One row of "my assignments".</summary>
public sealed record ExpertAssignmentRow(
    Guid AssignmentId,
    Guid ApplicationId,
    string BatchTitle,
    string EnterpriseName,
    RecognitionKind Kind,
    PanelRole Role,
    ExpertDeskState State,
    ApplicationState ApplicationState,
    DateOnly? Deadline);

/// <summary>
/// One assignment as its expert may see it. <see cref="Content"/> is null until the expert has declared no conflict
/// (and stays null after a conflict); <see cref="Panel"/> is set only for the leader once the panel has closed.
/// </summary>
public sealed record ExpertCase(
    ExpertAssignmentRow Row,
    string PanelName,
    Guid AssignmentStamp,
    ConflictDeclaration Conflict,
    string? ConflictReason,
    DateTimeOffset? DeclaredAt,
    ExpertContent? Content,
    Rubric Rubric,
    ExpertSheet? Sheet,
    PanelProgress Progress,
    PanelResult? Panel,
    string? ConsensusOpinion,
    DateTimeOffset? ConsensusSubmittedAt)
{
    public bool IsLeader => Row.Role == PanelRole.Leader;

    /// <summary>Scoring happens while the application is 专家评审中.</summary>
    public bool ScoringOpen => Row.ApplicationState == ApplicationState.UnderExpertReview;
}

/// <summary>The frozen version the expert reviews: the engine's verdict on it and its files.</summary>
public sealed record ExpertContent(
    string WorkshopOrFactoryName,
    int VersionNumber,
    string ContentHash,
    DateTimeOffset SubmittedAt,
    PreCheckOutcome Outcome,
    string? ReadProblem,
    string? Consultancy,
    IReadOnlyList<ExpertFile> Files);

/// <summary>A file frozen with the version, downloaded through the record API (the tenancy filter decides).</summary>
public sealed record ExpertFile(Guid AttachmentId, string ItemKey, string ItemLabel, string FileName, long SizeBytes)
{
    public string Url => $"/api/v1/attachments/{AttachmentId:D}/content";
}

/// <summary>The expert's own sheet.</summary>
public sealed record ExpertSheet(Guid Id, Guid Stamp, IReadOnlyList<ExpertScoreItem> Items, decimal Total, string? OverallComment, DateTimeOffset? SubmittedAt)
{
    public bool Locked => SubmittedAt is not null;
}

/// <summary>A closed panel's sheets and their aggregation by the batch's rule (leader only).</summary>
public sealed record PanelResult(IReadOnlyList<PanelScoreRow> Rows, AggregatedScore Aggregate);
