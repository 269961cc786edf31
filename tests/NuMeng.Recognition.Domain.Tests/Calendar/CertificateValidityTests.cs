using NuMeng.Recognition.Domain.Calendar;

namespace NuMeng.Recognition.Domain.Tests.Calendar;

/// <summary>管理办法 第十二条: "授牌有效期为五年，有效期自授牌之日起计算" — the award day is day one.</summary>
public class CertificateValidityTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-03-10", 5, "2031-03-09")]   // the day before the fifth anniversary
    [InlineData("2026-01-01", 5, "2030-12-31")]
    [InlineData("2024-02-28", 5, "2029-02-27")]
    [InlineData("2024-02-29", 5, "2029-02-28")]   // 29 Feb award: five years have run on 1 Mar 2029
    [InlineData("2024-03-01", 5, "2029-02-28")]
    [InlineData("2027-03-01", 5, "2032-02-29")]   // into a leap February: no day lost
    [InlineData("2024-02-29", 4, "2028-02-28")]   // the anniversary exists in a leap year
    [InlineData("2026-03-10", 1, "2027-03-09")]
    public void ValidUntil_AwardDayIsDayOne(string award, int years, string until)
    {
        Assert.Equal(D(until), CertificateValidity.ValidUntil(D(award), years));
    }

    [Fact]
    public void ValidUntil_LaterAwardNeverEndsEarlier()
    {
        var previous = DateOnly.MinValue;
        for (var award = D("2023-12-01"); award <= D("2029-03-31"); award = award.AddDays(1))
        {
            var until = CertificateValidity.ValidUntil(award, 5);
            Assert.True(until >= previous, award.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            Assert.InRange(until.DayNumber - award.DayNumber + 1, (365 * 5) + 1, (365 * 5) + 2);   // five years with one or two leap days
            previous = until;
        }
    }

    [Theory]
    [InlineData("2031-03-08", false)]
    [InlineData("2031-03-09", false)]   // the last day is valid until 24:00
    [InlineData("2031-03-10", true)]
    public void IsExpired_FromTheDayAfterTheLastDay(string today, bool expired)
    {
        Assert.Equal(expired, CertificateValidity.IsExpired(D("2031-03-09"), D(today)));
    }

    // "三个月以内" includes the bound (民法典 第一千二百五十九条).
    [Theory]
    [InlineData("2030-12-08", false)]   // 3 months + 1 day before
    [InlineData("2030-12-09", true)]    // exactly 3 months before
    [InlineData("2031-03-09", true)]    // the last day
    [InlineData("2031-03-10", false)]   // expired: no longer "expiring"
    public void ExpiresWithin_ThreeMonths(string today, bool expected)
    {
        Assert.Equal(expected, CertificateValidity.ExpiresWithin(D("2031-03-09"), D(today), 3));
    }

    [Fact]
    public void InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CertificateValidity.ValidUntil(D("2026-03-10"), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CertificateValidity.ExpiresWithin(D("2031-03-09"), D("2030-01-01"), -1));
    }

    [Fact]
    public void Describe_DatesTheTerm()
    {
        Assert.Equal("有效期自2026年3月10日至2031年3月9日", CertificateValidity.Describe(D("2026-03-10"), D("2031-03-09")));
        Assert.Equal("第十二条", CertificateValidity.Clause.Article);
    }
}
