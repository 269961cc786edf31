namespace NuMeng.Recognition.Data.Applications;

/// <summary>
/// Metadata of an uploaded file. The bytes are stored outside the web root under <see cref="StoredName"/> (a generated
/// name, never the user's), their size and content type checked on upload and their SHA-256 recorded.
/// </summary>
public sealed class Attachment : Entity
{
    /// <summary>The organisation that uploaded it (an enterprise, or a bureau for its stamped opinion scan).</summary>
    public Guid OwnerOrganisationId { get; set; }

    /// <summary>The application it belongs to, if any.</summary>
    public Guid? ApplicationId { get; set; }

    /// <summary>Which evidence item of the form it supports (e.g. "technical.equipmentList", "bureau.stampedOpinion").</summary>
    public string ItemKey { get; set; } = string.Empty;

    public string OriginalFileName { get; set; } = string.Empty;

    /// <summary>Generated storage name (e.g. a Guid plus the checked extension).</summary>
    public string StoredName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long SizeBytes { get; set; }

    /// <summary>SHA-256 of the bytes, 64 hex characters.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; set; }

    public Guid UploadedByUserId { get; set; }

    /// <summary>Removed from the draft (the file is kept while a frozen version refers to it).</summary>
    public DateTimeOffset? RemovedAt { get; set; }
}
