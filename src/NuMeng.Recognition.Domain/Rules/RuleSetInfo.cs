namespace NuMeng.Recognition.Domain.Rules;

/// <summary>
/// Identity of a versioned rule set. 管理办法 第十三条: the department "publishes and adjusts from time to time"
/// the technical conditions, so a batch names the version it is judged by and keeps it.
/// </summary>
/// <param name="Code">Stable code, e.g. "NM-2024-TECH" (with <paramref name="Version"/> it identifies the rule set).</param>
/// <param name="Version">Version label, e.g. "1".</param>
/// <param name="Name">Chinese name.</param>
/// <param name="SourceDocument">The document it encodes.</param>
/// <param name="EffectiveDate">From when it applies.</param>
public sealed record RuleSetInfo(string Code, string Version, string Name, string SourceDocument, DateOnly EffectiveDate)
{
    public string Key => $"{Code}@{Version}";
}

/// <summary>What is being applied for.</summary>
public enum RecognitionKind
{
    /// <summary>数字化车间 (2024 technical conditions, 一).</summary>
    DigitalWorkshop,
    /// <summary>智能工厂 (2024 technical conditions, 二).</summary>
    SmartFactory,
    /// <summary>基础级智能工厂 (2025 tier conditions, 二).</summary>
    TierBasic,
    /// <summary>先进级智能工厂 (2025 tier conditions, 三).</summary>
    TierAdvanced,
    /// <summary>卓越级智能工厂 (2025 tier conditions, 四).</summary>
    TierExcellent,
    /// <summary>领航级智能工厂 (2025 tier conditions, 五).</summary>
    TierLeading,
}

public static class RecognitionKinds
{
    public static string Label(RecognitionKind kind) => kind switch
    {
        RecognitionKind.DigitalWorkshop => "数字化车间",
        RecognitionKind.SmartFactory => "智能工厂",
        RecognitionKind.TierBasic => "基础级智能工厂",
        RecognitionKind.TierAdvanced => "先进级智能工厂",
        RecognitionKind.TierExcellent => "卓越级智能工厂",
        RecognitionKind.TierLeading => "领航级智能工厂",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "未知的认定类型"),
    };

    public static bool IsTier(RecognitionKind kind) => kind >= RecognitionKind.TierBasic;

    /// <summary>Parses the JSON/API token (camelCase English name or the Chinese label).</summary>
    public static bool TryParse(string? text, out RecognitionKind kind)
    {
        foreach (var k in Enum.GetValues<RecognitionKind>())
        {
            if (string.Equals(text, k.ToString(), StringComparison.OrdinalIgnoreCase) || text == Label(k))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}

/// <summary>Manufacturing type (2024 technical conditions 二（一）1).</summary>
public enum ManufacturingType
{
    /// <summary>离散型.</summary>
    Discrete,
    /// <summary>流程型.</summary>
    Process,
    /// <summary>混合型.</summary>
    Mixed,
}

public static class ManufacturingTypes
{
    public static string Label(ManufacturingType type) => type switch
    {
        ManufacturingType.Discrete => "离散型",
        ManufacturingType.Process => "流程型",
        ManufacturingType.Mixed => "混合型",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "未知的制造类型"),
    };
}

/// <summary>A problem with input, named by its field path (JSON camelCase, e.g. technical.digitalEquipment) and told in Chinese.</summary>
public sealed record InputError(string Field, string Message)
{
    public override string ToString() => $"{Field}：{Message}";
}
