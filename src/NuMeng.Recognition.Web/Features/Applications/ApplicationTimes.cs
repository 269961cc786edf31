namespace NuMeng.Recognition.Web.Features.Applications;

/// <summary>Moments shown in Beijing time (UTC+8, no daylight saving), dates as yyyy年M月d日.</summary>
public static class ApplicationTimes
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>2026年11月21日 10:05.</summary>
    public static string DateTime(DateTimeOffset at)
    {
        var local = at.ToOffset(Beijing);
        return $"{ChineseDates.Format(DateOnly.FromDateTime(local.DateTime))} {local:HH:mm}";
    }

    /// <summary>10:05:32 (the autosave status).</summary>
    public static string Time(DateTimeOffset at) => at.ToOffset(Beijing).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => ChineseDates.Format(date);
}
