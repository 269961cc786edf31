using NuMeng.Recognition.Domain.Calendar;
using NuMeng.Recognition.Domain.Objections;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Domain.Tests.Objections;

/// <summary>
/// The objection window: from the publication day through the computed end of the notice period, inclusive.
/// 民法典 第二百零一条: "开始的当日不计入，自下一日开始计算"; 第二百零三条: "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。
/// 期间的最后一日的截止时间为二十四时。"
/// </summary>
public class ObjectionWindowTests
{
    private static readonly HolidayCalendar Calendar = HolidayCalendars.China2025And2026();

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // HOLIDAYS.md: 5 calendar days from Friday 2026-02-13 end on the 18th, inside 春节 → first day after: 2026-02-24.
    [InlineData("2026-02-13", 5, PeriodUnit.CalendarDays, "2026-02-12", ObjectionWindowStatus.NotYetOpen)]
    [InlineData("2026-02-13", 5, PeriodUnit.CalendarDays, "2026-02-13", ObjectionWindowStatus.Open)]   // publication day
    [InlineData("2026-02-13", 5, PeriodUnit.CalendarDays, "2026-02-18", ObjectionWindowStatus.Open)]   // nominal 5th day
    [InlineData("2026-02-13", 5, PeriodUnit.CalendarDays, "2026-02-24", ObjectionWindowStatus.Open)]   // extended last day
    [InlineData("2026-02-13", 5, PeriodUnit.CalendarDays, "2026-02-25", ObjectionWindowStatus.Closed)] // the day after
    // HOLIDAYS.md: 5 working days from Friday 2026-09-18 (9月20日 a make-up working day) end 2026-09-24.
    [InlineData("2026-09-18", 5, PeriodUnit.WorkingDays, "2026-09-24", ObjectionWindowStatus.Open)]
    [InlineData("2026-09-18", 5, PeriodUnit.WorkingDays, "2026-09-25", ObjectionWindowStatus.Closed)]
    // An ordinary week: published Monday 2026-11-16, 5 calendar days → Saturday 21st is a rest day → Monday 23rd.
    [InlineData("2026-11-16", 5, PeriodUnit.CalendarDays, "2026-11-23", ObjectionWindowStatus.Open)]
    [InlineData("2026-11-16", 5, PeriodUnit.CalendarDays, "2026-11-24", ObjectionWindowStatus.Closed)]
    public void StatusOn_Day_InclusiveWindow(string published, int length, PeriodUnit unit, string today, ObjectionWindowStatus expected)
    {
        var window = ObjectionWindow.For(D(published), length, unit, Calendar);
        Assert.Equal(expected, window.StatusOn(D(today)));
        Assert.Equal(expected == ObjectionWindowStatus.Open, window.IsOpenOn(D(today)));
    }

    [Fact]
    public void OpenDays_SpringFestival_ExactlyTheDaysFrom13To24()
    {
        var window = ObjectionWindow.For(D("2026-02-13"), 5, PeriodUnit.CalendarDays, Calendar);
        var days = window.OpenDays();
        Assert.Equal(D("2026-02-13"), days[0]);
        Assert.Equal(D("2026-02-24"), days[^1]);
        Assert.Equal(12, days.Count);
        Assert.Contains("2026年2月13日（公示发布当日）起至2026年2月24日二十四时止", window.Describe(), StringComparison.Ordinal);
        Assert.Contains("第二百零三条", window.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-02-25", "公示期已于2026年2月24日二十四时届满，不再受理异议")]
    [InlineData("2026-02-12", "该公示尚未发布，2026年2月13日起方可提出异议")]
    public void RefusalOn_OutsideWindow_ChineseMessage(string today, string expected)
    {
        var window = ObjectionWindow.For(D("2026-02-13"), 5, PeriodUnit.CalendarDays, Calendar);
        Assert.Contains(expected, window.RefusalOn(D(today)), StringComparison.Ordinal);
        Assert.Null(window.RefusalOn(D("2026-02-24")));
    }
}
