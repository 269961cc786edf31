namespace NuMeng.Recognition.Web.Infrastructure.Attachments;

/// <summary>
/// Configuration section <c>Attachments</c>. Files live outside the web root.
/// </summary>
public sealed class AttachmentOptions
{
    public const string SectionName = "Attachments";

    /// <summary>Default upload limit: 20 MB.</summary>
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <summary>
    /// Folder of the stored files; a relative path is taken from the content root (never from wwwroot). Several
    /// instances share one folder (README "Deploy").
    /// </summary>
    public string Root { get; set; } = Path.Combine("App_Data", "attachments");

    /// <summary>Largest file accepted, in bytes.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;
}
