using NuMeng.Recognition.Domain.PreCheck;

namespace NuMeng.Recognition.Domain.Applications;

/// <summary>
/// What an enterprise fills in for one application (申报书): the project, the figures in the pre-check's sections, the
/// evidence per item, the consultancy and the commitment. Stored as the draft JSON of the application and, on
/// submission, frozen into a version; the bureau and the experts read the same shape. The kind applied for is not part
/// of the content: it comes from the batch (a batch is of one kind and names its rule set).
/// </summary>
/// <remarks>
/// JSON with <see cref="JsonInput.Options"/> (camelCase, enums by name). Field paths of <see cref="InputError"/>s are the
/// JSON paths: <c>project.name</c>, <c>technical.digitalEquipment</c>, <c>evidence.kpi.productionEfficiency</c>,
/// <c>commitment.accepted</c>. Every part is optional while drafting; <see cref="SubmissionCheck"/> says what is missing.
/// </remarks>
public sealed record ApplicationContent
{
    /// <summary>An empty draft.</summary>
    public static ApplicationContent Empty { get; } = new();

    /// <summary>申报项目: the workshop or factory, where it is, when it was built, what it cost.</summary>
    public ProjectInfo? Project { get; init; }

    /// <summary>企业基本情况与资格声明 (管理办法 第五条、第六条; 2025 基础要求).</summary>
    public EligibilityInput? Enterprise { get; init; }

    /// <summary>技术指标 (2024 技术条件 一、二); used by 数字化车间 and 智能工厂.</summary>
    public TechnicalIndicators? Technical { get; init; }

    /// <summary>效益指标原始数据 and declared results (2024 技术条件 一（五）、二（一）7、三).</summary>
    public KpiInputs? Kpi { get; init; }

    /// <summary>建设场景与成熟度 (2025 梯度培育要素条件); used by the tier kinds.</summary>
    public TierInput? Tier { get; init; }

    /// <summary>
    /// 证明材料: evidence item key (see <see cref="EvidenceItems"/>, e.g. <c>technical.digitalEquipment</c>) → ids of the
    /// attachments uploaded for it. The files themselves are attachment rows; the frozen version lists them with their hashes.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Guid>> Evidence { get; init; } = new Dictionary<string, IReadOnlyList<Guid>>();

    /// <summary>
    /// 咨询机构: the consultancy that helped prepare the application, or null for 无. Recognition is free (docs/rule-reference.md §9
    /// "No fees"); the name matters for expert conflicts of interest.
    /// </summary>
    public string? Consultancy { get; init; }

    /// <summary>承诺书: accepted at submission with the signer's name.</summary>
    public Commitment? Commitment { get; init; }

    /// <summary>
    /// 对退回意见的答复: after a return for revision, one reply per reason of that return (the bureau's item key and
    /// words copied, so the frozen version shows what was answered). Replaced when a later return is answered; empty
    /// for a first submission.
    /// </summary>
    public IReadOnlyList<ReturnReply> Replies { get; init; } = [];

    /// <summary>The pre-check request for the engine, so the live check, the bureau and the experts judge the same figures.</summary>
    /// <param name="kind">The batch's kind.</param>
    /// <param name="assessmentDate">The look-back date (近三年); null: the caller's today.</param>
    public PreCheckRequest ToPreCheckRequest(RecognitionKind kind, DateOnly? assessmentDate = null) => new()
    {
        Kind = kind,
        AssessmentDate = assessmentDate,
        Enterprise = Enterprise,
        Technical = RecognitionKinds.IsTier(kind) ? null : Technical,
        Kpi = RecognitionKinds.IsTier(kind) ? null : Kpi,
        Tier = RecognitionKinds.IsTier(kind) ? Tier : null,
    };

    /// <summary>Evaluates the figures with the pre-check engine under <paramref name="catalog"/>.</summary>
    public PreCheckOutcome Evaluate(RecognitionKind kind, DateOnly today, RuleSetCatalog catalog) =>
        PreCheckService.Evaluate(ToPreCheckRequest(kind), today, catalog);

    /// <summary>The attachment ids listed for an evidence item (empty when none).</summary>
    public IReadOnlyList<Guid> EvidenceFor(string itemKey) =>
        Evidence is not null && Evidence.TryGetValue(itemKey, out var ids) && ids is not null ? ids : [];

    /// <summary>A copy with <paramref name="attachmentIds"/> as the evidence of <paramref name="itemKey"/> (an empty list removes the item).</summary>
    public ApplicationContent WithEvidence(string itemKey, IReadOnlyList<Guid> attachmentIds)
    {
        var copy = new Dictionary<string, IReadOnlyList<Guid>>(Evidence ?? new Dictionary<string, IReadOnlyList<Guid>>(), StringComparer.Ordinal);
        if (attachmentIds.Count == 0)
        {
            copy.Remove(itemKey);
        }
        else
        {
            copy[itemKey] = attachmentIds.ToList().AsReadOnly();
        }
        return this with { Evidence = copy };
    }

    /// <summary>Serialises with <see cref="JsonInput.Options"/>.</summary>
    public string ToJson() => JsonInput.Write(this);

    /// <summary>Reads content JSON strictly (unknown fields are errors, named in Chinese).</summary>
    public static ApplicationContent? Read(string? json, out IReadOnlyList<InputError> errors) =>
        JsonInput.Read<ApplicationContent>(json, out errors);

    /// <summary>
    /// Reads a stored draft: strictly when possible; otherwise skipping unknown fields (a draft saved by an older form);
    /// and when even that fails, an empty draft with the reason, so a damaged draft never locks the enterprise out.
    /// </summary>
    public static ApplicationContent ReadDraft(string? json, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(json) || json.Trim() == "{}")
        {
            return Empty;
        }
        var strict = Read(json, out var errors);
        if (strict is not null)
        {
            return strict;
        }
        try
        {
            var lenient = JsonSerializer.Deserialize<ApplicationContent>(json, LenientOptions);
            problem = "草稿中有本表单不认识的内容，已忽略：" + string.Join("；", errors.Select(e => e.ToString()));
            return lenient ?? Empty;
        }
        catch (JsonException)
        {
            problem = "草稿内容无法读取（" + string.Join("；", errors.Select(e => e.ToString())) + "），已从空白表单开始；保存后将替换原草稿。";
            return Empty;
        }
    }

    private static readonly JsonSerializerOptions LenientOptions = new(JsonInput.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };
}

/// <summary>申报项目 (the workshop or factory applied for).</summary>
/// <param name="Name">车间/工厂名称.</param>
/// <param name="Address">所在地址 (in Inner Mongolia: 管理办法 第五条（二）).</param>
/// <param name="ConstructionStart">建设起始年月, <c>yyyy-MM</c> (what an HTML month field gives).</param>
/// <param name="ConstructionEnd">建设完成年月, <c>yyyy-MM</c>.</param>
/// <param name="TotalInvestmentWan">总投资（万元）.</param>
/// <param name="Summary">项目简介.</param>
public sealed record ProjectInfo(
    string? Name = null,
    string? Address = null,
    string? ConstructionStart = null,
    string? ConstructionEnd = null,
    decimal? TotalInvestmentWan = null,
    string? Summary = null)
{
    /// <summary>Longest 项目简介 accepted (about two pages of the paper form).</summary>
    public const int SummaryMaxLength = 2000;

    /// <summary>Longest name accepted (the data layer's column).</summary>
    public const int NameMaxLength = 200;

    /// <summary>
    /// Checks what is filled in (a missing value is no error here: <see cref="SubmissionCheck"/> reports it): month
    /// format, the order of start and end, an end not after <paramref name="today"/>'s month (管理办法 第五条（二）: the
    /// workshop/factory is 已建成并正常使用), a non-negative investment, the lengths.
    /// </summary>
    public IReadOnlyList<InputError> Validate(string prefix, DateOnly today)
    {
        var errors = new List<InputError>();
        string P(string field) => string.IsNullOrEmpty(prefix) ? field : $"{prefix}.{field}";
        if (Name is { Length: > NameMaxLength })
        {
            errors.Add(new InputError(P("name"), $"车间/工厂名称不能超过 {NameMaxLength} 个字（现为 {Name.Length} 个字）。"));
        }
        var start = Month(ConstructionStart, P("constructionStart"), "建设起始年月", errors);
        var end = Month(ConstructionEnd, P("constructionEnd"), "建设完成年月", errors);
        if (start is { } s && end is { } e && e < s)
        {
            errors.Add(new InputError(P("constructionEnd"), $"建设完成年月（{Show(e)}）不能早于建设起始年月（{Show(s)}）。"));
        }
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        if (end is { } finished && finished > thisMonth)
        {
            errors.Add(new InputError(P("constructionEnd"), $"建设完成年月（{Show(finished)}）晚于本月：申报的车间/工厂须已建成并正常使用（管理办法 第五条（二））。"));
        }
        if (TotalInvestmentWan is < 0)
        {
            errors.Add(new InputError(P("totalInvestmentWan"), $"总投资不能为负数（现为 {Numbers.Format(TotalInvestmentWan.Value)} 万元）。"));
        }
        if (Summary is { Length: > SummaryMaxLength })
        {
            errors.Add(new InputError(P("summary"), $"项目简介不能超过 {SummaryMaxLength} 个字（现为 {Summary.Length} 个字）。"));
        }
        return errors.AsReadOnly();
    }

    /// <summary>Parses <c>yyyy-MM</c> into the first day of the month.</summary>
    public static DateOnly? ParseMonth(string? text) =>
        text is not null && DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? d
            : null;

    private static DateOnly? Month(string? text, string field, string label, List<InputError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var parsed = ParseMonth(text);
        if (parsed is null || parsed.Value.Year < 1949)
        {
            errors.Add(new InputError(field, $"{label}“{text}”的格式不正确：应为 yyyy-MM（如 2024-03）。"));
            return null;
        }
        return parsed;
    }

    private static string Show(DateOnly month) => $"{month.Year}年{month.Month}月";
}

/// <summary>The enterprise's answer to one reason of a return for revision (退回修改).</summary>
/// <param name="ReviewId">The bureau review (return) the reason belongs to.</param>
/// <param name="ItemKey">The item the reason is about, e.g. <c>technical.digitalEquipment</c>.</param>
/// <param name="Reason">The bureau's words, copied.</param>
/// <param name="Reply">What the enterprise changed or explains.</param>
public sealed record ReturnReply(Guid ReviewId, string ItemKey, string Reason, string? Reply);

/// <summary>承诺书: the enterprise vouches that everything is true (管理办法 第六条（一）、第十条（一）: false information bars and revokes).</summary>
/// <param name="Accepted">The box "本单位承诺……" is ticked.</param>
/// <param name="SignerName">Who accepts it for the enterprise (法定代表人或授权人).</param>
public sealed record Commitment(bool Accepted = false, string? SignerName = null)
{
    /// <summary>The words the enterprise accepts.</summary>
    public const string Text =
        "本单位郑重承诺：所填报的申报信息和提交的证明材料真实、准确、完整，无弄虚作假行为；近三年未发生重大安全、质量、环境污染事故，"
        + "未被列入严重失信主体名单。如有不实，愿意承担相应责任，并接受撤销称号等处理（《内蒙古自治区数字化车间和智能工厂认定管理办法》第六条、第十条）。";
}
