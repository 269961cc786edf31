namespace NuMeng.Recognition.Data.Review;

/// <summary>
/// An expert's score sheet for one assignment: points and a comment per rubric item. Hidden from other experts until
/// submitted (docs/rule-reference.md §10); locked once <see cref="SubmittedAt"/> is set.
/// </summary>
public sealed class ExpertScore : Entity, ILockableRow
{
    public Guid AssignmentId { get; set; }

    /// <summary>Points per rubric item (the rubric belongs to the batch's rule set).</summary>
    public List<ExpertScoreItem> Items { get; set; } = [];

    public decimal TotalPoints { get; set; }

    public string? OverallComment { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    string ILockableRow.LockPropertyName => nameof(SubmittedAt);
}

/// <summary>Points given for one rubric item.</summary>
public sealed class ExpertScoreItem
{
    /// <summary><see cref="Domain.Rules.RubricItem.Code"/>.</summary>
    public string RubricItemCode { get; set; } = string.Empty;

    public decimal Points { get; set; }

    public string? Comment { get; set; }
}
