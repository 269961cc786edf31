using System.Text;

namespace NuMeng.Recognition.Domain.ExpertReview;

/// <summary>
/// An expert of the pool as conflict detection and panel planning see them ("conflicts detected
/// automatically (same enterprise or group, same consultancy as the application, the expert's employer)").
/// </summary>
/// <param name="ExpertId">The expert record.</param>
/// <param name="Name">姓名.</param>
/// <param name="EmployerName">工作单位 (free text).</param>
/// <param name="EmployerOrganisationId">The employer when it is registered in the portal.</param>
/// <param name="EmployerCreditCode">统一社会信用代码 of the employer, if known.</param>
/// <param name="EmployerParentCreditCode">Credit code of the employer's own parent group (from its registration), if any.</param>
/// <param name="Fields">专业领域.</param>
/// <param name="LeagueCode">The 盟市 the expert works in (4 digits), if known.</param>
/// <param name="ConsultancyLinks">Consultancies the expert works for or with.</param>
/// <param name="IsActive">Inactive experts are never suggested.</param>
public sealed record ExpertProfile(
    Guid ExpertId,
    string Name,
    string? EmployerName,
    Guid? EmployerOrganisationId,
    string? EmployerCreditCode,
    string? EmployerParentCreditCode,
    IReadOnlyList<string> Fields,
    string? LeagueCode,
    IReadOnlyList<string> ConsultancyLinks,
    bool IsActive)
{
    /// <summary>Longest 姓名 accepted.</summary>
    public const int MaxNameLength = 50;

    /// <summary>
    /// Checks an expert record as the department types it into the pool: a name, a valid employer credit code when given,
    /// a known 盟市, no empty field or consultancy entries. Field paths are camelCase under <paramref name="prefix"/>.
    /// </summary>
    public IReadOnlyList<InputError> Validate(string prefix)
    {
        var p = string.IsNullOrEmpty(prefix) ? string.Empty : prefix + ".";
        var errors = new List<InputError>();
        var name = Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            errors.Add(new($"{p}name", "请填写专家姓名"));
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(new($"{p}name", $"专家姓名不能超过 {MaxNameLength} 个字（当前 {name.Length} 个）"));
        }
        if (!string.IsNullOrWhiteSpace(EmployerCreditCode) && !CreditCode.TryParse(EmployerCreditCode, out _, out var codeError))
        {
            errors.Add(new($"{p}employerCreditCode", codeError.StartsWith("统一社会信用代码", StringComparison.Ordinal)
                ? "工作单位" + codeError
                : "工作单位统一社会信用代码有误：" + codeError));
        }
        if (!string.IsNullOrWhiteSpace(LeagueCode) && InnerMongoliaRegions.Leagues.All(l => l.Code != LeagueCode))
        {
            errors.Add(new($"{p}leagueCode", $"“{LeagueCode}”不是内蒙古自治区的盟市代码"));
        }
        if (Fields.Count == 0)
        {
            errors.Add(new($"{p}fields", "请至少填写一个专业领域（用于按企业行业推荐专家）"));
        }
        return errors;
    }
}

/// <summary>An application as conflict detection and panel planning see it.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="EnterpriseId">The applying enterprise (organisation id).</param>
/// <param name="EnterpriseName">Its name, for the reasons.</param>
/// <param name="EnterpriseCreditCode">Its 统一社会信用代码.</param>
/// <param name="ParentCreditCode">Credit code of its parent group or, for a branch, of its legal person; null if none.</param>
/// <param name="ParentGroupName">所属集团, for the reasons.</param>
/// <param name="ConsultancyName">The consultancy that prepared the application, if any.</param>
/// <param name="Industry">所属行业 of the enterprise.</param>
/// <param name="Kind">The recognition kind applied for.</param>
/// <param name="LeagueCode">The enterprise's 盟市 (4 digits).</param>
public sealed record ApplicationProfile(
    Guid ApplicationId,
    Guid EnterpriseId,
    string EnterpriseName,
    string? EnterpriseCreditCode,
    string? ParentCreditCode,
    string? ParentGroupName,
    string? ConsultancyName,
    string? Industry,
    RecognitionKind Kind,
    string LeagueCode);

/// <summary>What ties an expert to an application.</summary>
public enum ConflictKind
{
    /// <summary>专家所在单位即申报企业.</summary>
    SameEnterprise,
    /// <summary>专家所在单位与申报企业的统一社会信用代码相同.</summary>
    SameCreditCode,
    /// <summary>同一集团: the employer is the enterprise's parent, a sibling under the same parent, or its subsidiary.</summary>
    SameGroup,
    /// <summary>申报材料的咨询机构是专家所在单位或与专家有关联.</summary>
    Consultancy,
}

/// <summary>One conflict of interest found, with its reason in Chinese.</summary>
public sealed record ExpertConflict(ConflictKind Kind, string Reason);

/// <summary>
/// Detects conflicts of interest between an expert and an application (docs/rule-reference.md §9 "No fees:
/// record which consultancy (if any) prepared an application, which also matters for expert conflicts of interest";
/// §6 "Independent expert scoring with conflict-of-interest recusal"). Pure: it compares what the records say.
/// </summary>
public static class ConflictDetector
{
    /// <summary>Every conflict between <paramref name="expert"/> and <paramref name="application"/>; empty when none.</summary>
    public static IReadOnlyList<ExpertConflict> Detect(ExpertProfile expert, ApplicationProfile application)
    {
        ArgumentNullException.ThrowIfNull(expert);
        ArgumentNullException.ThrowIfNull(application);
        var conflicts = new List<ExpertConflict>();
        var employer = string.IsNullOrWhiteSpace(expert.EmployerName) ? "专家所在单位" : $"专家所在单位“{expert.EmployerName.Trim()}”";

        // Same enterprise: the expert works for the applicant itself.
        if (expert.EmployerOrganisationId is { } employerId && employerId == application.EnterpriseId)
        {
            conflicts.Add(new(ConflictKind.SameEnterprise, $"{employer}即申报企业“{application.EnterpriseName}”"));
        }

        var employerCode = Code(expert.EmployerCreditCode);
        var enterpriseCode = Code(application.EnterpriseCreditCode);
        if (employerCode is not null && employerCode == enterpriseCode)
        {
            conflicts.Add(new(ConflictKind.SameCreditCode,
                $"{employer}的统一社会信用代码（{employerCode}）与申报企业“{application.EnterpriseName}”相同"));
        }

        // Same group: the enterprise's parent is the employer, the employer sits under the same parent, or the employer
        // is a subsidiary of the enterprise.
        var parentCode = Code(application.ParentCreditCode);
        var employerParent = Code(expert.EmployerParentCreditCode);
        var group = string.IsNullOrWhiteSpace(application.ParentGroupName) ? "所属集团" : $"所属集团“{application.ParentGroupName.Trim()}”";
        if (parentCode is not null && employerCode == parentCode)
        {
            conflicts.Add(new(ConflictKind.SameGroup, $"{employer}是申报企业的{group}（{parentCode}）"));
        }
        else if (parentCode is not null && employerParent == parentCode)
        {
            conflicts.Add(new(ConflictKind.SameGroup, $"{employer}与申报企业同属{group}（{parentCode}）"));
        }
        else if (enterpriseCode is not null && employerParent == enterpriseCode)
        {
            conflicts.Add(new(ConflictKind.SameGroup, $"{employer}是申报企业“{application.EnterpriseName}”的下属单位"));
        }

        // The consultancy that prepared the application is among the expert's links (or is the employer).
        var consultancy = Text(application.ConsultancyName);
        if (consultancy.Length > 0
            && (expert.ConsultancyLinks.Any(l => Text(l) == consultancy) || Text(expert.EmployerName) == consultancy))
        {
            conflicts.Add(new(ConflictKind.Consultancy,
                $"申报材料由咨询机构“{application.ConsultancyName!.Trim()}”协助编制，专家与该机构存在关联"));
        }
        return conflicts;
    }

    /// <summary>One line of all reasons, for a refusal message or the assignment's recorded reason.</summary>
    public static string Describe(IReadOnlyList<ExpertConflict> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        return string.Join("；", conflicts.Select(c => c.Reason));
    }

    private static string? Code(string? creditCode)
    {
        var code = CreditCode.Normalise(creditCode);
        return code.Length == 0 ? null : code;
    }

    /// <summary>Names compared as people type them: NFKC (full-width brackets), no white space.</summary>
    internal static string Text(string? name)
    {
        var normalised = (name ?? string.Empty).Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
