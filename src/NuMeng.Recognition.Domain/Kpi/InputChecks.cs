namespace NuMeng.Recognition.Domain.Kpi;

/// <summary>Collects <see cref="InputError"/>s under a camelCase field prefix; shared by the KPI and technical inputs.</summary>
internal sealed class InputChecks(string prefix)
{
    private readonly List<InputError> _errors = [];

    public IReadOnlyList<InputError> Errors => _errors;

    public string Path(string field) => string.IsNullOrEmpty(prefix) ? field : $"{prefix}.{field}";

    public void Add(string field, string message) => _errors.Add(new InputError(Path(field), message));

    public void AddRange(IEnumerable<InputError> errors) => _errors.AddRange(errors);

    /// <summary>Has any error been recorded for this field (or a field inside it)?</summary>
    public bool Has(string field)
    {
        var path = Path(field);
        return _errors.Exists(e => e.Field == path || e.Field.StartsWith(path + ".", StringComparison.Ordinal)
            || e.Field.StartsWith(path + "[", StringComparison.Ordinal));
    }

    /// <summary>A value that must be given and may not be negative.</summary>
    public void NonNegative(decimal? value, string field, string label)
    {
        if (value is null)
        {
            Add(field, $"请填写{label}。");
        }
        else if (FigureRange.Problem(value.Value, label) is { } range)
        {
            Add(field, range);
        }
        else if (value < 0)
        {
            Add(field, $"{label}不能为负数（现为 {Numbers.Format(value.Value)}）。");
        }
    }

    /// <summary>A value that must be given and be greater than zero because something is divided by it.</summary>
    public void Divisor(decimal? value, string field, string label, string dividedFor)
    {
        if (value is null)
        {
            Add(field, $"请填写{label}。");
        }
        else if (FigureRange.Problem(value.Value, label) is { } range)
        {
            Add(field, range);
        }
        else if (value <= 0)
        {
            Add(field, $"{label}必须大于 0（现为 {Numbers.Format(value.Value)}）：计算{dividedFor}时要除以它。");
        }
    }

    /// <summary>A value that must be given and be greater than zero.</summary>
    public void Positive(decimal? value, string field, string label)
    {
        if (value is null)
        {
            Add(field, $"请填写{label}。");
        }
        else if (FigureRange.Problem(value.Value, label) is { } range)
        {
            Add(field, range);
        }
        else if (value <= 0)
        {
            Add(field, $"{label}必须大于 0（现为 {Numbers.Format(value.Value)}）。");
        }
    }

    /// <summary>A percentage that must be given and lie between 0 and 100.</summary>
    public void Percent(decimal? value, string field, string label)
    {
        if (value is null)
        {
            Add(field, $"请填写{label}。");
        }
        else if (FigureRange.Problem(value.Value, label) is { } range)
        {
            Add(field, range);
        }
        else if (value < 0 || value > 100)
        {
            Add(field, $"{label}应在 0 至 100 之间（单位为 %，现为 {Numbers.Format(value.Value)}）。");
        }
    }

    /// <summary>An optional figure (a declared result, a cost line) that must lie in <see cref="FigureRange"/> when given.</summary>
    public void InRange(decimal? value, string field, string label)
    {
        if (value is { } v && FigureRange.Problem(v, label) is { } range)
        {
            Add(field, range);
        }
    }

    /// <summary>
    /// The safety net: every figure inside <paramref name="input"/> out of <see cref="FigureRange"/> that no labelled
    /// check has reported yet.
    /// </summary>
    public void Ranges(object input)
    {
        foreach (var error in FigureRange.Check(input, prefix))
        {
            if (!_errors.Exists(e => e.Field == error.Field))
            {
                _errors.Add(error);
            }
        }
    }

    /// <summary>A part that may not exceed its whole, e.g. 数字化装备数量 ≤ 生产装备总数.</summary>
    public void NotAbove(decimal? part, decimal? whole, string field, string label, string wholeLabel)
    {
        if (part is { } p && whole is { } w && p > w)
        {
            Add(field, $"{label}不能大于{wholeLabel}（{Numbers.Format(w)}）。");
        }
    }
}
