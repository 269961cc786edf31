namespace NuMeng.Recognition.Domain.Regions;

/// <summary>What kind of administrative division a <see cref="Region"/> is.</summary>
public enum RegionKind
{
    /// <summary>地级市 (e.g. 呼和浩特市).</summary>
    PrefectureCity,
    /// <summary>盟 (e.g. 兴安盟): Inner Mongolia's prefecture-level leagues.</summary>
    League,
    /// <summary>县级市 (e.g. 满洲里市): county-level, under a league or city.</summary>
    CountyLevelCity,
}

/// <summary>
/// An administrative division of Inner Mongolia, named by its administrative-division code (行政区划代码, GB/T 2260)
/// prefix: 4 digits for a league/city (盟市, e.g. 1501), 6 digits for a county-level city (e.g. 150781).
/// Data, not code: the list lives in <see cref="InnerMongoliaRegions"/>.
/// </summary>
/// <param name="Code">4-digit prefix for a league/city, 6-digit code for a county-level city.</param>
/// <param name="Name">Chinese name, e.g. 呼伦贝尔市.</param>
/// <param name="Kind">地级市, 盟 or 县级市.</param>
public sealed record Region(string Code, string Name, RegionKind Kind)
{
    /// <summary>The 4-digit code of the league/city a county-level city belongs to; null for a league/city itself.</summary>
    public string? ParentCode { get; init; }

    /// <summary>
    /// True for the cities that sometimes report their applications directly to the department (满洲里市, 二连浩特市)
    /// instead of through their league. Kept as a flag so a batch can decide whether to use it.
    /// </summary>
    public bool SometimesReportsDirectly { get; init; }

    /// <summary>True for the 12 盟市 (prefecture level).</summary>
    public bool IsLeagueLevel => Kind is RegionKind.PrefectureCity or RegionKind.League;

    /// <summary>Chinese label of a <see cref="RegionKind"/>.</summary>
    public static string KindLabel(RegionKind kind) => kind switch
    {
        RegionKind.PrefectureCity => "地级市",
        RegionKind.League => "盟",
        RegionKind.CountyLevelCity => "县级市",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "未知的行政区划类别"),
    };

    public override string ToString() => $"{Name}（{Code}）";
}

/// <summary>
/// Where a 6-digit administrative-division code lies in Inner Mongolia: its league/city, and the direct-reporting
/// city when the code is (or lies under) one of them.
/// </summary>
/// <param name="DivisionCode">The 6-digit code looked up.</param>
/// <param name="League">The league/city (盟市) of the code; null for the regional level (150000).</param>
/// <param name="DirectReportingCity">满洲里市 or 二连浩特市 when the code is theirs; otherwise null.</param>
public sealed record RegionLocation(string DivisionCode, Region? League, Region? DirectReportingCity)
{
    /// <summary>True for 150000: registered with an authority at the level of the autonomous region itself (自治区本级).</summary>
    public bool IsRegionalLevel => League is null;

    /// <summary>Chinese description, e.g. "呼伦贝尔市 满洲里市" or "自治区本级".</summary>
    public string Describe() => League is null
        ? "自治区本级"
        : DirectReportingCity is null ? League.Name : $"{League.Name} {DirectReportingCity.Name}";
}
