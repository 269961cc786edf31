namespace NuMeng.Recognition.Domain.Applications;

/// <summary>
/// What stands between a draft and its submission. Two levels:
/// <list type="bullet">
/// <item><see cref="Validate"/>: problems with what is filled in (impossible figures, unknown evidence items) — shown live
///   while drafting; a missing value is not one of them.</item>
/// <item><see cref="Check"/>: every blocking problem for submission: the validation errors, the sections and values the
///   kind requires, the required evidence, and the accepted commitment.</item>
/// </list>
/// The engine's verdict does NOT block: an enterprise may submit figures that fail a bar and let the bureau and the
/// experts judge (管理办法 第七条: the bureau reviews; the portal only informs). Unreadable figures do block, because
/// nobody could judge them.
/// </summary>
public static class SubmissionCheck
{
    /// <summary>Longest consultancy name accepted.</summary>
    public const int ConsultancyMaxLength = 200;

    /// <summary>Problems with what is filled in, each naming its JSON field, in Chinese.</summary>
    public static IReadOnlyList<InputError> Validate(ApplicationContent content, RecognitionKind kind, RuleSetCatalog catalog, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<InputError>();
        if (content.Project is { } project)
        {
            errors.AddRange(project.Validate("project", today));
        }
        if (content.Enterprise is { } enterprise)
        {
            errors.AddRange(enterprise.Validate("enterprise"));
        }
        if (RecognitionKinds.IsTier(kind))
        {
            if (content.Tier is { } tier)
            {
                errors.AddRange(tier.Validate(catalog.Scenes, "tier"));
            }
        }
        else
        {
            if (content.Technical is { } technical)
            {
                errors.AddRange(technical.Validate("technical", kind));
            }
            if (content.Kpi is { } kpi)
            {
                errors.AddRange(kpi.Validate("kpi"));
            }
        }
        ValidateEvidence(content, kind, catalog, errors);
        // Any figure out of range that no section's labelled check reported (docs/precheck-format.md “数值范围”).
        errors.AddRange(FigureRange.Check(content, string.Empty).Where(e => !errors.Exists(x => x.Field == e.Field)));
        if (content.Consultancy is { Length: > ConsultancyMaxLength })
        {
            errors.Add(new InputError("consultancy", $"咨询机构名称不能超过 {ConsultancyMaxLength} 个字。"));
        }
        if (content.Commitment?.SignerName is { Length: > 50 })
        {
            errors.Add(new InputError("commitment.signerName", "承诺人姓名不能超过 50 个字。"));
        }
        return Distinct(errors);
    }

    /// <summary>Every problem that blocks submission; an empty list means the draft may be submitted.</summary>
    public static IReadOnlyList<InputError> Check(ApplicationContent content, RecognitionKind kind, RuleSetCatalog catalog, DateOnly today)
    {
        var errors = new List<InputError>(Validate(content, kind, catalog, today));
        RequireProject(content.Project, errors);
        if (content.Enterprise is null)
        {
            errors.Add(new InputError("enterprise", "请填写企业基本情况与资格声明（统一社会信用代码、主体类型及各项声明）。"));
        }
        if (RecognitionKinds.IsTier(kind))
        {
            if (content.Tier is null)
            {
                errors.Add(new InputError("tier", $"申报{RecognitionKinds.Label(kind)}须填写建设场景和智能制造能力成熟度。"));
            }
            else if (content.Tier.Maturity is null)
            {
                // 2025 基础要求 5: a GB/T 39116-2020 self-assessment; its level is what the tier bars read.
                errors.Add(new InputError("tier.maturity", "请选择智能制造能力成熟度自评估等级（GB/T 39116-2020）。"));
            }
        }
        else
        {
            if (content.Technical is null)
            {
                errors.Add(new InputError("technical", $"申报{RecognitionKinds.Label(kind)}须填写技术指标。"));
            }
            if (content.Kpi?.Baseline is null)
            {
                // 技术条件 一（五）: the baseline decides what "before" means; without it no KPI can be read.
                errors.Add(new InputError("kpi.baseline", KpiBaselines.MissingMessage));
            }
        }
        foreach (var item in EvidenceItems.For(kind, catalog, content).Where(i => i.Required))
        {
            if (content.EvidenceFor(item.Key).Count == 0)
            {
                errors.Add(new InputError($"evidence.{item.Key}", $"请上传证明材料：{item.Label}。"));
            }
        }
        if (content.Commitment is not { Accepted: true })
        {
            errors.Add(new InputError("commitment.accepted", "请阅读并勾选承诺书：提交前须承诺所填信息真实、准确、完整。"));
        }
        if (string.IsNullOrWhiteSpace(content.Commitment?.SignerName))
        {
            errors.Add(new InputError("commitment.signerName", "请填写承诺人（法定代表人或授权人）姓名。"));
        }
        return Distinct(errors);
    }

    /// <summary>
    /// A resubmission after a return (管理办法 第七条: the bureau reviews again) answers every reason of that return:
    /// one non-empty reply per reason, at <c>replies[i].reply</c> in the order of <paramref name="reasons"/>.
    /// </summary>
    /// <param name="content">The draft to resubmit.</param>
    /// <param name="reviewId">The return being answered.</param>
    /// <param name="reasons">Its reasons (item key and words), in the bureau's order.</param>
    public static IReadOnlyList<InputError> CheckReplies(ApplicationContent content, Guid reviewId, IReadOnlyList<(string ItemKey, string Reason)> reasons)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(reasons);
        var errors = new List<InputError>();
        var replies = content.Replies ?? [];
        for (var i = 0; i < reasons.Count; i++)
        {
            var (item, reason) = reasons[i];
            var reply = replies.FirstOrDefault(r => r.ReviewId == reviewId && r.ItemKey == item && r.Reason == reason);
            if (reply is null || string.IsNullOrWhiteSpace(reply.Reply))
            {
                errors.Add(new InputError($"replies[{i}].reply", $"请答复退回意见（{ApplicationItems.Label(item)}）：“{reason}”。"));
            }
            else if (reply.Reply.Length > ReplyMaxLength)
            {
                errors.Add(new InputError($"replies[{i}].reply", $"答复不能超过 {ReplyMaxLength} 个字。"));
            }
        }
        return errors.AsReadOnly();
    }

    /// <summary>Longest reply to one reason.</summary>
    public const int ReplyMaxLength = 1000;

    private static void RequireProject(ProjectInfo? project, List<InputError> errors)
    {
        if (project is null)
        {
            errors.Add(new InputError("project", "请填写申报项目基本信息（名称、地址、建设起止年月、总投资和项目简介）。"));
            return;
        }
        void Require(bool missing, string field, string message)
        {
            if (missing)
            {
                errors.Add(new InputError($"project.{field}", message));
            }
        }
        Require(string.IsNullOrWhiteSpace(project.Name), "name", "请填写车间/工厂名称。");
        Require(string.IsNullOrWhiteSpace(project.Address), "address", "请填写车间/工厂所在地址。");
        Require(string.IsNullOrWhiteSpace(project.ConstructionStart), "constructionStart", "请填写建设起始年月。");
        Require(string.IsNullOrWhiteSpace(project.ConstructionEnd), "constructionEnd", "请填写建设完成年月。");
        Require(project.TotalInvestmentWan is null, "totalInvestmentWan", "请填写总投资（万元）。");
        Require(string.IsNullOrWhiteSpace(project.Summary), "summary", "请填写项目简介。");
    }

    private static void ValidateEvidence(ApplicationContent content, RecognitionKind kind, RuleSetCatalog catalog, List<InputError> errors)
    {
        if (content.Evidence is null)
        {
            errors.Add(new InputError("evidence", "证明材料列表不能为空值（没有材料时请提交空对象）。"));
            return;
        }
        var known = EvidenceItems.For(kind, catalog, content).Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<Guid, string>();
        foreach (var (key, ids) in content.Evidence.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!known.Contains(key))
            {
                errors.Add(new InputError($"evidence.{key}", $"“{key}”不是{RecognitionKinds.Label(kind)}申报的证明材料项目。"));
                continue;
            }
            if (ids is null)
            {
                errors.Add(new InputError($"evidence.{key}", "附件列表不能为空值。"));
                continue;
            }
            foreach (var id in ids)
            {
                if (id == Guid.Empty)
                {
                    errors.Add(new InputError($"evidence.{key}", "附件编号无效。"));
                }
                else if (!seen.TryAdd(id, key))
                {
                    errors.Add(new InputError($"evidence.{key}", $"同一附件重复列入（已列在 evidence.{seen[id]}）。"));
                }
            }
        }
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<InputError> Distinct(IEnumerable<InputError> errors) =>
        errors.Distinct().ToList().AsReadOnly();
}
