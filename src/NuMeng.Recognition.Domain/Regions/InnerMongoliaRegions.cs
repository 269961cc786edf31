namespace NuMeng.Recognition.Domain.Regions;

/// <summary>
/// Inner Mongolia's 12 leagues/cities (盟市) with their administrative-division code prefixes, and the two
/// county-level cities that sometimes report directly (docs/procedure.md §1: "keep the list data, not code").
/// </summary>
public static class InnerMongoliaRegions
{
    /// <summary>The 2-digit province-level prefix of Inner Mongolia (内蒙古自治区 150000).</summary>
    public const string ProvincePrefix = "15";

    /// <summary>The code of the autonomous region itself (自治区本级).</summary>
    public const string RegionalLevelCode = "150000";

    /// <summary>The 12 盟市, in the order of their codes.</summary>
    public static IReadOnlyList<Region> Leagues { get; } =
    [
        new("1501", "呼和浩特市", RegionKind.PrefectureCity),
        new("1502", "包头市", RegionKind.PrefectureCity),
        new("1503", "乌海市", RegionKind.PrefectureCity),
        new("1504", "赤峰市", RegionKind.PrefectureCity),
        new("1505", "通辽市", RegionKind.PrefectureCity),
        new("1506", "鄂尔多斯市", RegionKind.PrefectureCity),
        new("1507", "呼伦贝尔市", RegionKind.PrefectureCity),
        new("1508", "巴彦淖尔市", RegionKind.PrefectureCity),
        new("1509", "乌兰察布市", RegionKind.PrefectureCity),
        new("1522", "兴安盟", RegionKind.League),
        new("1525", "锡林郭勒盟", RegionKind.League),
        new("1529", "阿拉善盟", RegionKind.League),
    ];

    /// <summary>County-level cities that sometimes report directly to the department (kept as data with a flag).</summary>
    public static IReadOnlyList<Region> DirectReportingCities { get; } =
    [
        new("150781", "满洲里市", RegionKind.CountyLevelCity) { ParentCode = "1507", SometimesReportsDirectly = true },
        new("152501", "二连浩特市", RegionKind.CountyLevelCity) { ParentCode = "1525", SometimesReportsDirectly = true },
    ];

    /// <summary>Every region in the list: the 12 盟市, then the direct-reporting cities.</summary>
    public static IReadOnlyList<Region> All { get; } = [.. Leagues, .. DirectReportingCities];

    /// <summary>The region with exactly this code (4-digit league/city or 6-digit city), or null.</summary>
    public static Region? ByCode(string? code) => All.FirstOrDefault(r => r.Code == code);

    /// <summary>True when a 6-digit administrative-division code lies in Inner Mongolia (starts with 15).</summary>
    public static bool Contains(string divisionCode)
    {
        RequireSixDigits(divisionCode);
        return divisionCode.StartsWith(ProvincePrefix, StringComparison.Ordinal);
    }

    /// <summary>The league/city (盟市) a 6-digit code lies in: its first four digits; null outside the list.</summary>
    /// <exception cref="ArgumentException">The code is not six digits.</exception>
    public static Region? LeagueOf(string divisionCode)
    {
        RequireSixDigits(divisionCode);
        return Leagues.FirstOrDefault(l => divisionCode.StartsWith(l.Code, StringComparison.Ordinal));
    }

    /// <summary>
    /// Locates a 6-digit code: its league/city, and 满洲里市/二连浩特市 when the code is theirs.
    /// Returns null outside Inner Mongolia or for a 15xxxx prefix that is not in the list (a code retired or not yet entered).
    /// </summary>
    /// <exception cref="ArgumentException">The code is not six digits.</exception>
    public static RegionLocation? Locate(string divisionCode)
    {
        if (!Contains(divisionCode))
        {
            return null;
        }
        if (divisionCode == RegionalLevelCode)
        {
            return new RegionLocation(divisionCode, null, null);
        }
        var league = LeagueOf(divisionCode);
        if (league is null)
        {
            return null;
        }
        var city = DirectReportingCities.FirstOrDefault(c => c.Code == divisionCode);
        return new RegionLocation(divisionCode, league, city);
    }

    private static void RequireSixDigits(string divisionCode)
    {
        if (divisionCode is null || divisionCode.Length != 6 || !divisionCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"行政区划代码应为 6 位数字，实为“{divisionCode}”", nameof(divisionCode));
        }
    }
}
