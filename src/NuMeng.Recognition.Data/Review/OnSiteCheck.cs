namespace NuMeng.Recognition.Data.Review;

/// <summary>
/// 现场核查: the panel's on-site verification of an application; each tier's per-segment descriptions are the checklist
/// (docs/rule-reference.md §8). Locked once submitted.
/// </summary>
public sealed class OnSiteCheck : Entity, ILockableRow
{
    public Guid ApplicationId { get; set; }

    public Guid? ApplicationVersionId { get; set; }

    public string PanelName { get; set; } = string.Empty;

    public DateOnly CheckedOn { get; set; }

    /// <summary>The panel leader who signs the result.</summary>
    public Guid? LeaderExpertId { get; set; }

    public List<OnSiteCheckItem> Items { get; set; } = [];

    /// <summary>核查结论.</summary>
    public string Conclusion { get; set; } = string.Empty;

    public bool? Passed { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    string ILockableRow.LockPropertyName => nameof(SubmittedAt);
}

/// <summary>One checklist item confirmed (or not) on site.</summary>
public sealed class OnSiteCheckItem
{
    public string ItemKey { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public bool Confirmed { get; set; }

    public string? Note { get; set; }
}
