namespace NuMeng.Recognition.Web.Infrastructure.Attachments;

/// <summary>
/// Configuration section <c>Attachments</c>. Files live outside the web root (issue 3 "Attachments (stored outside the
/// web root under generated names, size and content type checked, SHA-256 recorded)").
/// </summary>
public sealed class AttachmentOptions
{
    public const string SectionName = "Attachments";

    /// <summary>Default upload limit: 20 MB.</summary>
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <summary>
    /// Folder of the stored files; a relative path is taken from the content root (never from wwwroot). Several
    /// instances share one folder (ARCHITECTURE "Scaling past one machine").
    /// </summary>
    public string Root { get; set; } = Path.Combine("App_Data", "attachments");

    /// <summary>Largest file accepted, in bytes.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;
}
