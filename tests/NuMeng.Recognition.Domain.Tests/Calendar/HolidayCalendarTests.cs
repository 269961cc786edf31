using NuMeng.Recognition.Domain.Calendar;

namespace NuMeng.Recognition.Domain.Tests.Calendar;

public class HolidayCalendarTests
{
    private static readonly HolidayCalendar Seed = HolidayCalendars.China2025And2026();

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    // HOLIDAYS.md, every row: holiday, first and last day off, number of days off.
    [Theory]
    [InlineData("元旦", "2025-01-01", "2025-01-01", 1)]
    [InlineData("春节", "2025-01-28", "2025-02-04", 8)]
    [InlineData("清明节", "2025-04-04", "2025-04-06", 3)]
    [InlineData("劳动节", "2025-05-01", "2025-05-05", 5)]
    [InlineData("端午节", "2025-05-31", "2025-06-02", 3)]
    [InlineData("国庆节、中秋节", "2025-10-01", "2025-10-08", 8)]
    [InlineData("元旦", "2026-01-01", "2026-01-03", 3)]
    [InlineData("春节", "2026-02-15", "2026-02-23", 9)]
    [InlineData("清明节", "2026-04-04", "2026-04-06", 3)]
    [InlineData("劳动节", "2026-05-01", "2026-05-05", 5)]
    [InlineData("端午节", "2026-06-19", "2026-06-21", 3)]
    [InlineData("中秋节", "2026-09-25", "2026-09-27", 3)]
    [InlineData("国庆节", "2026-10-01", "2026-10-07", 7)]
    public void Seed_HolidayRows_AreRestDaysWithTheirName(string name, string first, string last, int days)
    {
        var from = D(first);
        var to = D(last);
        var entries = Seed.Entries.Where(e => e.Kind == HolidayEntryKind.DayOff && e.Name == name && e.Date.Year == from.Year).ToList();

        Assert.Equal(days, entries.Count);
        Assert.Equal(from, entries.Min(e => e.Date));
        Assert.Equal(to, entries.Max(e => e.Date));
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            Assert.True(Seed.IsHoliday(d), d.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(Seed.IsRestDay(d));
            Assert.False(Seed.IsWorkingDay(d));
        }
        Assert.False(Seed.IsHoliday(from.AddDays(-1)));
        Assert.False(Seed.IsHoliday(to.AddDays(1)));
    }

    // HOLIDAYS.md: make-up working days (调休上班), each on a weekend.
    [Theory]
    [InlineData("2025-01-26", DayOfWeek.Sunday)]
    [InlineData("2025-02-08", DayOfWeek.Saturday)]
    [InlineData("2025-04-27", DayOfWeek.Sunday)]
    [InlineData("2025-09-28", DayOfWeek.Sunday)]
    [InlineData("2025-10-11", DayOfWeek.Saturday)]
    [InlineData("2026-01-04", DayOfWeek.Sunday)]
    [InlineData("2026-02-14", DayOfWeek.Saturday)]
    [InlineData("2026-02-28", DayOfWeek.Saturday)]
    [InlineData("2026-05-09", DayOfWeek.Saturday)]
    [InlineData("2026-09-20", DayOfWeek.Sunday)]
    [InlineData("2026-10-10", DayOfWeek.Saturday)]
    public void Seed_MakeUpWorkingDays_AreWeekendWorkingDays(string date, DayOfWeek weekday)
    {
        var d = D(date);

        Assert.Equal(weekday, d.DayOfWeek);
        Assert.True(Seed.IsMakeUpWorkingDay(d));
        Assert.True(Seed.IsWorkingDay(d));
        Assert.False(Seed.IsRestDay(d));
    }

    [Fact]
    public void Seed_HasExactlyTheRowsOfTheNotices()
    {
        // 2025: 1+8+3+5+3+8 = 28 days off, 5 make-up days; 2026: 3+9+3+5+3+3+7 = 33 days off, 6 make-up days.
        Assert.Equal(28 + 33, Seed.Entries.Count(e => e.Kind == HolidayEntryKind.DayOff));
        Assert.Equal(5 + 6, Seed.Entries.Count(e => e.Kind == HolidayEntryKind.MakeUpWorkingDay));
    }

    [Theory]
    [InlineData("2026-03-10", true)]    // an ordinary Tuesday
    [InlineData("2026-03-14", false)]   // an ordinary Saturday
    [InlineData("2026-03-15", false)]   // an ordinary Sunday
    [InlineData("2025-10-04", false)]   // Saturday inside 国庆: a rest day either way
    [InlineData("2026-02-24", true)]    // first working day after 春节
    public void IsWorkingDay_OrdinaryDays(string date, bool working)
    {
        Assert.Equal(working, Seed.IsWorkingDay(D(date)));
        Assert.Equal(!working, Seed.IsRestDay(D(date)));
    }

    [Theory]
    [InlineData(2024, false)]
    [InlineData(2025, true)]
    [InlineData(2026, true)]
    [InlineData(2027, false)]   // the 2027 notice was not yet available
    public void Covers_OnlyEnteredYears(int year, bool covered)
    {
        Assert.Equal(covered, Seed.Covers(year));
    }

    [Fact]
    public void WeekendsOnly_CoversNothingButKnowsWeekends()
    {
        Assert.False(HolidayCalendar.WeekendsOnly.Covers(2026));
        Assert.True(HolidayCalendar.WeekendsOnly.IsWorkingDay(D("2026-10-01")));   // unknown holiday: a Thursday
        Assert.True(HolidayCalendar.WeekendsOnly.IsRestDay(D("2026-10-03")));
    }

    [Fact]
    public void FromEntries_DepartmentData_BuildsACalendar()
    {
        var calendar = HolidayCalendar.FromEntries(
        [
            HolidayEntry.DayOff(D("2027-01-01"), "元旦"),
            HolidayEntry.MakeUp(D("2027-01-02"), "元旦"),   // a Saturday
        ]);

        Assert.True(calendar.Covers(2027));
        Assert.True(calendar.IsRestDay(D("2027-01-01")));
        Assert.True(calendar.IsWorkingDay(D("2027-01-02")));
    }

    [Fact]
    public void Validate_BadEntries_NameEachProblem()
    {
        var errors = HolidayCalendar.Validate(
        [
            HolidayEntry.DayOff(D("2027-01-01"), "元旦"),
            HolidayEntry.DayOff(D("2027-01-01"), "元旦"),      // duplicate
            HolidayEntry.MakeUp(D("2027-01-04"), "元旦"),      // a Monday: already a working day
            HolidayEntry.DayOff(D("2027-02-06"), " "),         // no name
        ]);

        Assert.Equal(["entries[1].date", "entries[2].date", "entries[3].name"], errors.Select(e => e.Field));
        Assert.Equal("2027年1月1日已在第 1 条录入，不能重复", errors[0].Message);
        Assert.Equal("调休上班日应为星期六或星期日，2027年1月4日（星期一）本就是工作日", errors[1].Message);
    }

    [Fact]
    public void FromEntries_BadEntries_Throw()
    {
        var ex = Assert.Throws<ArgumentException>(() => HolidayCalendar.FromEntries([HolidayEntry.MakeUp(D("2027-01-04"), "元旦")]));
        Assert.Contains("调休上班日应为星期六或星期日", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-02-18", "2026年2月18日（星期三，春节假期）")]
    [InlineData("2026-09-20", "2026年9月20日（星期日，调休上班）")]
    [InlineData("2026-03-14", "2026年3月14日（星期六，休息日）")]
    [InlineData("2026-03-10", "2026年3月10日（星期二）")]
    public void Describe_SaysWhatKindOfDay(string date, string expected)
    {
        Assert.Equal(expected, Seed.Describe(D(date)));
    }
}
