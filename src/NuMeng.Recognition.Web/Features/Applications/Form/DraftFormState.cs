using System.Text.Json.Nodes;

namespace NuMeng.Recognition.Web.Features.Applications.Form;

/// <summary>
/// What the interactive application form holds: the text of every field by JSON path (as the pre-check form posts it,
/// ADR 0004), turned into <see cref="ApplicationContent"/> by the same reader (<see cref="JsonInput.FromForm(IEnumerable{KeyValuePair{string, IReadOnlyList{string}}}, Type?, out IReadOnlyList{InputError}, ISet{string}?)"/>),
/// and the errors shown beside the fields. Evidence and replies are not typed into fields: they are kept as they are.
/// </summary>
public sealed class DraftFormState
{
    private readonly Dictionary<string, IReadOnlyList<string>> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>Raised after a field changed (the page re-evaluates and schedules an autosave).</summary>
    public event Action<string>? Changed;

    /// <summary>Evidence as last saved (item key → attachment ids).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Guid>> Evidence { get; set; } = new Dictionary<string, IReadOnlyList<Guid>>();

    /// <summary>Replies to the open return, by reason index.</summary>
    public IReadOnlyList<ReturnReply> Replies { get; set; } = [];

    /// <summary>Values malformed for their type (e.g. letters in a number), by field.</summary>
    public IReadOnlyList<InputError> FormatErrors { get; private set; } = [];

    public static DraftFormState From(ApplicationContent content)
    {
        var state = new DraftFormState { Evidence = content.Evidence, Replies = content.Replies };
        var node = JsonNode.Parse(content.ToJson())!.AsObject();
        node.Remove("evidence");
        node.Remove("replies");
        Flatten(node, string.Empty, state._values);
        return state;
    }

    /// <summary>The content the fields describe; values that are malformed are left out and reported in <see cref="FormatErrors"/>.</summary>
    public ApplicationContent ToContent()
    {
        var json = JsonInput.FromForm(_values, typeof(ApplicationContent), out var formatErrors);
        var content = ApplicationContent.Read(json, out var readErrors) ?? ApplicationContent.Empty;
        FormatErrors = [.. formatErrors, .. readErrors];
        return content with { Evidence = Evidence, Replies = Replies };
    }

    public string Value(string path) => _values.TryGetValue(path, out var v) && v.Count > 0 ? v[^1] : string.Empty;

    public bool IsChecked(string path, string value = "true") => _values.TryGetValue(path, out var v) && v.Contains(value, StringComparer.Ordinal);

    public int CountOf(string listPath) => _values.TryGetValue(listPath, out var v) ? v.Count : 0;

    public void Set(string path, string? value)
    {
        _values[path] = [value ?? string.Empty];
        Changed?.Invoke(path);
    }

    /// <summary>Adds or removes <paramref name="value"/> of a list field (path ending in []).</summary>
    public void Toggle(string listPath, string value, bool on)
    {
        var list = _values.TryGetValue(listPath, out var v) ? v.ToList() : [];
        list.Remove(value);
        if (on)
        {
            list.Add(value);
        }
        _values[listPath] = list;
        Changed?.Invoke(listPath);
    }

    /// <summary>The reply to one reason of the open return (kept in <see cref="Replies"/>, saved with the draft).</summary>
    public void SetReply(Guid reviewId, string itemKey, string reason, string? text)
    {
        Replies = [.. Replies.Where(r => !(r.ReviewId == reviewId && r.ItemKey == itemKey && r.Reason == reason)), new ReturnReply(reviewId, itemKey, reason, text)];
        Changed?.Invoke("replies");
    }

    /// <summary>The reply given so far to one reason.</summary>
    public string ReplyTo(Guid reviewId, string itemKey, string reason) =>
        Replies.FirstOrDefault(r => r.ReviewId == reviewId && r.ItemKey == itemKey && r.Reason == reason)?.Reply ?? string.Empty;

    public void SetErrors(IEnumerable<InputError> errors)
    {
        _errors.Clear();
        foreach (var error in errors)
        {
            var key = Normalise(error.Field);
            if (!_errors.TryGetValue(key, out var list))
            {
                _errors[key] = list = [];
            }
            if (!list.Contains(error.Message))
            {
                list.Add(error.Message);
            }
        }
    }

    /// <summary>Errors of a field; a list field also collects its items' (tier.sceneCodes[2]).</summary>
    public IReadOnlyList<string> ErrorsFor(string path)
    {
        var key = Normalise(path);
        return _errors.Where(e => e.Key == key || e.Key.StartsWith(key + "[", StringComparison.Ordinal)).SelectMany(e => e.Value).ToList();
    }

    /// <summary>Element id of a field (the problem list links to it).</summary>
    public static string IdFor(string path) => "af-" + Normalise(path).Replace('.', '-').Replace('[', '-').Replace("]", string.Empty, StringComparison.Ordinal);

    private static string Normalise(string path) => path.EndsWith("[]", StringComparison.Ordinal) ? path[..^2] : path;

    private static void Flatten(JsonNode? node, string path, Dictionary<string, IReadOnlyList<string>> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Flatten(child, path.Length == 0 ? name : $"{path}.{name}", into);
                }
                break;
            case JsonArray array when array.All(x => x is JsonValue):
                into[path + "[]"] = array.Select(x => Text((JsonValue)x!)).ToList();
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Flatten(array[i], $"{path}[{i}]", into);
                }
                break;
            case JsonValue value:
                into[path] = [Text(value)];
                break;
        }
    }

    private static string Text(JsonValue value) => value.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
        System.Text.Json.JsonValueKind.True => "true",
        System.Text.Json.JsonValueKind.False => "false",
        System.Text.Json.JsonValueKind.Number => value.GetValue<decimal>().ToString(CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };
}
