using NuMeng.Recognition.Domain.Eligibility;

namespace NuMeng.Recognition.Domain.Tests.Eligibility;

public class LookbackWindowTests
{
    // 近三年: the three years that end with today, today included; it starts the day after the same date three years before.
    [Theory]
    [InlineData("2026-11-21", 3, "2023-11-22")]
    [InlineData("2026-01-01", 3, "2023-01-02")]
    [InlineData("2028-02-29", 3, "2025-03-01")]   // today 29 Feb: three years earlier is 28 Feb (month end), so 1 Mar
    [InlineData("2027-02-28", 3, "2024-02-29")]   // the window may start on a 29 Feb
    [InlineData("2027-03-01", 3, "2024-03-02")]
    [InlineData("2026-11-21", 1, "2025-11-22")]
    public void Ending_StartsTheDayAfterTheSameDateYearsBefore(string today, int years, string first)
    {
        var window = LookbackWindow.Ending(Parse(today), years);

        Assert.Equal(Parse(first), window.First);
        Assert.Equal(Parse(today), window.Last);
    }

    [Theory]
    [InlineData("2023-11-21", false)]
    [InlineData("2023-11-22", true)]
    [InlineData("2026-11-21", true)]
    [InlineData("2026-11-22", false)]
    public void Contains_BothEndsIncluded(string date, bool expected)
    {
        Assert.Equal(expected, LookbackWindow.Ending(new DateOnly(2026, 11, 21), 3).Contains(Parse(date)));
    }

    [Fact]
    public void Describe_StatesTheWindow()
    {
        Assert.Equal("近三年（2023年11月22日至2026年11月21日）", LookbackWindow.Ending(new DateOnly(2026, 11, 21), 3).Describe());
    }

    [Fact]
    public void Ending_ZeroYears_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LookbackWindow.Ending(new DateOnly(2026, 11, 21), 0));
    }

    private static DateOnly Parse(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
