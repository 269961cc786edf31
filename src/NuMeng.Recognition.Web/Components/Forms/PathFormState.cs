namespace NuMeng.Recognition.Web.Components.Forms;

/// <summary>
/// Posted values and errors of a form whose fields are named by JSON path (ADR 0004), so a static SSR form re-renders
/// exactly what the user typed and shows each domain error beside its field.
/// </summary>
public sealed class PathFormState
{
    private readonly Dictionary<string, IReadOnlyList<string>> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public IReadOnlyList<InputError> Errors { get; private set; } = [];

    public IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> Values => _values;

    public void Load(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> values)
    {
        foreach (var (key, v) in values)
        {
            _values[key] = v;
        }
    }

    public void Set(string path, string value) => _values[path] = [value];

    public void SetErrors(IReadOnlyList<InputError> errors)
    {
        Errors = errors;
        _errors.Clear();
        foreach (var error in errors)
        {
            var key = NormalisePath(error.Field);
            if (!_errors.TryGetValue(key, out var list))
            {
                _errors[key] = list = [];
            }
            list.Add(error.Message);
        }
    }

    public string Value(string path) => _values.TryGetValue(path, out var v) && v.Count > 0 ? v[^1] : string.Empty;

    public bool IsChecked(string path, string value = "true") =>
        _values.TryGetValue(path, out var v) && v.Contains(value, StringComparer.Ordinal);

    /// <summary>Errors for a field; a list field (name ending in []) also collects its items' errors (tier.sceneCodes[2]).</summary>
    public IReadOnlyList<string> ErrorsFor(string path)
    {
        var key = NormalisePath(path);
        var result = new List<string>();
        foreach (var (field, messages) in _errors)
        {
            if (field == key || field.StartsWith(key + "[", StringComparison.Ordinal))
            {
                result.AddRange(messages);
            }
        }
        return result;
    }

    /// <summary>The element id of a field, so the error summary can link to it.</summary>
    public static string IdFor(string path) => "f-" + NormalisePath(path).Replace('.', '-').Replace('[', '-').Replace("]", string.Empty, StringComparison.Ordinal);

    private static string NormalisePath(string path) => path.EndsWith("[]", StringComparison.Ordinal) ? path[..^2] : path;
}
