namespace NuMeng.Recognition.Web.Features.Applications.Form;

/// <summary>One step of the application form.</summary>
public sealed record ApplicationStep(string Key, string Title);

/// <summary>The steps of the application form for a kind, and the step where each field (by its JSON path) is.</summary>
public static class ApplicationSteps
{
    public static IReadOnlyList<ApplicationStep> For(RecognitionKind kind) => RecognitionKinds.IsTier(kind)
        ? [new("basics", "基本信息与资格声明"), new("tier", "建设场景与成熟度"), new("evidence", "证明材料"), new("commitment", "咨询机构与承诺"), new("submit", "提交")]
        : [new("basics", "基本信息与资格声明"), new("technical", "技术指标"), new("kpi", "效益指标"), new("evidence", "证明材料"), new("commitment", "咨询机构与承诺"), new("submit", "提交")];

    /// <summary>The step key of a field: <c>project.name</c> is on 基本信息, <c>replies[0]</c> on 提交.</summary>
    public static string StepOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Split('.', '[')[0] switch
        {
            "project" or "enterprise" => "basics",
            "consultancy" or "commitment" => "commitment",
            "replies" => "submit",
            var s => s,
        };
    }

    /// <summary>The index of the step that holds <paramref name="field"/>, or <paramref name="fallback"/>.</summary>
    public static int IndexOf(this IReadOnlyList<ApplicationStep> steps, string field, int fallback)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var key = StepOf(field);
        var index = steps.ToList().FindIndex(s => s.Key == key);
        return index < 0 ? fallback : index;
    }

    public static TierLevel TierOf(RecognitionKind kind) => TierLevels.TryFromRecognitionKind(kind, out var t) ? t : TierLevel.Basic;

    /// <summary>What a tier kind requires (segments to cover, scenes to build), shown on the scenes step.</summary>
    public static string? TierRequirement(RecognitionKind kind, RuleSetCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (!RecognitionKinds.IsTier(kind) || !catalog.Tiers.Defines(TierOf(kind)))
        {
            return null;
        }
        var tier = catalog.Tiers.Tier(TierOf(kind));
        return $"至少覆盖{string.Join("、", tier.RequiredSegments.Select(Domain.Scenes.Segments.Label))}环节，建设本层级清单内场景不少于 {tier.MinimumScenes} 个。";
    }
}
