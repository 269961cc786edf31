namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>
/// The batch form (申报批次): what the department sets when it creates or edits a batch. Field names of the errors are
/// the form's input names.
/// </summary>
public sealed record BatchInput(
    int? Year, int? Round, RecognitionKind? Kind, string Title, string RuleSetKey, string? SceneCatalogueKey,
    DateOnly? OpensOn, DateOnly? ClosesOn, DateOnly? BureauReviewDeadline, DateOnly? ExpertReviewDeadline,
    int? PerLeagueCap, ScoreAggregationRule? ScoreAggregation)
{
    public const int MaxTitleLength = 200;

    /// <summary>
    /// Checks the input against what exists: the rule set must be one of those recorded for the kind, a tier batch
    /// needs an activated scene catalogue edition (a 2024 kind names none), and the dates run in order.
    /// </summary>
    public IReadOnlyList<InputError> Validate(BatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<InputError>();
        if (Year is not { } year)
        {
            errors.Add(new("year", "请填写年度"));
        }
        else if (year is < 2024 or > 2100)
        {
            errors.Add(new("year", $"年度应在 2024 至 2100 之间，收到 {year}"));
        }
        // 管理办法: 认定工作原则上每年组织一至两次.
        if (Round is not { } round)
        {
            errors.Add(new("round", "请填写批次（第几批）"));
        }
        else if (round is < 1 or > 4)
        {
            errors.Add(new("round", $"批次应为 1 至 4（认定原则上每年组织一至两次），收到 {round}"));
        }
        if (Kind is not { } kind)
        {
            errors.Add(new("kind", "请选择认定类型"));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(RuleSetKey))
            {
                errors.Add(new("ruleSet", "请选择规则集"));
            }
            else if (options.RuleSetsFor(kind).All(r => r.Key != RuleSetKey))
            {
                errors.Add(new("ruleSet", $"规则集“{RuleSetKey}”不适用于{RecognitionKinds.Label(kind)}，请从列表中选择"));
            }
            if (RecognitionKinds.IsTier(kind))
            {
                if (string.IsNullOrWhiteSpace(SceneCatalogueKey))
                {
                    errors.Add(new("sceneCatalogue", "梯度培育批次须选择典型场景目录版本"));
                }
                else if (options.SceneEditions.All(s => s.Key != SceneCatalogueKey))
                {
                    errors.Add(new("sceneCatalogue", $"场景目录“{SceneCatalogueKey}”不存在或尚未启用，只能选择已启用的版本"));
                }
            }
            else if (!string.IsNullOrWhiteSpace(SceneCatalogueKey))
            {
                errors.Add(new("sceneCatalogue", $"{RecognitionKinds.Label(kind)}按2024年技术条件认定，不使用场景目录，请留空"));
            }
        }
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add(new("title", "请填写批次名称"));
        }
        else if (Title.Trim().Length > MaxTitleLength)
        {
            errors.Add(new("title", $"批次名称不能超过 {MaxTitleLength} 字"));
        }
        if (OpensOn is null)
        {
            errors.Add(new("opensOn", "请填写申报开始日期"));
        }
        if (ClosesOn is null)
        {
            errors.Add(new("closesOn", "请填写申报截止日期"));
        }
        else if (OpensOn is { } open && ClosesOn < open)
        {
            errors.Add(new("closesOn", $"申报截止日期不能早于开始日期（{BatchText.Date(open)}）"));
        }
        if (BureauReviewDeadline is { } bureau && ClosesOn is { } close && bureau < close)
        {
            errors.Add(new("bureauDeadline", $"盟市初审截止日期不能早于申报截止日期（{BatchText.Date(close)}）"));
        }
        if (ExpertReviewDeadline is { } expert && (BureauReviewDeadline ?? ClosesOn) is { } before && expert < before)
        {
            errors.Add(new("expertDeadline", $"专家评审截止日期不能早于{(BureauReviewDeadline is null ? "申报截止日期" : "盟市初审截止日期")}（{BatchText.Date(before)}）"));
        }
        if (PerLeagueCap is { } cap && cap < 1)
        {
            errors.Add(new("perLeagueCap", $"每个盟市推荐名额至少为 1（不限名额请留空），收到 {cap}"));
        }
        if (ScoreAggregation is null)
        {
            errors.Add(new("scoreAggregation", "请选择专家评分汇总规则"));
        }
        return errors.AsReadOnly();
    }
}
