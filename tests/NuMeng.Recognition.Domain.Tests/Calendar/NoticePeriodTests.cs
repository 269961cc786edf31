using NuMeng.Recognition.Domain.Calendar;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Domain.Tests.Calendar;

/// <summary>
/// 民法典 第二百零一条: "开始的当日不计入，自下一日开始计算"; 第二百零三条: "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日".
/// 管理办法 第八条: "公示期 5 天".
/// </summary>
public class NoticePeriodTests
{
    private static readonly HolidayCalendar Calendar = HolidayCalendars.China2025And2026();

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Compute_WorkedExampleWorkingDays_EndsOn24September()
    {
        // HOLIDAYS.md: published Fri 2026-09-18; 9月20日 (Sunday) is a make-up working day → 20, 21, 22, 23, 24.
        var result = NoticePeriod.Compute(D("2026-09-18"), 5, PeriodUnit.WorkingDays, Calendar);

        Assert.Equal(D("2026-09-19"), result.Start);
        Assert.Equal([D("2026-09-20"), D("2026-09-21"), D("2026-09-22"), D("2026-09-23"), D("2026-09-24")], result.CountedDays);
        Assert.Equal(D("2026-09-24"), result.End);
        Assert.False(result.Extended);
        Assert.True(result.IsReliable);
        Assert.Contains("9月20日为调休上班日", result.Explanation, StringComparison.Ordinal);
        Assert.Contains("9月19日为休息日不计入", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_WorkedExampleCalendarDays_MovesPastSpringFestival()
    {
        // HOLIDAYS.md: published Fri 2026-02-13; days 14 … 18; the 18th is in 春节 (15–23) → ends 2026-02-24.
        var result = NoticePeriod.Compute(D("2026-02-13"), 5, PeriodUnit.CalendarDays, Calendar);

        Assert.Equal(D("2026-02-14"), result.Start);
        Assert.Equal([D("2026-02-14"), D("2026-02-15"), D("2026-02-16"), D("2026-02-17"), D("2026-02-18")], result.CountedDays);
        Assert.Equal(D("2026-02-18"), result.NominalEnd);
        Assert.Equal(D("2026-02-24"), result.End);
        Assert.True(result.Extended);
        Assert.Equal(
            "公示期5天（按自然日计算），2026年2月13日（星期五）发布，发布当日不计入，自次日2026年2月14日起算（民法典第二百零一条）；"
            + "第5日为2026年2月18日（星期三，春节假期），为法定休假日，依民法典第二百零三条顺延至休假日结束的次日2026年2月24日（星期二）。"
            + "公示期至2026年2月24日二十四时届满。",
            result.Explanation);
        Assert.Equal("2026年2月14日至2026年2月24日", result.Range);
    }

    // Calendar days, ordinary weeks of 2026 (no holiday near).
    [Theory]
    [InlineData("2026-03-08", "2026-03-13", "2026-03-13")]   // Sun → Mon … Fri: ends on a working day
    [InlineData("2026-03-02", "2026-03-07", "2026-03-09")]   // Mon → Tue … Sat: Saturday moves to Monday
    [InlineData("2026-03-03", "2026-03-08", "2026-03-09")]   // Tue → Wed … Sun: Sunday moves to Monday
    [InlineData("2026-03-04", "2026-03-09", "2026-03-09")]   // Wed → Thu … Mon
    [InlineData("2026-02-23", "2026-02-28", "2026-02-28")]   // ends on Sat 2月28日, a make-up working day: no move
    [InlineData("2026-09-26", "2026-10-01", "2026-10-08")]   // ends on 国庆 1 Oct → first working day 8 Oct
    [InlineData("2025-12-27", "2026-01-01", "2026-01-04")]   // ends on 元旦 (1–3 Jan off) → Sun 4 Jan, a make-up working day
    public void Compute_CalendarDays_EndMovesOnlyOffRestDays(string published, string nominalEnd, string end)
    {
        var result = NoticePeriod.Compute(D(published), 5, PeriodUnit.CalendarDays, Calendar);

        Assert.Equal(D(nominalEnd), result.NominalEnd);
        Assert.Equal(D(end), result.End);
        Assert.Equal(5, result.CountedDays.Count);
    }

    // Working days, ordinary cases.
    [Theory]
    [InlineData("2026-03-02", 5, "2026-03-09")]   // Mon → Tue, Wed, Thu, Fri, Mon
    [InlineData("2026-03-06", 5, "2026-03-13")]   // Fri → next Mon … Fri
    [InlineData("2026-03-06", 1, "2026-03-09")]   // one working day after a Friday is Monday
    [InlineData("2026-09-28", 5, "2026-10-10")]   // 29, 30 Sept, then 国庆 1–7 off, 8, 9, and Sat 10 Oct (make-up)
    [InlineData("2026-02-13", 5, "2026-02-27")]   // Sat 14 (make-up), then 春节 15–23, 24, 25, 26, 27
    public void Compute_WorkingDays_CountsOnlyWorkingDays(string published, int length, string end)
    {
        var result = NoticePeriod.Compute(D(published), length, PeriodUnit.WorkingDays, Calendar);

        Assert.Equal(D(end), result.End);
        Assert.Equal(length, result.CountedDays.Count);
        Assert.All(result.CountedDays, d => Assert.True(Calendar.IsWorkingDay(d)));
        Assert.False(result.Extended);
    }

    [Fact]
    public void Compute_WithRuleSet_UsesItsLengthAndUnit()
    {
        var rules = new ProcedureRules(5, PeriodUnit.CalendarDays, new Clause("管理办法", "第八条", "公示期 5 天"), 5,
            new Clause("管理办法", "第十二条", "授牌有效期为五年"), 3);

        Assert.Equal(D("2026-02-24"), NoticePeriod.Compute(D("2026-02-13"), rules, Calendar).End);
    }

    [Fact]
    public void Compute_SpanIntoUnenteredYear_Warns()
    {
        // 2026-12-28 + 5 calendar days = 2027-01-02 (Saturday) → Monday 4 Jan 2027; the 2027 notice is not entered.
        var result = NoticePeriod.Compute(D("2026-12-28"), 5, PeriodUnit.CalendarDays, Calendar);

        Assert.Equal(D("2027-01-04"), result.End);
        Assert.False(result.IsReliable);
        Assert.Equal("2027年的节假日安排尚未录入日历，本期间仅按周六、周日计算休息日，须核对后使用", Assert.Single(result.Warnings));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Compute_LengthBelowOne_Throws(int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NoticePeriod.Compute(D("2026-03-02"), length, PeriodUnit.CalendarDays, Calendar));
    }

    [Theory]
    [InlineData("2026-02-13", false)]   // publication day: not part of the period
    [InlineData("2026-02-14", true)]
    [InlineData("2026-02-24", true)]    // last day, until 24:00
    [InlineData("2026-02-25", false)]
    public void Contains_PeriodRunsFromTheDayAfterPublicationToEnd(string date, bool inside)
    {
        var result = NoticePeriod.Compute(D("2026-02-13"), 5, PeriodUnit.CalendarDays, Calendar);

        Assert.Equal(inside, result.Contains(D(date)));
        Assert.Equal(date == "2026-02-25", result.HasEnded(D(date)));
    }
}
