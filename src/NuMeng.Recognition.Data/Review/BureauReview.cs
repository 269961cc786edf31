namespace NuMeng.Recognition.Data.Review;

/// <summary>The bureau's decision on a submitted version (管理办法: 初审).</summary>
public enum BureauDecision
{
    /// <summary>退回修改.</summary>
    Return,
    /// <summary>不予推荐.</summary>
    Reject,
    /// <summary>推荐.</summary>
    Recommend,
}

/// <summary>
/// A league/city bureau's preliminary review (初审) of one submitted version: decision, per-item reasons, the opinion
/// (初审意见) signed by the bureau leader and its stamped scan (加盖公章). Locked once signed.
/// </summary>
public sealed class BureauReview : Entity, ILockableRow
{
    public Guid ApplicationId { get; set; }

    /// <summary>The version reviewed (decisions reference the version they were made on).</summary>
    public Guid ApplicationVersionId { get; set; }

    public Guid BureauOrganisationId { get; set; }

    public BureauDecision Decision { get; set; }

    /// <summary>Reasons per form item (what to fix, why rejected).</summary>
    public List<BureauReviewItemReason> ItemReasons { get; set; } = [];

    /// <summary>初审意见 text.</summary>
    public string OpinionText { get; set; } = string.Empty;

    /// <summary>Position in the bureau's recommendation list (1 = first), when recommended.</summary>
    public int? Ranking { get; set; }

    public Guid ReviewedByUserId { get; set; }

    /// <summary>The bureau leader who signed the opinion.</summary>
    public Guid? SignedByLeaderUserId { get; set; }

    /// <summary>When the leader signed; the review is locked from then on.</summary>
    public DateTimeOffset? SignedAt { get; set; }

    /// <summary>Scan of the stamped opinion.</summary>
    public Guid? StampedScanAttachmentId { get; set; }

    string ILockableRow.LockPropertyName => nameof(SignedAt);
}

/// <summary>A reason attached to one form item of a review.</summary>
public sealed class BureauReviewItemReason
{
    public string ItemKey { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;
}
