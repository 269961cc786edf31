namespace NuMeng.Recognition.Data.Review;

/// <summary>
/// An expert of the department's pool (评审专家). The employer and consultancy links are what conflict-of-interest
/// detection compares with an application's enterprise and consultancy (docs/rule-reference.md §9 "No fees").
/// </summary>
public sealed class Expert : Entity
{
    public string Name { get; set; } = string.Empty;

    /// <summary>职称 / position.</summary>
    public string? Title { get; set; }

    public string? EmployerName { get; set; }

    public string? EmployerCreditCode { get; set; }

    /// <summary>The expert's own organisation, when it is registered in the portal.</summary>
    public Guid? EmployerOrganisationId { get; set; }

    /// <summary>专业领域 (e.g. 装备制造, 冶金, 化工, 工业软件).</summary>
    public List<string> Fields { get; set; } = [];

    /// <summary>The 盟市 the expert works in (same-league assignments may be avoided).</summary>
    public string? LeagueCode { get; set; }

    /// <summary>Consultancies the expert works for or with; an application prepared by one of them is a conflict.</summary>
    public List<string> ConsultancyLinks { get; set; } = [];

    public string? Phone { get; set; }

    public bool IsActive { get; set; } = true;
}
