namespace NuMeng.Recognition.Domain.Versions;

/// <summary>How a field changed between two versions of an application.</summary>
public enum ChangeKind
{
    /// <summary>新增.</summary>
    Added,
    /// <summary>删除.</summary>
    Removed,
    /// <summary>修改.</summary>
    Changed,
}

/// <summary>One changed field, by JSON path (technical.digitalEquipment, tier.sceneCodes), with its old and new text.</summary>
public sealed record FieldChange(string Path, ChangeKind Kind, string? Before, string? After)
{
    public string KindLabel => Kind switch
    {
        ChangeKind.Added => "新增",
        ChangeKind.Removed => "删除",
        _ => "修改",
    };
}

/// <summary>
/// The differences between two submitted versions' content (their frozen JSON), so a reviewer sees what a resubmission
/// changed. Objects are compared field by field; arrays of scalars (scene codes, MES modules) as sets, shown as one field;
/// arrays of objects (cost lines, incidents) item by item.
/// </summary>
public static class ContentDiff
{
    public static IReadOnlyList<FieldChange> Compare(string? beforeJson, string? afterJson)
    {
        var before = Parse(beforeJson);
        var after = Parse(afterJson);
        var changes = new List<FieldChange>();
        Walk(string.Empty, before, after, changes);
        return changes;
    }

    private static JsonNode? Parse(string? json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });

    private static void Walk(string path, JsonNode? before, JsonNode? after, List<FieldChange> changes)
    {
        // A section or list of objects that appeared or disappeared is compared with an empty one, so every leaf is named.
        if (before is null && IsContainer(after))
        {
            before = Empty(after);
        }
        if (after is null && IsContainer(before))
        {
            after = Empty(before);
        }
        if (before is JsonObject a && after is JsonObject b)
        {
            foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).OrderBy(k => k, StringComparer.Ordinal))
            {
                Walk(Join(path, key), a[key], b[key], changes);
            }
            return;
        }
        if (before is JsonArray x && after is JsonArray y && (IsContainer(x) || IsContainer(y)))
        {
            for (var i = 0; i < Math.Max(x.Count, y.Count); i++)
            {
                Walk($"{path}[{i}]", i < x.Count ? x[i] : null, i < y.Count ? y[i] : null, changes);
            }
            return;
        }
        var beforeText = Text(before);
        var afterText = Text(after);
        if (beforeText != afterText)
        {
            var kind = beforeText is null ? ChangeKind.Added : afterText is null ? ChangeKind.Removed : ChangeKind.Changed;
            changes.Add(new FieldChange(path.Length == 0 ? "$" : path, kind, beforeText, afterText));
        }
    }

    /// <summary>An object, or an array holding objects (compared item by item); scalar arrays are compared as one set.</summary>
    private static bool IsContainer(JsonNode? node) => node is JsonObject || node is JsonArray array && !IsScalarArray(array);

    private static JsonNode Empty(JsonNode? shapeOf) => shapeOf is JsonArray ? new JsonArray() : new JsonObject();

    private static bool IsScalarArray(JsonArray array) => array.All(n => n is null or JsonValue);

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>Scalars as their text; scalar arrays as a sorted set ("S01、S08"); null and empty as absent.</summary>
    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonArray array when IsScalarArray(array) => array.Count == 0
            ? null
            : string.Join("、", array.Select(Text).Where(t => t is not null).Order(StringComparer.Ordinal)),
        JsonValue value when value.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s) ? null : s,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag ? "是" : "否",
        JsonValue value => value.ToJsonString(),
        _ => node.ToJsonString(),
    };
}
