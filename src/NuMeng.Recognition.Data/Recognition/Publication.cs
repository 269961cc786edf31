namespace NuMeng.Recognition.Data.Recognition;

/// <summary>行文公布: the official document publishing a batch's recognised list. Public.</summary>
public sealed class Publication : Entity
{
    public Guid BatchId { get; set; }

    /// <summary>文号, e.g. 内工信数字字〔2026〕12号.</summary>
    public string DocumentNumber { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public DateOnly PublishedOn { get; set; }
}
