namespace NuMeng.Recognition.Web.Features.Review;

/// <summary>
/// The items a reason may be attached to, for the form's list: the application as a whole, each section of the content,
/// and each evidence item of the kind (the enterprise's form shows the reasons against the same keys).
/// </summary>
public static class ReviewItems
{
    private static readonly (string Key, string Label)[] Sections =
    [
        (ReviewReason.GeneralItem, "整体意见"),
        ("project", "申报项目基本信息"),
        ("enterprise", "企业基本情况与资格声明"),
        ("technical", "技术指标"),
        ("kpi", "效益指标"),
        ("tier", "建设场景与智能制造能力成熟度"),
        ("consultancy", "咨询机构"),
        ("commitment", "承诺书"),
    ];

    public static IReadOnlyList<(string Key, string Label)> For(RecognitionKind kind, RuleSetCatalog rules)
    {
        var tier = RecognitionKinds.IsTier(kind);
        var sections = Sections.Where(s => tier ? s.Key is not ("technical" or "kpi") : s.Key != "tier");
        var evidence = EvidenceItems.For(kind, rules).Select(i => (i.Key, "证明材料：" + i.Label));
        return [.. sections, .. evidence];
    }

    /// <summary>The label of a reason's item (the key itself when it is a field path with no label).</summary>
    public static string Label(string key) =>
        Sections.FirstOrDefault(s => s.Key == key).Label ?? EvidenceItems.Label(key);
}
