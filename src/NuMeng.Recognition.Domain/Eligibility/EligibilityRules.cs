namespace NuMeng.Recognition.Domain.Eligibility;

/// <summary>
/// Who may apply: the eligibility requirements of one rule set, as data. Each requirement is a clause; a requirement
/// whose clause is null is not part of this rule set and its finding is 不适用. The department adjusts the rules
/// (管理办法 第十三条) with <c>with</c>, e.g. to extend <see cref="BranchIndustries"/> ("石油石化、有色金属、烟草、汽车等":
/// the "等" leaves the list open to the department).
/// </summary>
public sealed record EligibilityRules
{
    /// <summary>Stable code, e.g. NM-2024-ELIGIBILITY.</summary>
    public required string Code { get; init; }

    /// <summary>Title of the verdict, e.g. 申报主体基本条件（2024年数字化车间和智能工厂认定）.</summary>
    public required string Title { get; init; }

    /// <summary>Registered in Inner Mongolia and (independent legal person, or branch as allowed).</summary>
    public required Clause RegistrationClause { get; init; }

    /// <summary>The clause on legal status (独立法人资格; branches).</summary>
    public required Clause LegalStatusClause { get; init; }

    /// <summary>
    /// Industries in which a branch (分支机构) of a legal person may apply, with its own 统一社会信用代码.
    /// Empty: only independent legal persons may apply (2024, 第五条（一）). Matched exactly (after trimming): the form
    /// offers this list.
    /// </summary>
    public required IReadOnlyList<string> BranchIndustries { get; init; }

    /// <summary>规模以上工业企业 required (2025 基础要求 1); null when not required (2024).</summary>
    public Clause? AboveDesignatedSizeClause { get; init; }

    /// <summary>The workshop/factory is in the region (管理办法 第五条（二）).</summary>
    public Clause? SiteClause { get; init; }

    /// <summary>Built and in normal use (管理办法 第五条（二）).</summary>
    public Clause? BuiltAndInUseClause { get; init; }

    /// <summary>Main products fit the region's industrial policy (管理办法 第五条（三）).</summary>
    public Clause? IndustrialPolicyClause { get; init; }

    /// <summary>Normal operation in the look-back years (2025 基础要求 2 "企业近三年生产经营正常").</summary>
    public Clause? NormalOperationClause { get; init; }

    /// <summary>No false information in the application (管理办法 第六条（一）).</summary>
    public required Clause FalseInformationClause { get; init; }

    /// <summary>No major safety, quality or environmental-pollution accident in the look-back years.</summary>
    public required Clause IncidentClause { get; init; }

    /// <summary>Not listed as a seriously dishonest entity (严重失信主体名单).</summary>
    public required Clause DishonestyClause { get; init; }

    /// <summary>Key equipment, industrial software etc. secure and controllable (2025 基础要求 3).</summary>
    public Clause? SecureAndControllableClause { get; init; }

    /// <summary>An organisation for planning, building and running the smart factory (2025 基础要求 4).</summary>
    public Clause? OrganisationClause { get; init; }

    /// <summary>A GB/T 39116-2020 maturity self-assessment (2025 基础要求 5).</summary>
    public Clause? MaturitySelfAssessmentClause { get; init; }

    /// <summary>"近三年": the look-back in years (第六条（二）: 3). See <see cref="LookbackWindow"/>.</summary>
    public int LookbackYears { get; init; } = 3;

    /// <summary>True when 规模以上工业企业 is required (2025), false when not (2024).</summary>
    public bool RequiresAboveDesignatedSize => AboveDesignatedSizeClause is not null;

    /// <summary>True when branches may apply in some industries.</summary>
    public bool BranchesAllowed => BranchIndustries.Count > 0;

    /// <summary>管理办法（征求意见稿）: the 2024 recognition of digital workshops and smart factories.</summary>
    public const string MeasuresDocument = "内蒙古自治区数字化车间和智能工厂认定管理办法";

    /// <summary>The 2025 tier conditions.</summary>
    public const string TierDocument = "内蒙古自治区智能工厂梯度培育要素条件（2025年版）";

    private static readonly Clause Measures5_1 = new(MeasuresDocument, "第五条（一）",
        "申报主体在内蒙古自治区内注册、具有独立法人资格。");

    private static readonly Clause Measures5_2 = new(MeasuresDocument, "第五条（二）",
        "申报车间或工厂所在地在区内，已经建成并投入正常使用。");

    private static readonly Clause Measures5_3 = new(MeasuresDocument, "第五条（三）",
        "申报车间、工厂所生产的主导产品符合内蒙古产业政策，有技术先进性与良好市场前景，并采用行业先进工艺。");

    private static readonly Clause Measures6_1 = new(MeasuresDocument, "第六条（一）",
        "有下列情况之一的不得申报内蒙古自治区数字化车间和智能工厂：（一）提供虚假申报信息的。");

    private static readonly Clause Measures6_2 = new(MeasuresDocument, "第六条（二）",
        "有下列情况之一的不得申报内蒙古自治区数字化车间和智能工厂：（二）近三年发生过重大生产安全、质量和环境污染事故或者有严重失信行为的。");

    private static readonly Clause Tier1 = new(TierDocument, "一、基础要求 1",
        "申报主体在内蒙古自治区境内注册，具有独立法人资格的规模以上工业企业（石油石化、有色金属、烟草、汽车等有行业特殊情况的，"
        + "允许法人的分支机构申报，须有统一社会信用代码），企业和产品均具有较强市场竞争力。");

    private static readonly Clause Tier2 = new(TierDocument, "一、基础要求 2",
        "企业近三年生产经营正常，诚信守法，近三年未发生重大（含）以上安全、环保、质量事故（事件），未被列入严重失信主体名单。");

    private static readonly Clause Tier3 = new(TierDocument, "一、基础要求 3",
        "工厂使用的关键技术装备、工业软件、工业操作系统、系统解决方案等安全可控，网络安全和数据安全风险可控。");

    private static readonly Clause Tier4 = new(TierDocument, "一、基础要求 4",
        "企业应建立智能工厂统筹规划、建设和运营的组织机制。");

    private static readonly Clause Tier5 = new(TierDocument, "一、基础要求 5",
        "企业具备基本的数字化、网络化、智能化能力，智能制造能力成熟度自评价水平达到 GB/T39116-2020《智能制造能力成熟度模型》相应的要求。");

    /// <summary>
    /// 2024 认定 (管理办法 第五条、第六条): independent legal person registered in the region (no branches), site in the
    /// region, built and in normal use, products fit industrial policy, no false information, and no major accident or
    /// serious dishonesty in the last three years. 规模以上 is not required.
    /// </summary>
    public static EligibilityRules For2024() => new()
    {
        Code = "NM-2024-ELIGIBILITY",
        Title = "申报主体基本条件（2024年数字化车间和智能工厂认定）",
        RegistrationClause = Measures5_1,
        LegalStatusClause = Measures5_1,
        BranchIndustries = [],
        SiteClause = Measures5_2,
        BuiltAndInUseClause = Measures5_2,
        IndustrialPolicyClause = Measures5_3,
        FalseInformationClause = Measures6_1,
        IncidentClause = Measures6_2,
        DishonestyClause = Measures6_2,
        LookbackYears = 3,
    };

    /// <summary>
    /// 2025 梯度培育 (要素条件 一、基础要求 1–5), plus the 管理办法's 第五条（二）（三） and 第六条（一）, which the 2025 text
    /// does not repeat but which the department's recognition procedure still applies (docs/procedure.md §1 lists them together):
    /// 规模以上工业企业; branches allowed in 石油石化、有色金属、烟草、汽车 with their own 统一社会信用代码; normal operation,
    /// no major accident and not on the serious-dishonesty list in the last three years; key equipment secure and
    /// controllable; an organisation for the smart factory; a GB/T 39116-2020 self-assessment.
    /// </summary>
    public static EligibilityRules For2025() => new()
    {
        Code = "NM-2025-TIER-ELIGIBILITY",
        Title = "申报主体基本要求（2025年智能工厂梯度培育）",
        RegistrationClause = Tier1,
        LegalStatusClause = Tier1,
        BranchIndustries = ["石油石化", "有色金属", "烟草", "汽车"],
        AboveDesignatedSizeClause = Tier1,
        SiteClause = Measures5_2,
        BuiltAndInUseClause = Measures5_2,
        IndustrialPolicyClause = Measures5_3,
        NormalOperationClause = Tier2,
        FalseInformationClause = Measures6_1,
        IncidentClause = Tier2,
        DishonestyClause = Tier2,
        SecureAndControllableClause = Tier3,
        OrganisationClause = Tier4,
        MaturitySelfAssessmentClause = Tier5,
        LookbackYears = 3,
    };
}
