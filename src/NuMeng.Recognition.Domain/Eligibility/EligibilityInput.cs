namespace NuMeng.Recognition.Domain.Eligibility;

/// <summary>The applicant's legal status.</summary>
public enum LegalStatus
{
    /// <summary>独立法人.</summary>
    IndependentLegalPerson,
    /// <summary>分支机构 (of a legal person; 2025 基础要求 1 allows it in named industries).</summary>
    Branch,
}

/// <summary>Kinds of major accident that bar an application (管理办法 第六条（二）; 2025 基础要求 2).</summary>
public enum IncidentKind
{
    /// <summary>重大安全事故 (生产安全).</summary>
    MajorSafety,
    /// <summary>重大质量事故.</summary>
    MajorQuality,
    /// <summary>重大环境污染事故.</summary>
    MajorEnvironmentalPollution,
}

/// <summary>
/// A major accident (重大及以上) the applicant declares or the bureau finds. Every part is nullable so that a part left
/// out is reported as missing: a missing date read as 0001-01-01 would fall outside "近三年" and pass, and a missing
/// kind read as the enum's first value would claim a 重大安全事故.
/// </summary>
/// <param name="Date">The day it happened; required.</param>
/// <param name="Kind">Safety, quality or environmental pollution; required.</param>
/// <param name="Description">What happened, briefly; required.</param>
public sealed record Incident(DateOnly? Date, IncidentKind? Kind, string? Description);

/// <summary>Chinese labels of the eligibility enums.</summary>
public static class EligibilityLabels
{
    public static string LegalStatus(LegalStatus status) => status switch
    {
        Eligibility.LegalStatus.IndependentLegalPerson => "独立法人",
        Eligibility.LegalStatus.Branch => "分支机构",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "未知的主体类型"),
    };

    public static string IncidentKind(IncidentKind kind) => kind switch
    {
        Eligibility.IncidentKind.MajorSafety => "重大安全事故",
        Eligibility.IncidentKind.MajorQuality => "重大质量事故",
        Eligibility.IncidentKind.MajorEnvironmentalPollution => "重大环境污染事故",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "未知的事故类别"),
    };
}

/// <summary>
/// What the eligibility check needs to know about the applicant. Nullable answers (bool?) are questions the applicant
/// may not have answered yet; an unanswered question that the rule set requires is 待核实, never a pass.
/// </summary>
public sealed record EligibilityInput
{
    /// <summary>统一社会信用代码 as typed (normalised when parsed).</summary>
    public string? CreditCode { get; init; }

    /// <summary>
    /// 独立法人 or 分支机构; required (null is an input error). Not defaulted to 独立法人: a branch that left it out
    /// would otherwise pass 第五条（一） "具有独立法人资格" unasked.
    /// </summary>
    public LegalStatus? LegalStatus { get; init; }

    /// <summary>The industry, e.g. 有色金属 (decides whether a branch may apply).</summary>
    public string? Industry { get; init; }

    /// <summary>规模以上工业企业 (annual main-business revenue of 20 million yuan or more, by the statistics bureau's list).</summary>
    public bool? AboveDesignatedSize { get; init; }

    /// <summary>The workshop/factory is located in Inner Mongolia (管理办法 第五条（二）); null: not declared, 待核实.</summary>
    public bool? SiteInInnerMongolia { get; init; }

    /// <summary>The workshop/factory is built and in normal use (管理办法 第五条（二）); null: not declared, 待核实.</summary>
    public bool? BuiltAndInNormalUse { get; init; }

    /// <summary>The main products fit the region's industrial policy (管理办法 第五条（三）); null: not declared, 待核实.</summary>
    public bool? ProductsFitIndustrialPolicy { get; init; }

    /// <summary>Normal production and operation during the look-back years (2025 基础要求 2).</summary>
    public bool? OperatingNormally { get; init; }

    /// <summary>Major accidents (any date; the evaluator applies the look-back window).</summary>
    public IReadOnlyList<Incident> Incidents { get; init; } = [];

    /// <summary>
    /// Currently on the serious-dishonesty list (严重失信主体名单). Plain bool on purpose: absence of a listing means
    /// not listed (the form's box is ticked only by a listed enterprise), and the bureau checks the public list anyway.
    /// </summary>
    public bool SeriousDishonestyListed { get; init; }

    /// <summary>The day it was listed, when known.</summary>
    public DateOnly? SeriousDishonestyListedOn { get; init; }

    /// <summary>
    /// False information was found in the application (管理办法 第六条（一）). Plain bool on purpose: it records a finding
    /// against the applicant, so nothing recorded means nothing found.
    /// </summary>
    public bool FalseInformation { get; init; }

    /// <summary>Key equipment, software, operating systems and solutions secure and controllable (2025 基础要求 3).</summary>
    public bool? KeyEquipmentSecureAndControllable { get; init; }

    /// <summary>An organisation for planning, building and running the smart factory exists (2025 基础要求 4).</summary>
    public bool? HasSmartFactoryOrganisation { get; init; }

    /// <summary>A GB/T 39116-2020 maturity self-assessment has been made (2025 基础要求 5).</summary>
    public bool? HasMaturitySelfAssessment { get; init; }

    /// <summary>
    /// Checks the input itself (not the eligibility): the credit code's structure and check character, the legal
    /// status (required) and a branch's industry, each incident's date, kind and description, and a listing date
    /// without a listing. Unanswered yes/no declarations are no input error: the evaluator makes them 待核实.
    /// Paths are JSON camelCase under <paramref name="prefix"/>, e.g. <c>enterprise.creditCode</c>, <c>enterprise.incidents[0].date</c>.
    /// </summary>
    public IReadOnlyList<InputError> Validate(string prefix)
    {
        var errors = new List<InputError>();
        string P(string field) => string.IsNullOrEmpty(prefix) ? field : $"{prefix}.{field}";

        if (!Eligibility.CreditCode.TryParse(CreditCode, out _, out var codeError))
        {
            errors.Add(new InputError(P("creditCode"), codeError));
        }
        if (LegalStatus is not { } status)
        {
            errors.Add(new InputError(P("legalStatus"), "请选择申报主体：独立法人或分支机构"));
        }
        else if (!Enum.IsDefined(status))
        {
            errors.Add(new InputError(P("legalStatus"), "主体类型应为“独立法人”或“分支机构”"));
        }
        else if (status == Eligibility.LegalStatus.Branch && string.IsNullOrWhiteSpace(Industry))
        {
            errors.Add(new InputError(P("industry"), "分支机构申报须填写所属行业"));
        }
        if (Incidents is null)
        {
            errors.Add(new InputError(P("incidents"), "事故列表不能为空值（没有事故时请提交空列表）"));
        }
        else
        {
            for (var i = 0; i < Incidents.Count; i++)
            {
                var path = P($"incidents[{i}]");
                var incident = Incidents[i];
                if (incident is null)
                {
                    errors.Add(new InputError(path, "事故条目不能为空"));
                    continue;
                }
                if (incident.Date is null || incident.Date == default(DateOnly))
                {
                    errors.Add(new InputError($"{path}.date", "请填写事故发生日期"));
                }
                if (incident.Kind is not { } kind)
                {
                    errors.Add(new InputError($"{path}.kind", "请选择事故类别：重大安全事故、重大质量事故或重大环境污染事故"));
                }
                else if (!Enum.IsDefined(kind))
                {
                    errors.Add(new InputError($"{path}.kind", "事故类别应为重大安全事故、重大质量事故或重大环境污染事故"));
                }
                if (string.IsNullOrWhiteSpace(incident.Description))
                {
                    errors.Add(new InputError($"{path}.description", "请简要说明事故情况"));
                }
            }
        }
        if (SeriousDishonestyListedOn is not null && !SeriousDishonestyListed)
        {
            errors.Add(new InputError(P("seriousDishonestyListedOn"), "未列入严重失信主体名单时不应填写列入日期"));
        }
        return errors.AsReadOnly();
    }
}
