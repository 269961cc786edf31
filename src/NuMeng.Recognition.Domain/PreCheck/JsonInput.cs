using System.Collections;
using System.Reflection;

namespace NuMeng.Recognition.Domain.PreCheck;

/// <summary>
/// Reads the pre-check JSON format (also what the web form posts, through <see cref="FromForm"/>), turning every
/// malformed value into an <see cref="InputError"/> that names the field in Chinese — never an exception.
/// </summary>
public static class JsonInput
{
    /// <summary>camelCase names, enums by name, numbers also accepted as strings (a form posts strings).</summary>
    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            WriteIndented = true,
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            // Chinese text stays readable in responses and files instead of \uXXXX escapes.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Deserialises <paramref name="json"/> into <typeparamref name="T"/>; on failure returns null and one Chinese error naming the field.</summary>
    public static T? Read<T>(string? json, out IReadOnlyList<InputError> errors)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            errors = [new InputError("$", "请求内容为空：请提交一个 JSON 对象。")];
            return null;
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, Options);
            if (value is null)
            {
                errors = [new InputError("$", "请求内容应为一个 JSON 对象，而不是 null。")];
                return null;
            }
            errors = [];
            return value;
        }
        catch (JsonException ex)
        {
            errors = [Translate<T>(ex, json)];
            return null;
        }
    }

    /// <summary>Serialises with the same options (used for responses and for frozen application content).</summary>
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static InputError Translate<T>(JsonException ex, string json)
    {
        var field = ToFieldPath(ex.Path);
        if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal) || ex.Message.Contains("unmapped", StringComparison.OrdinalIgnoreCase))
        {
            return new InputError(field, "不认识的字段：请对照接口说明（docs/precheck-format.md）检查字段名，字段名采用 camelCase 写法。");
        }
        if (ex.Path is null || ex.LineNumber is null)
        {
            return new InputError("$", "JSON 格式不正确，无法解析。");
        }
        var expected = ExpectedTypeAt(typeof(T), field);
        if (expected is null)
        {
            return new InputError(field, $"值的格式不正确（第 {ex.LineNumber + 1} 行）。");
        }
        if (RawValueAt(json, ex.Path) is { } raw && RangeProblem(raw, expected) is { } range)
        {
            return new InputError(field, range);
        }
        return new InputError(field, $"值的格式不正确：应为{Describe(expected)}。");
    }

    /// <summary>
    /// "超出允许范围" for a well-formed number too large for the field's type (an integer beyond int, a figure beyond
    /// decimal); null when <paramref name="text"/> is no such number (then the value is malformed, not too large).
    /// </summary>
    private static string? RangeProblem(string text, Type expected)
    {
        var t = Nullable.GetUnderlyingType(expected) ?? expected;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (!double.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.Float, invariant, out var number)
            || !double.IsFinite(number))
        {
            return null;
        }
        if (t == typeof(int) && number == Math.Floor(number) && (number > int.MaxValue || number < int.MinValue))
        {
            return $"超出允许范围：应为 {int.MinValue} 至 {int.MaxValue} 之间的整数（现为 {text}）。";
        }
        if (t == typeof(decimal) && Math.Abs(number) >= (double)decimal.MaxValue)
        {
            return $"超出允许范围：{FigureRange.Text}（现为 {text}）。";
        }
        return null;
    }

    /// <summary>The number or text at <paramref name="path"/> ("$.technical.equipmentTotal", "$.kpi.lines[0].before"), as written.</summary>
    private static string? RawValueAt(string json, string? path)
    {
        if (string.IsNullOrEmpty(path) || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException)
        {
            return null;
        }
        foreach (var segment in path[2..].Split('.'))
        {
            var (name, index) = ParseSegment(segment);
            var obj = node as JsonObject;
            node = obj?.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
            if (index is { } i)
            {
                node = node is JsonArray array && i < array.Count ? array[i] : null;
            }
        }
        return node is JsonValue value && value.GetValueKind() is JsonValueKind.Number or JsonValueKind.String
            ? value.ToJsonString().Trim('"')
            : null;
    }

    /// <summary>"$.technical.digitalEquipment" → "technical.digitalEquipment"; "$.tier.sceneCodes[2]" kept with index.</summary>
    private static string ToFieldPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "$";
        }
        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static Type? ExpectedTypeAt(Type root, string field)
    {
        var type = root;
        foreach (var rawSegment in field.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = rawSegment;
            var indexed = segment.IndexOf('[', StringComparison.Ordinal);
            if (indexed >= 0)
            {
                segment = segment[..indexed];
            }
            var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .FirstOrDefault(p => string.Equals(p.Name, segment, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                return null;
            }
            type = property.PropertyType;
            if (indexed >= 0)
            {
                type = ElementType(type) ?? type;
            }
        }
        return type;
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        var enumerable = type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private static string Describe(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(decimal) || t == typeof(double) || t == typeof(float))
        {
            return "数字（如 60 或 60.5）";
        }
        if (t == typeof(int) || t == typeof(long) || t == typeof(short))
        {
            return "整数";
        }
        if (t == typeof(bool))
        {
            return "是否值 true 或 false";
        }
        if (t == typeof(DateOnly) || t == typeof(DateTime))
        {
            return "日期，格式 yyyy-MM-dd（如 2026-11-21）";
        }
        if (t.IsEnum)
        {
            var names = Enum.GetNames(t).Select(n => char.ToLowerInvariant(n[0]) + n[1..]);
            return "下列值之一：" + string.Join("、", names);
        }
        if (t == typeof(string))
        {
            return "文本";
        }
        if (t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t))
        {
            return "列表（JSON 数组）";
        }
        return "对象（JSON 对象）";
    }

    /// <summary>
    /// Turns posted form fields named by their JSON path (technical.digitalEquipment, technical.mesModules[],
    /// kpi.operatingCost.lines[0].name) into the same JSON the API accepts, so the page and the API share one reader.
    /// Empty values are left out; "true"/"false" become booleans; everything else stays text (numbers are read from text).
    /// </summary>
    public static string FromForm(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> fields, ISet<string>? ignore = null) =>
        FromForm(fields, target: null, out _, ignore);

    /// <summary>
    /// As <see cref="FromForm(IEnumerable{KeyValuePair{string, IReadOnlyList{string}}}, ISet{string}?)"/>, and with a target
    /// type also checks every posted number against the field's type, so a form with several malformed numbers gets
    /// every error at once (the JSON reader stops at the first). Malformed values are left out of the JSON.
    /// </summary>
    public static string FromForm(
        IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> fields,
        Type? target,
        out IReadOnlyList<InputError> formatErrors,
        ISet<string>? ignore = null)
    {
        var errors = new List<InputError>();
        formatErrors = errors;
        var root = new JsonObject();
        foreach (var (key, values) in fields)
        {
            if (ignore?.Contains(key) == true || key.StartsWith("__", StringComparison.Ordinal) || key.StartsWith('_'))
            {
                continue;
            }
            var isList = key.EndsWith("[]", StringComparison.Ordinal);
            var path = isList ? key[..^2] : key;
            var nonEmpty = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
            if (nonEmpty.Count == 0 && !isList)
            {
                continue;
            }
            if (!isList && target is not null && ExpectedTypeAt(target, path) is { } expected)
            {
                if (Normalise(nonEmpty[^1], expected) is not { } normalised)
                {
                    var text = nonEmpty[^1].Replace('，', ',').Replace('．', '.');
                    errors.Add(new InputError(path, RangeProblem(text, expected) is { } range
                        ? $"“{nonEmpty[^1]}”{range}"
                        : $"“{nonEmpty[^1]}”的格式不正确：应为{Describe(expected)}。"));
                    continue;
                }
                nonEmpty[^1] = normalised;
            }
            JsonNode node = isList
                ? new JsonArray(nonEmpty.Select(ToNode).ToArray())
                : ToNode(nonEmpty[^1])!;
            Set(root, path, node);
        }
        return root.ToJsonString();
    }

    /// <summary>The value in the form the JSON reader takes ("1,852.5" → "1852.5"), or null when it is not of the type.</summary>
    private static string? Normalise(string value, Type expected)
    {
        var t = Nullable.GetUnderlyingType(expected) ?? expected;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var text = value.Replace('，', ',').Replace('．', '.').Trim();
        if (t == typeof(decimal))
        {
            return decimal.TryParse(text, System.Globalization.NumberStyles.Number | System.Globalization.NumberStyles.AllowExponent, invariant, out var d) ? d.ToString(invariant) : null;
        }
        if (t == typeof(int))
        {
            return int.TryParse(text, System.Globalization.NumberStyles.Integer | System.Globalization.NumberStyles.AllowThousands, invariant, out var i) ? i.ToString(invariant) : null;
        }
        if (t == typeof(DateOnly))
        {
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", invariant, System.Globalization.DateTimeStyles.None, out _) ? text : null;
        }
        return value;
    }

    private static JsonNode? ToNode(string value) => value switch
    {
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ => JsonValue.Create(value),
    };

    private static void Set(JsonObject root, string path, JsonNode value)
    {
        JsonNode current = root;
        var segments = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var (name, index) = ParseSegment(segments[i]);
            var last = i == segments.Length - 1;
            var obj = (JsonObject)current;
            if (index is null)
            {
                if (last)
                {
                    obj[name] = value;
                    return;
                }
                current = obj[name] as JsonObject ?? (JsonObject)(obj[name] = new JsonObject());
                continue;
            }
            var array = obj[name] as JsonArray ?? (JsonArray)(obj[name] = new JsonArray());
            while (array.Count <= index.Value)
            {
                array.Add(new JsonObject());
            }
            if (last)
            {
                array[index.Value] = value;
                return;
            }
            current = array[index.Value] as JsonObject ?? (JsonObject)(array[index.Value] = new JsonObject());
        }
    }

    private static (string Name, int? Index) ParseSegment(string segment)
    {
        var open = segment.IndexOf('[', StringComparison.Ordinal);
        if (open < 0 || !segment.EndsWith(']'))
        {
            return (segment, null);
        }
        return int.TryParse(segment[(open + 1)..^1], out var index) && index is >= 0 and < 1000
            ? (segment[..open], index)
            : (segment, null);
    }
}
