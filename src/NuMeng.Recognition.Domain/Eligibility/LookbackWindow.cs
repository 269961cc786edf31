namespace NuMeng.Recognition.Domain.Eligibility;

/// <summary>
/// "近三年" (管理办法 第六条（二）; 2025 基础要求 2) as an exact window of dates, both ends included.
/// </summary>
/// <remarks>
/// The window is the <see cref="Years"/> years that end with <see cref="Last"/> = today, today included. Counting a span
/// of N years backwards so that today is its last day, its first day is the day after the same calendar date N years
/// earlier — the mirror of <see cref="CertificateValidity.ValidUntil(DateOnly, int)"/> (a period that starts on day one
/// and ends on the day before the anniversary). With today = 2026年11月21日 the window is 2023年11月22日至2026年11月21日:
/// an incident on 2023年11月22日 is inside, one on 2023年11月21日 (exactly three years before today) is outside — three
/// full years have passed since it. When today is 29 February the earlier date is 28 February (month end, 民法典 第二百零二条),
/// so the window starts on 1 March.
/// </remarks>
/// <param name="First">The first day inside the window.</param>
/// <param name="Last">The last day inside the window (today).</param>
/// <param name="Years">The number of years.</param>
public sealed record LookbackWindow(DateOnly First, DateOnly Last, int Years)
{
    /// <summary>The <paramref name="years"/> years ending with <paramref name="today"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Years below 1.</exception>
    public static LookbackWindow Ending(DateOnly today, int years)
    {
        if (years < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(years), years, "回溯年限应至少为 1 年");
        }
        return new LookbackWindow(today.AddYears(-years).AddDays(1), today, years);
    }

    /// <summary>True when <paramref name="date"/> lies in the window (both ends included).</summary>
    public bool Contains(DateOnly date) => date >= First && date <= Last;

    /// <summary>"近三年（2023年11月22日至2026年11月21日）".</summary>
    public string Describe() => $"近{ChineseCount(Years)}年（{ChineseDates.FormatRange(First, Last)}）";

    public override string ToString() => Describe();

    internal static string ChineseCount(int n) => n switch
    {
        1 => "一",
        2 => "两",
        3 => "三",
        4 => "四",
        5 => "五",
        6 => "六",
        7 => "七",
        8 => "八",
        9 => "九",
        10 => "十",
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
