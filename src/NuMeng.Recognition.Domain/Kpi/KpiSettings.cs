namespace NuMeng.Recognition.Domain.Kpi;

/// <summary>
/// How KPI figures are computed and compared: rule-set data, so the department can change it in a new version
/// and every result can show which settings were used (docs/rule-reference.md §2: "keep the conversion factor and the rounding rule as data").
/// </summary>
public sealed record KpiSettings
{
    /// <summary>The built-in settings: 0.05 percentage points, 2 decimals, 四舍五入, 1 kcal = 4.1816 kJ.</summary>
    public static KpiSettings Default { get; } = new();

    /// <summary>
    /// How far (in percentage points) a declared figure may be from the computed one and still count as consistent.
    /// Inclusive: a difference of exactly this much is accepted (以内 includes the number, 民法典 第一千二百五十九条).
    /// </summary>
    public decimal TolerancePercentagePoints { get; init; } = 0.05m;

    /// <summary>Decimals a result is reported with (the document reports 21.67%, 74.93%: two).</summary>
    public int ResultDecimals { get; init; } = 2;

    /// <summary>Rounding of reported figures. <see cref="MidpointRounding.AwayFromZero"/> is 四舍五入, as official documents use.</summary>
    public MidpointRounding Rounding { get; init; } = MidpointRounding.AwayFromZero;

    /// <summary>
    /// kJ per kcal used to turn fuel heat values (kcal/kg) into kJ. 4.1816 is what the 2024 document's boiler
    /// example uses (技术条件 三（5）); the International Steam Table calorie, the usual standard, is 4.1868
    /// (with it the example gives 74.84% instead of 74.93%).
    /// </summary>
    public decimal KilojoulesPerKilocalorie { get; init; } = 4.1816m;

    /// <summary>Rounds a figure as reported, e.g. 27.7197… → 27.72.</summary>
    public decimal Round(decimal value) => Rounding == MidpointRounding.AwayFromZero
        ? Numbers.Round(value, ResultDecimals)
        : Math.Round(value, ResultDecimals, Rounding);

    /// <summary>A percentage as reported, e.g. "27.72%".</summary>
    public string FormatPercent(decimal percent) => FormatNumber(percent) + "%";

    /// <summary>A number as reported, with exactly <see cref="ResultDecimals"/> decimals, e.g. "6.03".</summary>
    public string FormatNumber(decimal value) =>
        Round(value).ToString("F" + ResultDecimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Whether a declared figure agrees with the computed one within the tolerance (inclusive).</summary>
    public bool Agrees(decimal declared, decimal computed) => Math.Abs(declared - computed) <= TolerancePercentagePoints;

    /// <summary>Chinese name of a rounding rule.</summary>
    public static string RoundingLabel(MidpointRounding rounding) => rounding switch
    {
        MidpointRounding.AwayFromZero => "四舍五入",
        MidpointRounding.ToEven => "四舍六入五成双",
        MidpointRounding.ToZero => "截尾（舍去）",
        MidpointRounding.ToPositiveInfinity => "向上取值",
        MidpointRounding.ToNegativeInfinity => "向下取值",
        _ => rounding.ToString(),
    };

    /// <summary>Each setting in words, so a result page can say which settings were used.</summary>
    public IReadOnlyList<KpiSettingNote> Describe() =>
    [
        new("申报值允许误差", $"{Numbers.Format(TolerancePercentagePoints)} 个百分点",
            "申报值与系统计算值之差不超过该值（含本数）视为一致，超过则提示核实。"),
        new("结果保留小数位数", $"{ResultDecimals} 位", "计算结果按此位数报告，中间值按全精度计算、不提前舍入。"),
        new("舍入规则", RoundingLabel(Rounding), "仅用于报告结果；是否达标以全精度计算值判断。"),
        new("热功当量换算系数", $"1 千卡 = {Numbers.Format(KilojoulesPerKilocalorie)} 千焦",
            "用于将燃料热值（千卡/千克）换算为千焦。技术条件 三（5）示例采用 4.1816；国际蒸汽表卡为 4.1868。"),
    ];
}

/// <summary>One KPI setting in words: name, value and what it means.</summary>
public sealed record KpiSettingNote(string Name, string Value, string Explanation);
