namespace NuMeng.Recognition.Domain.Calendar;

/// <summary>
/// Seed calendars. The department maintains the calendar (each year's notice appears in November of the year before);
/// these are the 2025 and 2026 notices of the State Council General Office (国务院办公厅关于 2025 / 2026 年部分节假日安排的通知),
/// every row of HOLIDAYS.md.
/// </summary>
public static class HolidayCalendars
{
    /// <summary>2025 and 2026 (the 2027 notice was not yet available).</summary>
    public static HolidayCalendar China2025And2026() => HolidayCalendar.FromEntries(China2025And2026Entries());

    /// <summary>The entries behind <see cref="China2025And2026"/>, so the department's tool can start from them.</summary>
    public static IReadOnlyList<HolidayEntry> China2025And2026Entries()
    {
        var entries = new List<HolidayEntry>();

        // 2025
        Off(entries, "元旦", new(2025, 1, 1), new(2025, 1, 1));
        Off(entries, "春节", new(2025, 1, 28), new(2025, 2, 4));
        MakeUp(entries, "春节", new DateOnly(2025, 1, 26), new DateOnly(2025, 2, 8));
        Off(entries, "清明节", new(2025, 4, 4), new(2025, 4, 6));
        Off(entries, "劳动节", new(2025, 5, 1), new(2025, 5, 5));
        MakeUp(entries, "劳动节", new DateOnly(2025, 4, 27));
        Off(entries, "端午节", new(2025, 5, 31), new(2025, 6, 2));
        Off(entries, "国庆节、中秋节", new(2025, 10, 1), new(2025, 10, 8));
        MakeUp(entries, "国庆节、中秋节", new DateOnly(2025, 9, 28), new DateOnly(2025, 10, 11));

        // 2026
        Off(entries, "元旦", new(2026, 1, 1), new(2026, 1, 3));
        MakeUp(entries, "元旦", new DateOnly(2026, 1, 4));
        Off(entries, "春节", new(2026, 2, 15), new(2026, 2, 23));
        MakeUp(entries, "春节", new DateOnly(2026, 2, 14), new DateOnly(2026, 2, 28));
        Off(entries, "清明节", new(2026, 4, 4), new(2026, 4, 6));
        Off(entries, "劳动节", new(2026, 5, 1), new(2026, 5, 5));
        MakeUp(entries, "劳动节", new DateOnly(2026, 5, 9));
        Off(entries, "端午节", new(2026, 6, 19), new(2026, 6, 21));
        Off(entries, "中秋节", new(2026, 9, 25), new(2026, 9, 27));
        Off(entries, "国庆节", new(2026, 10, 1), new(2026, 10, 7));
        MakeUp(entries, "国庆节", new DateOnly(2026, 9, 20), new DateOnly(2026, 10, 10));

        return entries.AsReadOnly();
    }

    private static void Off(List<HolidayEntry> entries, string name, DateOnly first, DateOnly last)
    {
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            entries.Add(HolidayEntry.DayOff(d, name));
        }
    }

    private static void MakeUp(List<HolidayEntry> entries, string name, params ReadOnlySpan<DateOnly> days)
    {
        foreach (var d in days)
        {
            entries.Add(HolidayEntry.MakeUp(d, name));
        }
    }
}
