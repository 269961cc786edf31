using System.Globalization;
using System.Text;
using System.Text.Json;
using NuMeng.Recognition.Data.Hashing;

namespace NuMeng.Recognition.Data.Auditing;

/// <summary>How an audit entry is hashed. Changing this breaks every existing chain: don't.</summary>
public static class AuditHashing
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>
    /// The canonical content: a JSON array of the fields in a fixed order, each as a string (or null), so no separator can
    /// be forged by a field's value. The timestamp is ISO 8601 UTC with exactly six fractional digits.
    /// </summary>
    public static string CanonicalContent(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            writer.WriteStringValue("v1");
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

    /// <summary>SHA-256 of the canonical content.</summary>
    public static string ComputeHash(AuditEntry entry) => Sha256Hex.Of(CanonicalContent(entry));

    private static string FormatAt(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
