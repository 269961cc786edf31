using NuMeng.Recognition.Domain.Regions;

namespace NuMeng.Recognition.Domain.Tests.Regions;

public class InnerMongoliaRegionsTests
{
    // docs/procedure.md §1: "Inner Mongolia has 12 leagues/cities (盟市): 呼和浩特市 1501 … 阿拉善盟 1529".
    [Theory]
    [InlineData("1501", "呼和浩特市", RegionKind.PrefectureCity)]
    [InlineData("1502", "包头市", RegionKind.PrefectureCity)]
    [InlineData("1503", "乌海市", RegionKind.PrefectureCity)]
    [InlineData("1504", "赤峰市", RegionKind.PrefectureCity)]
    [InlineData("1505", "通辽市", RegionKind.PrefectureCity)]
    [InlineData("1506", "鄂尔多斯市", RegionKind.PrefectureCity)]
    [InlineData("1507", "呼伦贝尔市", RegionKind.PrefectureCity)]
    [InlineData("1508", "巴彦淖尔市", RegionKind.PrefectureCity)]
    [InlineData("1509", "乌兰察布市", RegionKind.PrefectureCity)]
    [InlineData("1522", "兴安盟", RegionKind.League)]
    [InlineData("1525", "锡林郭勒盟", RegionKind.League)]
    [InlineData("1529", "阿拉善盟", RegionKind.League)]
    public void ByCode_EachLeague_HasItsNameAndKind(string code, string name, RegionKind kind)
    {
        var region = InnerMongoliaRegions.ByCode(code);

        Assert.NotNull(region);
        Assert.Equal(name, region!.Name);
        Assert.Equal(kind, region.Kind);
        Assert.True(region.IsLeagueLevel);
        Assert.False(region.SometimesReportsDirectly);
    }

    [Fact]
    public void All_TwelveLeaguesThenTwoDirectReportingCities()
    {
        Assert.Equal(12, InnerMongoliaRegions.Leagues.Count);
        Assert.Equal(2, InnerMongoliaRegions.DirectReportingCities.Count);
        Assert.Equal(14, InnerMongoliaRegions.All.Count);
        Assert.Equal(InnerMongoliaRegions.All.Count, InnerMongoliaRegions.All.Select(r => r.Code).Distinct().Count());
    }

    // docs/procedure.md §1: "满洲里市 and 二连浩特市 sometimes report directly; keep the list data, not code."
    [Theory]
    [InlineData("150781", "满洲里市", "1507", "呼伦贝尔市")]
    [InlineData("152501", "二连浩特市", "1525", "锡林郭勒盟")]
    public void Locate_DirectReportingCity_NamesCityAndItsLeague(string code, string city, string leagueCode, string league)
    {
        var location = InnerMongoliaRegions.Locate(code);

        Assert.NotNull(location);
        Assert.Equal(league, location!.League!.Name);
        Assert.Equal(city, location.DirectReportingCity!.Name);
        Assert.True(location.DirectReportingCity.SometimesReportsDirectly);
        Assert.Equal(leagueCode, location.DirectReportingCity.ParentCode);
        Assert.Equal($"{league} {city}", location.Describe());
    }

    [Theory]
    [InlineData("150102", "呼和浩特市")]   // 新城区
    [InlineData("150203", "包头市")]
    [InlineData("150782", "呼伦贝尔市")]   // 牙克石市: in 呼伦贝尔, but not a direct-reporting city
    [InlineData("152502", "锡林郭勒盟")]   // 锡林浩特市
    [InlineData("152921", "阿拉善盟")]
    public void Locate_OrdinaryCode_GivesLeagueOnly(string code, string league)
    {
        var location = InnerMongoliaRegions.Locate(code);

        Assert.NotNull(location);
        Assert.Equal(league, location!.League!.Name);
        Assert.Null(location.DirectReportingCity);
        Assert.Equal(league, InnerMongoliaRegions.LeagueOf(code)!.Name);
    }

    [Fact]
    public void Locate_RegionalLevel_IsInsideWithoutLeague()
    {
        var location = InnerMongoliaRegions.Locate("150000");

        Assert.NotNull(location);
        Assert.True(location!.IsRegionalLevel);
        Assert.Equal("自治区本级", location.Describe());
    }

    [Theory]
    [InlineData("110108")]   // 北京市海淀区
    [InlineData("140100")]   // 太原市: one below 15
    [InlineData("210000")]
    public void Locate_OutsideInnerMongolia_IsNull(string code)
    {
        Assert.False(InnerMongoliaRegions.Contains(code));
        Assert.Null(InnerMongoliaRegions.Locate(code));
        Assert.Null(InnerMongoliaRegions.LeagueOf(code));
    }

    [Fact]
    public void Locate_UnlistedPrefixInInnerMongolia_IsNull()
    {
        // 1510 is not a league/city code: inside the province prefix but not in the list.
        Assert.True(InnerMongoliaRegions.Contains("151000"));
        Assert.Null(InnerMongoliaRegions.Locate("151000"));
    }

    [Theory]
    [InlineData("1501")]
    [InlineData("15010A")]
    [InlineData("1501020")]
    [InlineData("")]
    public void Locate_NotSixDigits_Throws(string code)
    {
        var ex = Assert.Throws<ArgumentException>(() => InnerMongoliaRegions.Locate(code));
        Assert.Contains("6 位数字", ex.Message, StringComparison.Ordinal);
    }
}
