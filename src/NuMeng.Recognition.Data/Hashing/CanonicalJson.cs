using System.Text.Encodings.Web;

namespace NuMeng.Recognition.Data.Hashing;

/// <summary>
/// A canonical form of JSON for hashing (in the spirit of RFC 8785): object members sorted by name (ordinal, UTF-16),
/// no insignificant whitespace, numbers normalised (<c>1.50</c> and <c>1.5</c> are the same number), strings escaped
/// minimally. Two documents that mean the same data hash the same, whatever serializer or key order produced them.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        // Chinese text stays readable and, more importantly, stable: no \uXXXX for non-ASCII.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Returns the canonical text of <paramref name="json"/>; throws <see cref="JsonException"/> if it is not JSON.</summary>
    public static string Canonicalize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return Canonicalize(document.RootElement);
    }

    /// <summary>Returns the canonical text of an element.</summary>
    public static string Canonicalize(JsonElement element)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            Write(writer, element);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(NormaliseNumber(element), skipInputValidation: true);
                break;
            case JsonValueKind.True:
                writer.WriteBooleanValue(true);
                break;
            case JsonValueKind.False:
                writer.WriteBooleanValue(false);
                break;
            case JsonValueKind.Null:
                writer.WriteNullValue();
                break;
            default:
                throw new JsonException($"不支持的 JSON 值类型：{element.ValueKind}");
        }
    }

    private static string NormaliseNumber(JsonElement element)
    {
        // decimal keeps the scale of its input (1.50m prints "1.50"); the custom format drops trailing zeros.
        if (element.TryGetDecimal(out var d))
        {
            return d.ToString("0.############################", CultureInfo.InvariantCulture);
        }
        // Outside decimal's range: keep the exact source text (rare; measurements in this portal fit decimal).
        return element.GetRawText();
    }
}
