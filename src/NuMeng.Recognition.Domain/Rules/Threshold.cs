namespace NuMeng.Recognition.Domain.Rules;

/// <summary>How an actual value is compared with a bar.</summary>
/// <remarks>
/// 民法典 第一千二百五十九条: 以上、以下、以内、届满 include the number itself; 不满、超过、以外 do not.
/// So "达 60%以上", "不少于 2 个", "二级及以上" are all <see cref="AtLeast"/>.
/// </remarks>
public enum Comparison
{
    /// <summary>≥ (以上, 不少于, 达到, 及以上).</summary>
    AtLeast,
    /// <summary>≤ (以下, 以内, 不超过).</summary>
    AtMost,
    /// <summary>&gt; (超过, 高于).</summary>
    GreaterThan,
    /// <summary>&lt; (不满, 低于).</summary>
    LessThan,
}

/// <summary>A numeric bar with its comparison and unit, e.g. ≥ 60 %.</summary>
/// <param name="Value">The bar. Percentages are held in percent (60 means 60 %).</param>
public sealed record Threshold(decimal Value, Comparison Comparison, string Unit = "%")
{
    public static Threshold AtLeast(decimal value, string unit = "%") => new(value, Comparison.AtLeast, unit);

    public bool IsMetBy(decimal actual) => Comparison switch
    {
        Comparison.AtLeast => actual >= Value,
        Comparison.AtMost => actual <= Value,
        Comparison.GreaterThan => actual > Value,
        Comparison.LessThan => actual < Value,
        _ => throw new InvalidOperationException($"未知的比较方式：{Comparison}"),
    };

    /// <summary>The bar in words, e.g. "≥ 60%（含本数）".</summary>
    public string Describe()
    {
        var sign = Comparison switch
        {
            Comparison.AtLeast => "≥",
            Comparison.AtMost => "≤",
            Comparison.GreaterThan => ">",
            _ => "<",
        };
        var inclusive = Comparison is Comparison.AtLeast or Comparison.AtMost ? "（含本数）" : "（不含本数）";
        return $"{sign} {Numbers.Format(Value)}{Unit}{inclusive}";
    }

    public override string ToString() => Describe();
}

/// <summary>Formatting and rounding of decimal figures, in one place.</summary>
public static class Numbers
{
    /// <summary>Formats without trailing zeros and without thousands separators, invariant culture (60, 27.72, 0.5).</summary>
    public static string Format(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>Formats a percentage rounded to the given decimals, e.g. 27.72%.</summary>
    public static string Percent(decimal percent, int decimals = 2) =>
        Math.Round(percent, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";

    /// <summary>Rounds half away from zero (四舍五入), the rounding Chinese official documents use.</summary>
    public static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
