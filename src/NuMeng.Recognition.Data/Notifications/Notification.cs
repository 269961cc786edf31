namespace NuMeng.Recognition.Data.Notifications;

/// <summary>A message to one user (e.g. "申报已退回修改"), with a link to the page concerned.</summary>
public sealed class Notification : Entity
{
    public Guid UserId { get; set; }

    public string Text { get; set; } = string.Empty;

    public string? Link { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
