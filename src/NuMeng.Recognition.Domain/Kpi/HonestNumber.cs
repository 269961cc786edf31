namespace NuMeng.Recognition.Domain.Kpi;

/// <summary>
/// Formats a figure that is judged against a bar so that the shown figure never contradicts the verdict:
/// 59.995% is judged below a "≥ 60%" bar, so it is shown as 59.995%, never as a rounded 60.00%.
/// </summary>
internal static class HonestNumber
{
    public static string Format(decimal value, int decimals, Func<decimal, bool> test)
    {
        var truth = test(value);
        var places = decimals;
        while (places < 12 && test(Numbers.Round(value, places)) != truth)
        {
            places++;
        }
        return Numbers.Round(value, places).ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>A percentage against a threshold, e.g. "70.00%".</summary>
    public static string Percent(decimal value, int decimals, Threshold threshold) =>
        Format(value, decimals, threshold.IsMetBy) + "%";
}
