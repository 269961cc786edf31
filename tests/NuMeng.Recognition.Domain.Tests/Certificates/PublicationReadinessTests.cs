using NuMeng.Recognition.Domain.Certificates;

namespace NuMeng.Recognition.Domain.Tests.Certificates;

/// <summary>管理办法 第八条: "公示期 5 天，无异议后行文公布" — after the computed last day, and every objection decided.</summary>
public class PublicationReadinessTests
{
    private static readonly DateOnly EndsOn = new(2026, 11, 26);

    [Theory]
    [InlineData("2026-11-25", false)]   // inside the period
    [InlineData("2026-11-26", false)]   // the last day runs to 24:00 (民法典 第二百零三条)
    [InlineData("2026-11-27", true)]    // the day after: ended
    [InlineData("2027-01-10", true)]
    public void Check_NoObjections_ReadyOnlyAfterLastDay(string today, bool ready)
    {
        var result = PublicationReadiness.Check(EndsOn, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), []);
        Assert.Equal(ready, result.IsReady);
        if (!ready)
        {
            Assert.Equal(["公示期至2026年11月26日24时止，2026年11月27日起方可行文公布。"], result.Reasons);
        }
    }

    public static TheoryData<ObjectionStatus[], bool, string?> ObjectionCases => new()
    {
        { [], true, null },
        { [new("YY-2026-0001", "某企业 某车间", Decided: true)], true, null },
        { [new("YY-2026-0001", "甲企业 甲车间", Decided: true), new("YY-2026-0002", "乙企业 乙工厂", Decided: false)], false,
            "尚有异议未办结：YY-2026-0002（乙企业 乙工厂）。" },
        { [new("YY-2026-0003", "丙企业 丙车间", Decided: false)], false, "尚有异议未办结：YY-2026-0003（丙企业 丙车间）。" },
    };

    [Theory]
    [MemberData(nameof(ObjectionCases))]
    public void Check_AfterPeriod_ReadyOnlyWhenEveryObjectionDecided(ObjectionStatus[] objections, bool ready, string? reason)
    {
        var result = PublicationReadiness.Check(EndsOn, EndsOn.AddDays(1), objections);
        Assert.Equal(ready, result.IsReady);
        Assert.Equal(reason is null ? [] : [reason], result.Reasons);
        Assert.All(result.Findings, f => Assert.Equal("第八条", f.Clause.Article));
    }

    [Fact]
    public void Check_InPeriodWithOpenObjection_BothReasons()
    {
        var result = PublicationReadiness.Check(EndsOn, EndsOn, [new("YY-2026-0009", "丁企业", Decided: false)]);
        Assert.Equal(2, result.Reasons.Count);
    }
}
