namespace NuMeng.Recognition.Data.Applications;

/// <summary>
/// An immutable submitted version of an application: the form data and the list of attachments as they were at
/// submission, with a SHA-256 hash over a canonical form (docs/architecture.md principle 6; docs/rule-reference.md §9 "What was submitted is
/// frozen": the stamped paper copy must match, and the hash is printed on every PDF made from it).
/// A return for revision creates a new version; reviews and scores reference the version they were made on.
/// </summary>
public sealed class ApplicationVersion : IImmutableRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ApplicationId { get; set; }

    /// <summary>1, 2, … within the application.</summary>
    public int Number { get; set; }

    /// <summary>The form data, stored in canonical JSON (so the hash can be recomputed from the column alone).</summary>
    public string ContentJson { get; set; } = "{}";

    /// <summary><see cref="ComputeHash"/> of content and attachments, 64 hex characters.</summary>
    public string ContentHash { get; set; } = string.Empty;

    public DateTimeOffset SubmittedAt { get; set; }

    public Guid SubmittedByUserId { get; set; }

    /// <summary>The attachments frozen with this version.</summary>
    public List<ApplicationVersionAttachment> Attachments { get; set; } = [];

    /// <summary>
    /// Freezes a version: canonicalises the content, copies the attachments' identities and computes the hash.
    /// </summary>
    public static ApplicationVersion Freeze(
        Guid applicationId,
        int number,
        string contentJson,
        IEnumerable<Attachment> attachments,
        DateTimeOffset submittedAt,
        Guid submittedByUserId)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        var version = new ApplicationVersion
        {
            ApplicationId = applicationId,
            Number = number,
            ContentJson = CanonicalJson.Canonicalize(contentJson),
            SubmittedAt = submittedAt,
            SubmittedByUserId = submittedByUserId,
        };
        version.Attachments = attachments
            .OrderBy(a => a.ItemKey, StringComparer.Ordinal)
            .ThenBy(a => a.Sha256, StringComparer.Ordinal)
            .Select(a => new ApplicationVersionAttachment
            {
                ApplicationVersionId = version.Id,
                AttachmentId = a.Id,
                ItemKey = a.ItemKey,
                OriginalFileName = a.OriginalFileName,
                SizeBytes = a.SizeBytes,
                Sha256 = a.Sha256,
            })
            .ToList();
        version.ContentHash = version.ComputeHash();
        return version;
    }

    /// <summary>
    /// SHA-256 over the canonical JSON of <c>{"attachments":[{fileName,itemKey,sha256,size}…],"content":…,"number":n}</c>
    /// with attachments ordered by item key then file hash. Recomputing it and comparing with <see cref="ContentHash"/>
    /// proves the stored version is what was submitted.
    /// </summary>
    public string ComputeHash()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("attachments");
            foreach (var a in Attachments
                .OrderBy(a => a.ItemKey, StringComparer.Ordinal)
                .ThenBy(a => a.Sha256, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("fileName", a.OriginalFileName);
                writer.WriteString("itemKey", a.ItemKey);
                writer.WriteString("sha256", a.Sha256);
                writer.WriteNumber("size", a.SizeBytes);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WritePropertyName("content");
            writer.WriteRawValue(ContentJson);
            writer.WriteNumber("number", Number);
            writer.WriteEndObject();
        }
        return Sha256Hex.Of(CanonicalJson.Canonicalize(System.Text.Encoding.UTF8.GetString(stream.ToArray())));
    }
}

/// <summary>One attachment as frozen in a version (immutable; copies the identity so a later change is detectable).</summary>
public sealed class ApplicationVersionAttachment : IImmutableRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ApplicationVersionId { get; set; }

    public Guid AttachmentId { get; set; }

    public string ItemKey { get; set; } = string.Empty;

    public string OriginalFileName { get; set; } = string.Empty;

    public long SizeBytes { get; set; }

    public string Sha256 { get; set; } = string.Empty;
}
