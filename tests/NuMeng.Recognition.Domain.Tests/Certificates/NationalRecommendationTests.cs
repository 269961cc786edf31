using System.Globalization;
using NuMeng.Recognition.Domain.Certificates;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Domain.Tests.Certificates;

/// <summary>
/// 管理办法 第十一条 "推荐申报‘国家智能制造示范工厂’的企业须通过自治区智能工厂认定"; tiers climbed in order (先进级 → 卓越级 → 领航级,
/// the upper two by the ministry on the province's recommendation).
/// </summary>
public class NationalRecommendationTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly DateOnly InForce = new(2030, 7, 19);

    [Theory]
    [InlineData(RecognitionKind.DigitalWorkshop, "")]                                         // a workshop is no factory
    [InlineData(RecognitionKind.SmartFactory, "NationalDemonstrationFactory")]
    [InlineData(RecognitionKind.TierBasic, "")]                                               // self-assessed entry tier
    [InlineData(RecognitionKind.TierAdvanced, "NationalDemonstrationFactory,TierExcellent")]  // province recommends up to 卓越级
    [InlineData(RecognitionKind.TierExcellent, "NationalDemonstrationFactory,TierLeading")]   // and from 卓越级 to 领航级
    [InlineData(RecognitionKind.TierLeading, "NationalDemonstrationFactory")]                // top tier: nothing above
    public void Evaluate_ValidCertificateOfKind_Targets(RecognitionKind kind, string expected)
    {
        var targets = NationalRecommendation.Evaluate(kind, revoked: false, InForce, Today).Select(e => e.Target.ToString());
        Assert.Equal(expected, string.Join(",", targets));
    }

    [Theory]
    [InlineData(false, "2026-11-21", 1)]   // last valid day: still held
    [InlineData(false, "2026-11-20", 0)]   // expired the day before
    [InlineData(true, "2030-07-19", 0)]    // revoked (第十条)
    public void Evaluate_SmartFactoryNotInForce_NotEligible(bool revoked, string validUntil, int expected)
    {
        var result = NationalRecommendation.Evaluate(RecognitionKind.SmartFactory, revoked, DateOnly.Parse(validUntil, CultureInfo.InvariantCulture), Today);
        Assert.Equal(expected, result.Count);
        Assert.All(result, r => Assert.Equal("第十一条", r.Clause.Article));
    }
}
