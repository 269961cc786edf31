using System.Globalization;
using NuMeng.Recognition.Domain.Certificates;

namespace NuMeng.Recognition.Domain.Tests.Certificates;

/// <summary>The 6-month expiring window ("以内" includes the bound: 民法典 第一千二百五十九条) and the standing of a certificate.</summary>
public class CertificateStandingTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2030-05-21", "2029-11-21", true)]    // exactly six months away: inside (bound included)
    [InlineData("2030-05-22", "2029-11-21", false)]   // one day beyond
    [InlineData("2030-05-20", "2029-11-21", true)]    // one day inside
    [InlineData("2029-11-21", "2029-11-21", true)]    // last valid day is today
    [InlineData("2029-11-20", "2029-11-21", false)]   // already expired: not "expiring"
    [InlineData("2031-07-19", "2026-11-21", false)]   // the demo's certificates, far away
    public void IsExpiring_ValidUntilAndToday_WithinSixMonthsInclusive(string validUntil, string today, bool expected)
    {
        Assert.Equal(expected, CertificateStanding.IsExpiring(D(validUntil), D(today)));
    }

    [Theory]
    [InlineData(false, "2030-07-19", "2026-11-21", CertificateStandingKind.Valid)]
    [InlineData(false, "2027-05-21", "2026-11-21", CertificateStandingKind.ExpiringSoon)]
    [InlineData(false, "2026-11-21", "2026-11-21", CertificateStandingKind.ExpiringSoon)]   // last day still valid
    [InlineData(false, "2026-11-20", "2026-11-21", CertificateStandingKind.Expired)]         // from the day after
    [InlineData(true, "2030-07-19", "2026-11-21", CertificateStandingKind.Revoked)]          // revocation wins
    [InlineData(true, "2026-11-20", "2026-11-21", CertificateStandingKind.Revoked)]
    public void Of_RevokedValidUntilToday_Standing(bool revoked, string validUntil, string today, CertificateStandingKind expected)
    {
        Assert.Equal(expected, CertificateStanding.Of(revoked, D(validUntil), D(today)));
    }
}
