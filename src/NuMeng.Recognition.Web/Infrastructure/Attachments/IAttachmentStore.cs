namespace NuMeng.Recognition.Web.Infrastructure.Attachments;

/// <summary>
/// Where the bytes of attachments live (metadata stays in the database: <c>Data.Applications.Attachment</c>). One interface
/// so a shared file system path or an S3-compatible store can serve several instances (README "Deploy").
/// </summary>
public interface IAttachmentStore
{
    /// <summary>
    /// Checks an upload (PDF, JPEG or PNG, judged by its first bytes and its extension; not empty; at most
    /// <see cref="AttachmentOptions.MaxBytes"/>) and stores it under a generated name. Nothing is stored when a check
    /// fails: the result carries the Chinese reasons, the field being <paramref name="field"/>.
    /// </summary>
    Task<AttachmentSaveResult> SaveAsync(Stream content, string originalFileName, string field, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a stored file for reading after checking that its SHA-256 (and size) still match what was recorded on
    /// upload. Throws <see cref="AttachmentUnavailableException"/> when the file is missing or altered.
    /// </summary>
    Task<Stream> OpenReadAsync(StoredFileReference file, CancellationToken cancellationToken = default);
}

/// <summary>What the database recorded about a stored file: enough to find it and to verify it.</summary>
public sealed record StoredFileReference(string StoredName, long SizeBytes, string Sha256);

/// <summary>A file that passed the checks and was stored; copy these values into the attachment row.</summary>
public sealed record StoredFile(string StoredName, string OriginalFileName, string ContentType, long SizeBytes, string Sha256);

/// <summary>The outcome of <see cref="IAttachmentStore.SaveAsync"/>: a stored file, or the reasons why not.</summary>
public sealed record AttachmentSaveResult(StoredFile? File, IReadOnlyList<InputError> Errors)
{
    public bool Succeeded => File is not null && Errors.Count == 0;

    public static AttachmentSaveResult Stored(StoredFile file) => new(file, []);

    public static AttachmentSaveResult Refused(params InputError[] errors) => new(null, errors);
}

/// <summary>Why a stored file cannot be served.</summary>
public enum AttachmentFault
{
    /// <summary>The file is not in the store.</summary>
    Missing,
    /// <summary>The bytes no longer match the SHA-256 recorded on upload.</summary>
    Altered,
}

/// <summary>A stored file that is missing or no longer matches its recorded hash; the message is Chinese.</summary>
public sealed class AttachmentUnavailableException : Exception
{
    public AttachmentUnavailableException(string storedName, AttachmentFault fault)
        : base(fault == AttachmentFault.Missing
            ? $"附件文件不存在（{storedName}），请联系系统管理员。"
            : $"附件文件校验失败（{storedName} 的 SHA-256 与上传时记录的不一致），已拒绝提供，请联系系统管理员。")
    {
        StoredName = storedName;
        Fault = fault;
    }

    public AttachmentUnavailableException()
    {
        StoredName = string.Empty;
    }

    public AttachmentUnavailableException(string message)
        : base(message)
    {
        StoredName = string.Empty;
    }

    public AttachmentUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        StoredName = string.Empty;
    }

    public string StoredName { get; }

    public AttachmentFault Fault { get; }
}
