namespace NuMeng.Recognition.Data.Review;

/// <summary>预选名单: the department's proposed list after expert review (管理办法 评审认定).</summary>
public sealed class PreSelectionList : Entity
{
    public Guid BatchId { get; set; }

    public string Title { get; set; } = string.Empty;

    public DateTimeOffset? ProposedAt { get; set; }

    public Guid? ProposedByUserId { get; set; }

    public List<PreSelectionEntry> Entries { get; set; } = [];
}

/// <summary>One application on a pre-selection list.</summary>
public sealed class PreSelectionEntry : Entity
{
    public Guid PreSelectionListId { get; set; }

    public Guid ApplicationId { get; set; }

    public int Rank { get; set; }

    /// <summary>Aggregated expert score (the batch's aggregation rule).</summary>
    public decimal? Score { get; set; }
}

/// <summary>厅党组会 decision approving a pre-selection list.</summary>
public sealed class PartyGroupDecision : Entity
{
    public Guid BatchId { get; set; }

    public Guid PreSelectionListId { get; set; }

    /// <summary>会议次数/编号 (e.g. "2026年第12次").</summary>
    public string MeetingNumber { get; set; } = string.Empty;

    public DateOnly MeetingDate { get; set; }

    /// <summary>The applications approved.</summary>
    public List<PartyGroupDecisionEntry> ApprovedEntries { get; set; } = [];
}

/// <summary>An application approved by the party-group meeting.</summary>
public sealed class PartyGroupDecisionEntry : Entity
{
    public Guid PartyGroupDecisionId { get; set; }

    public Guid ApplicationId { get; set; }
}
