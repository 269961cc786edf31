namespace NuMeng.Recognition.Domain.Tiers;

/// <summary>
/// The four tiers of the 2025 smart-factory cultivation (要素条件 二 to 五), in climbing order. Stored by name; never renumber.
/// </summary>
public enum TierLevel
{
    /// <summary>基础级 (要素条件 二).</summary>
    Basic,
    /// <summary>先进级 (要素条件 三).</summary>
    Advanced,
    /// <summary>卓越级 (要素条件 四).</summary>
    Excellent,
    /// <summary>领航级 (要素条件 五).</summary>
    Leading,
}

/// <summary>Labels, parsing and the link to <see cref="RecognitionKind"/>.</summary>
public static class TierLevels
{
    /// <summary>The four tiers in climbing order.</summary>
    public static IReadOnlyList<TierLevel> All { get; } = Enum.GetValues<TierLevel>();

    /// <summary>基础级 / 先进级 / 卓越级 / 领航级.</summary>
    public static string Label(TierLevel tier) => tier switch
    {
        TierLevel.Basic => "基础级",
        TierLevel.Advanced => "先进级",
        TierLevel.Excellent => "卓越级",
        TierLevel.Leading => "领航级",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "未知的智能工厂层级"),
    };

    /// <summary>基础级智能工厂 ….</summary>
    public static string FullLabel(TierLevel tier) => Label(tier) + "智能工厂";

    /// <summary>Lower-case token for finding codes: basic, advanced, excellent, leading.</summary>
    public static string Slug(TierLevel tier) => tier switch
    {
        TierLevel.Basic => "basic",
        TierLevel.Advanced => "advanced",
        TierLevel.Excellent => "excellent",
        TierLevel.Leading => "leading",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "未知的智能工厂层级"),
    };

    public static RecognitionKind ToRecognitionKind(TierLevel tier) => tier switch
    {
        TierLevel.Basic => RecognitionKind.TierBasic,
        TierLevel.Advanced => RecognitionKind.TierAdvanced,
        TierLevel.Excellent => RecognitionKind.TierExcellent,
        TierLevel.Leading => RecognitionKind.TierLeading,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "未知的智能工厂层级"),
    };

    /// <summary>The tier of a tier recognition kind; false for 数字化车间 and the 2024 智能工厂.</summary>
    public static bool TryFromRecognitionKind(RecognitionKind kind, out TierLevel tier)
    {
        switch (kind)
        {
            case RecognitionKind.TierBasic: tier = TierLevel.Basic; return true;
            case RecognitionKind.TierAdvanced: tier = TierLevel.Advanced; return true;
            case RecognitionKind.TierExcellent: tier = TierLevel.Excellent; return true;
            case RecognitionKind.TierLeading: tier = TierLevel.Leading; return true;
            default: tier = default; return false;
        }
    }

    /// <summary>Parses the English name, the label (先进级) or the full label (先进级智能工厂).</summary>
    public static bool TryParse(string? text, out TierLevel tier)
    {
        var trimmed = text?.Trim();
        foreach (var t in All)
        {
            if (string.Equals(trimmed, t.ToString(), StringComparison.OrdinalIgnoreCase) || trimmed == Label(t) || trimmed == FullLabel(t))
            {
                tier = t;
                return true;
            }
        }
        tier = default;
        return false;
    }
}
