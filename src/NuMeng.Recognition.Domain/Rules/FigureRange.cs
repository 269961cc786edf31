using System.Collections;
using System.Reflection;

namespace NuMeng.Recognition.Domain.Rules;

/// <summary>
/// The plausible range of every figure an enterprise enters (docs/precheck-format.md, “数值范围”): zero, or an absolute
/// value between <see cref="MinNonZero"/> and <see cref="Max"/>. Larger figures are typing slips or attacks and would
/// overflow <c>decimal</c> in the KPI formulas (7.9e25 t of steam × 1000 kg/t); smaller non-zero ones (1e-20 people) turn
/// a division into an overflow. Integers (counts) are bounded by their type: beyond it the reader answers 超出允许范围.
/// </summary>
public static class FigureRange
{
    /// <summary>Largest absolute value accepted: 1,000,000,000,000 (10¹²).</summary>
    public const decimal Max = 1_000_000_000_000m;

    /// <summary>Smallest non-zero absolute value accepted: 0.000001 (10⁻⁶).</summary>
    public const decimal MinNonZero = 0.000001m;

    /// <summary>The range in words, as the messages and the format reference say it.</summary>
    public const string Text = "绝对值不超过 1000000000000（10¹²），非零时不小于 0.000001（10⁻⁶）";

    /// <summary>Whether <paramref name="value"/> lies in the range.</summary>
    public static bool Contains(decimal value)
    {
        var magnitude = Math.Abs(value);
        return value == 0 || (magnitude >= MinNonZero && magnitude <= Max);
    }

    /// <summary>The Chinese message for a figure out of range, naming it by <paramref name="label"/>; null when in range.</summary>
    public static string? Problem(decimal value, string label) =>
        Contains(value) ? null : $"{label}超出允许范围：{Text}（现为 {Show(value)}）。";

    /// <summary>A figure as typed, in scientific notation when it is huge or tiny (7.9E+25, 1E-20).</summary>
    public static string Show(decimal value)
    {
        var magnitude = Math.Abs(value);
        return magnitude != 0 && (magnitude > Max || magnitude < MinNonZero)
            ? ((double)value).ToString("G6", System.Globalization.CultureInfo.InvariantCulture)
            : Numbers.Format(value);
    }

    /// <summary>
    /// Every <c>decimal</c> figure inside <paramref name="root"/> (records, lists) that is out of range, named by its JSON
    /// path under <paramref name="prefix"/>. The safety net behind the labelled checks of each input: whatever figure a
    /// future field adds is bounded too.
    /// </summary>
    public static IReadOnlyList<InputError> Check(object? root, string prefix)
    {
        var errors = new List<InputError>();
        Walk(root, prefix, errors, depth: 0);
        return errors;
    }

    private static void Walk(object? value, string path, List<InputError> errors, int depth)
    {
        if (value is null || depth > 8)
        {
            return;
        }
        if (value is decimal d)
        {
            if (!Contains(d))
            {
                errors.Add(new InputError(path, $"数值超出允许范围：{Text}（现为 {Show(d)}）。"));
            }
            return;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && value is not IEnumerable)
        {
            return;
        }
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Walk(item, $"{path}[{i++}]", errors, depth + 1);
            }
            return;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
            {
                continue;
            }
            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            Walk(property.GetValue(value), string.IsNullOrEmpty(path) ? name : $"{path}.{name}", errors, depth + 1);
        }
    }
}
