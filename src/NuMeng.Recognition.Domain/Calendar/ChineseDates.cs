namespace NuMeng.Recognition.Domain.Calendar;

/// <summary>Dates written the way Chinese official documents write them: 2026年9月20日（星期日）.</summary>
public static class ChineseDates
{
    /// <summary>2024年3月5日 (no leading zeros).</summary>
    public static string Format(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>9月20日 (month and day only, for lists inside one year).</summary>
    public static string FormatMonthDay(DateOnly date) => $"{date.Month}月{date.Day}日";

    /// <summary>星期一 … 星期日.</summary>
    public static string Weekday(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "星期一",
        DayOfWeek.Tuesday => "星期二",
        DayOfWeek.Wednesday => "星期三",
        DayOfWeek.Thursday => "星期四",
        DayOfWeek.Friday => "星期五",
        DayOfWeek.Saturday => "星期六",
        DayOfWeek.Sunday => "星期日",
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, "未知的星期"),
    };

    /// <summary>2026年9月20日（星期日）.</summary>
    public static string FormatWithWeekday(DateOnly date) => $"{Format(date)}（{Weekday(date.DayOfWeek)}）";

    /// <summary>2023年11月22日至2026年11月21日.</summary>
    public static string FormatRange(DateOnly first, DateOnly last) => $"{Format(first)}至{Format(last)}";
}
