namespace NuMeng.Recognition.Data.Auditing;

/// <summary>
/// How an audit entry is sealed. v1 (the first format): plain SHA-256 over public code, which anyone with database access
/// can recompute. v2: HMAC-SHA256 under <see cref="AuditKeys"/>, a key kept outside the database. v1 rows written
/// before the upgrade stay as they are and are accepted only up to the boundary recorded by the first checkpoint
/// (<see cref="AuditCheckpoint.LegacyThrough"/>). Changing either format breaks every existing chain: don't.
/// </summary>
public static class AuditHashing
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>
    /// The canonical content: a JSON array of the fields in a fixed order, each as a string (or null), so no separator can
    /// be forged by a field's value. The timestamp is ISO 8601 UTC with exactly six fractional digits.
    /// </summary>
    public static string CanonicalContent(AuditEntry entry) => CanonicalContent(entry, "v1");

    /// <summary>The canonical content of <paramref name="version"/> ("v1" or "v2": the tag is the first element).</summary>
    public static string CanonicalContent(AuditEntry entry, string version)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(version);
            writer.WriteStringValue(entry.Sequence.ToString(CultureInfo.InvariantCulture));
            writer.WriteStringValue(FormatAt(entry.At));
            writer.WriteStringValue(entry.ActorUserId?.ToString("D"));
            writer.WriteStringValue(entry.ActorDisplayName);
            writer.WriteStringValue(entry.ActorOrganisationId?.ToString("D"));
            writer.WriteStringValue(entry.ActorOrganisationName);
            writer.WriteStringValue(entry.Action);
            writer.WriteStringValue(entry.EntityType);
            writer.WriteStringValue(entry.EntityId);
            writer.WriteStringValue(entry.SummaryJson);
            writer.WriteStringValue(entry.PreviousHash);
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>v1 (legacy rows only): SHA-256 of the canonical content.</summary>
    public static string ComputeHash(AuditEntry entry) => Sha256Hex.Of(CanonicalContent(entry));

    /// <summary>v2: HMAC-SHA256 of the v2 canonical content under the key kept outside the database.</summary>
    public static string ComputeMac(AuditEntry entry, AuditKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Mac(CanonicalContent(entry, "v2"));
    }

    private static string FormatAt(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
