namespace NuMeng.Recognition.Domain.Certificates;

/// <summary>What the province may recommend a recognised enterprise for, upward.</summary>
public enum RecommendationTarget
{
    /// <summary>国家智能制造示范工厂 (管理办法 第十一条).</summary>
    NationalDemonstrationFactory,
    /// <summary>卓越级智能工厂 (recognised by the ministry on the province's recommendation; presupposes 先进级).</summary>
    TierExcellent,
    /// <summary>领航级智能工厂 (recognised by the ministry on the province's recommendation; presupposes 卓越级).</summary>
    TierLeading,
}

/// <summary>One target a certificate makes its holder eligible for, with the clause and the reason.</summary>
public sealed record RecommendationEligibility(RecommendationTarget Target, Clause Clause, string Explanation);

/// <summary>
/// 向上推荐. Two texts decide it:
/// <list type="bullet">
/// <item>管理办法 第十一条: "推荐申报‘国家智能制造示范工厂’的企业须通过自治区智能工厂认定。" Only a <em>smart-factory</em>
///   recognition of the region counts: the 2024 智能工厂, and the tiers the province recognises as smart factories from
///   先进级 up. A 数字化车间 is a workshop, not a factory; 基础级 is in national practice self-built and self-assessed
///   (docs/rule-reference.md §9 "Tiers are climbed in order"), the entry step, not a regional 认定 that qualifies for the national title.</item>
/// <item>2025 要素条件 with national practice (docs/rule-reference.md §9): "先进级 is recognised by the province, 卓越级 and 领航级 by the
///   ministry on the province's recommendation"; "卓越级 an existing 先进级 recognition". So a valid 先进级 recognition is
///   what the province recommends for 卓越级, and a valid 卓越级 for 领航级 (tiers are climbed one step at a time).</item>
/// </list>
/// Only a recognition in force counts ("须通过…认定" read as holding it now): not revoked (第十条) and within its five years
/// (第十二条, <see cref="CertificateValidity"/>).
/// </summary>
public static class NationalRecommendation
{
    private const string Measures = "内蒙古自治区数字化车间和智能工厂认定管理办法";
    private const string Tiers = "内蒙古自治区智能工厂梯度培育要素条件（2025年版）";

    /// <summary>管理办法 第十一条.</summary>
    public static Clause NationalClause { get; } = new(Measures, "第十一条", "推荐申报“国家智能制造示范工厂”的企业须通过自治区智能工厂认定。");

    /// <summary>The 2025 tiers are climbed in order; the ministry recognises 卓越级 and 领航级 on the province's recommendation.</summary>
    public static Clause TierClause { get; } = new(Tiers, "一、四、五",
        "分层分级开展基础级、先进级、卓越级和领航级智能工厂梯度建设（国家实践：卓越级、领航级由省级推荐、工业和信息化部认定，逐级攀升）。");

    /// <summary>The targets a certificate of <paramref name="kind"/> makes its holder eligible for on <paramref name="today"/> (empty when none).</summary>
    public static IReadOnlyList<RecommendationEligibility> Evaluate(RecognitionKind kind, bool revoked, DateOnly validUntil, DateOnly today)
    {
        if (revoked || CertificateValidity.IsExpired(validUntil, today))
        {
            return [];
        }
        var list = new List<RecommendationEligibility>();
        if (kind is RecognitionKind.SmartFactory or RecognitionKind.TierAdvanced or RecognitionKind.TierExcellent or RecognitionKind.TierLeading)
        {
            list.Add(new(RecommendationTarget.NationalDemonstrationFactory, NationalClause,
                $"持有有效的自治区{RecognitionKinds.Label(kind)}认定（有效期至{ChineseDates.Format(validUntil)}），可推荐申报国家智能制造示范工厂。"));
        }
        if (kind == RecognitionKind.TierAdvanced)
        {
            list.Add(new(RecommendationTarget.TierExcellent, TierClause, "已获先进级智能工厂认定，可由自治区推荐申报卓越级智能工厂。"));
        }
        if (kind == RecognitionKind.TierExcellent)
        {
            list.Add(new(RecommendationTarget.TierLeading, TierClause, "已获卓越级智能工厂认定，可由自治区推荐申报领航级智能工厂。"));
        }
        return list.AsReadOnly();
    }

    /// <summary>国家智能制造示范工厂 / 卓越级智能工厂 / 领航级智能工厂.</summary>
    public static string Label(RecommendationTarget target) => target switch
    {
        RecommendationTarget.NationalDemonstrationFactory => "国家智能制造示范工厂",
        RecommendationTarget.TierExcellent => "卓越级智能工厂",
        RecommendationTarget.TierLeading => "领航级智能工厂",
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "未知的推荐方向"),
    };
}
