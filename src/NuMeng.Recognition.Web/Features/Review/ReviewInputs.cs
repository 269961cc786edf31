namespace NuMeng.Recognition.Web.Features.Review;

/// <summary>
/// One reason of a bureau decision, attached to an item of the application: a field path of the content
/// (<c>technical.digitalEquipment</c>, <c>kpi.productionEfficiency</c>) or an evidence key (<c>enterprise.businessLicence</c>),
/// or <see cref="GeneralItem"/> for the application as a whole. The enterprise answers each reason with a new version.
/// </summary>
public sealed partial record ReviewReason(string ItemKey, string Reason)
{
    /// <summary>The item of a reason that concerns the whole application (整体意见).</summary>
    public const string GeneralItem = "general";

    public const int MaxReasonLength = 1000;

    public IReadOnlyList<InputError> Validate(string prefix)
    {
        var errors = new List<InputError>();
        var key = ItemKey?.Trim() ?? string.Empty;
        if (key.Length == 0)
        {
            errors.Add(new($"{prefix}.itemKey", "请选择意见针对的申报事项"));
        }
        else if (key.Length > 128 || !KeyPattern().IsMatch(key))
        {
            errors.Add(new($"{prefix}.itemKey", $"申报事项“{key}”不是有效的字段路径或材料编号"));
        }
        var reason = Reason?.Trim() ?? string.Empty;
        if (reason.Length == 0)
        {
            errors.Add(new($"{prefix}.reason", "请填写具体意见（需要修改或补充的内容及原因）"));
        }
        else if (reason.Length > MaxReasonLength)
        {
            errors.Add(new($"{prefix}.reason", $"单条意见不能超过 {MaxReasonLength} 个字（当前 {reason.Length} 个）"));
        }
        return errors;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*(\[[0-9]+\])?(\.[A-Za-z][A-Za-z0-9_]*(\[[0-9]+\])?)*$")]
    private static partial Regex KeyPattern();
}

/// <summary>
/// What a bureau user writes for a decision: the reasons per item, the opinion (初审意见) and, for a recommendation,
/// the ranking within the bureau's list for the batch (docs/rule-reference.md §10: "the bureau's ranking orders its list").
/// </summary>
public sealed record ReviewDraft(BureauDecision Decision, string? Opinion, int? Ranking, IReadOnlyList<ReviewReason> Reasons)
{
    public const int MaxOpinionLength = 4000;

    public const int MaxReasons = 50;

    /// <summary>The opinion, trimmed (empty when none).</summary>
    public string OpinionText => Opinion?.Trim() ?? string.Empty;

    /// <summary>The reasons that carry anything (empty rows of a form are dropped), trimmed.</summary>
    public IReadOnlyList<ReviewReason> FilledReasons => Reasons
        .Where(r => !string.IsNullOrWhiteSpace(r.Reason)
            || (!string.IsNullOrWhiteSpace(r.ItemKey) && r.ItemKey.Trim() != ReviewReason.GeneralItem))
        .Select(r => new ReviewReason(r.ItemKey?.Trim() ?? string.Empty, r.Reason?.Trim() ?? string.Empty))
        .ToList();

    public IReadOnlyList<InputError> Validate()
    {
        var errors = new List<InputError>();
        if (!Enum.IsDefined(Decision))
        {
            errors.Add(new("decision", "请选择初审结论"));
            return errors;
        }
        var reasons = FilledReasons;
        for (var i = 0; i < reasons.Count; i++)
        {
            errors.AddRange(reasons[i].Validate($"reasons[{i}]"));
        }
        if (reasons.Count > MaxReasons)
        {
            errors.Add(new("reasons", $"意见不能超过 {MaxReasons} 条（当前 {reasons.Count} 条）"));
        }
        if (OpinionText.Length > MaxOpinionLength)
        {
            errors.Add(new("opinion", $"初审意见不能超过 {MaxOpinionLength} 个字（当前 {OpinionText.Length} 个）"));
        }
        switch (Decision)
        {
            case BureauDecision.Return when reasons.Count == 0:
                errors.Add(new("reasons", "退回修改须至少写明一条修改意见（针对哪一项、需要如何修改）"));
                break;
            case BureauDecision.Reject when reasons.Count == 0:
                errors.Add(new("reasons", "不予推荐须至少写明一条理由"));
                break;
            case BureauDecision.Recommend:
                if (OpinionText.Length == 0)
                {
                    errors.Add(new("opinion", "推荐须填写初审意见"));
                }
                if (Ranking is null)
                {
                    errors.Add(new("ranking", "推荐须填写在本盟市本批次推荐名单中的排名"));
                }
                else if (Ranking < 1)
                {
                    errors.Add(new("ranking", $"排名须为正整数（1 表示第一位），收到 {Ranking}"));
                }
                break;
        }
        if (Decision != BureauDecision.Recommend && Ranking is not null)
        {
            errors.Add(new("ranking", "只有推荐才有排名"));
        }
        return errors;
    }

    /// <summary>The reasons as stored on the review.</summary>
    public List<BureauReviewItemReason> ToItemReasons() =>
        FilledReasons.Select(r => new BureauReviewItemReason { ItemKey = r.ItemKey, Reason = r.Reason }).ToList();
}

/// <summary>The stamped scan of the opinion (加盖公章的初审意见扫描件) as uploaded.</summary>
public sealed record StampedScanUpload(Stream Content, string FileName);
