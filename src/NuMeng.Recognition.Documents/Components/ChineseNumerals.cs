namespace NuMeng.Recognition.Documents.Components;

/// <summary>Section numbers as Chinese official documents print them: 一、二、… and （一）（二）….</summary>
public static class ChineseNumerals
{
    private static readonly string[] Digits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    /// <summary>1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三 (1–99).</summary>
    public static string Of(int number) => number switch
    {
        < 1 or > 99 => throw new ArgumentOutOfRangeException(nameof(number), number, "只支持 1–99"),
        < 10 => Digits[number],
        10 => "十",
        < 20 => "十" + Digits[number % 10],
        _ => Digits[number / 10] + "十" + (number % 10 == 0 ? string.Empty : Digits[number % 10]),
    };

    /// <summary>A level-one heading number: 一、</summary>
    public static string Section(int number) => Of(number) + "、";

    /// <summary>A level-two heading number: （一）</summary>
    public static string SubSection(int number) => "（" + Of(number) + "）";
}
