using System.Text.Encodings.Web;

namespace NuMeng.Recognition.Domain.RuleSets;

/// <summary>The two families of rule sets a batch can name: the 2024 technical conditions or the 2025 tier conditions.</summary>
public enum RuleSetFamily
{
    /// <summary>2024 技术条件: 数字化车间, 智能工厂.</summary>
    Technical,
    /// <summary>2025 梯度培育要素条件: 基础级 … 领航级.</summary>
    Tiers,
}

/// <summary>
/// A rule set as data (ADR 0009): the whole record — conditions, KPI settings, rubrics, procedure rules and every clause —
/// to and from JSON, so a version can be stored as an immutable snapshot and read back to evaluate exactly as the object
/// it came from. Pure: no I/O; the data layer canonicalises and hashes the text.
/// </summary>
public static class RuleSetJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Computed members (Clause.Citation, RuleSetInfo.Key, TierDefinition.Label, Rubric.TotalPoints) are not data.
        IgnoreReadOnlyProperties = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        WriteIndented = false,
    };

    /// <summary>The family of the rule set an application of <paramref name="kind"/> is judged by.</summary>
    public static RuleSetFamily FamilyOf(Rules.RecognitionKind kind) =>
        Rules.RecognitionKinds.IsTier(kind) ? RuleSetFamily.Tiers : RuleSetFamily.Technical;

    public static string Serialize(TechnicalRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return JsonSerializer.Serialize(rules, Options);
    }

    public static string Serialize(TierRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return JsonSerializer.Serialize(rules, Options);
    }

    /// <summary>Reads a technical rule set; throws <see cref="JsonException"/> when the text is not one.</summary>
    public static TechnicalRuleSet ReadTechnical(string json) =>
        JsonSerializer.Deserialize<TechnicalRuleSet>(json, Options) ?? throw new JsonException("规则集快照为空");

    /// <summary>Reads a tier rule set; throws <see cref="JsonException"/> when the text is not one.</summary>
    public static TierRuleSet ReadTiers(string json)
    {
        var rules = JsonSerializer.Deserialize<TierRuleSet>(json, Options) ?? throw new JsonException("规则集快照为空");
        var errors = rules.Validate();
        return errors.Count == 0 ? rules : throw new JsonException("规则集快照无效：" + string.Join("；", errors));
    }
}
