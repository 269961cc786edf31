namespace NuMeng.Recognition.Data.Organisations;

/// <summary>What kind of body an organisation is; the tenant of every owned row.</summary>
public enum OrganisationKind
{
    /// <summary>申报企业.</summary>
    Enterprise,
    /// <summary>盟市工业和信息化主管部门.</summary>
    Bureau,
    /// <summary>自治区工业和信息化厅.</summary>
    Department,
    /// <summary>第三方机构 (organises expert review on the department's behalf).</summary>
    Agency,
}

/// <summary>
/// An organisation: an enterprise, one of the 12 league/city bureaus, the department or the review agency.
/// Tenancy is organisation-based (docs/architecture.md principle 2).
/// </summary>
public sealed class Organisation : Entity
{
    public OrganisationKind Kind { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>统一社会信用代码 (GB 32100-2015, 18 characters). Required for enterprises; unique when present.</summary>
    public string? CreditCode { get; set; }

    /// <summary>
    /// 盟市 code (行政区划代码 prefix, e.g. "1501" 呼和浩特市): for an enterprise derived from credit-code characters 3–6
    /// and confirmed by the enterprise; for a bureau the area it is responsible for.
    /// </summary>
    public string? LeagueCode { get; set; }

    /// <summary>Whether the enterprise confirmed the league derived from its credit code.</summary>
    public bool LeagueConfirmed { get; set; }

    /// <summary>所属行业.</summary>
    public string? Industry { get; set; }

    public ManufacturingType? ManufacturingType { get; set; }

    /// <summary>独立法人 or 分支机构 (2025 基础要求 1 admits branches with their own credit code in named industries).</summary>
    public LegalStatus? LegalStatus { get; set; }

    /// <summary>所属集团 (parent group), if any.</summary>
    public string? ParentGroupName { get; set; }

    /// <summary>Credit code of the parent group or, for a branch, of the legal person it belongs to.</summary>
    public string? ParentCreditCode { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public string? Address { get; set; }
}
