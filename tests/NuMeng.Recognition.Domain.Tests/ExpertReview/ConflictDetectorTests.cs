using NuMeng.Recognition.Domain.Eligibility;
using NuMeng.Recognition.Domain.ExpertReview;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Domain.Tests.ExpertReview;

/// <summary>
/// "conflicts detected automatically (same enterprise or group, same consultancy as the
/// application, the expert's employer)"; docs/rule-reference.md §9 "No fees": the consultancy that prepared an application "also
/// matters for expert conflicts of interest".
/// </summary>
public class ConflictDetectorTests
{
    internal static readonly Guid Enterprise = Guid.Parse("00000000-0000-0000-0000-0000000000e1");
    internal static readonly Guid OtherOrganisation = Guid.Parse("00000000-0000-0000-0000-0000000000e2");
    internal static readonly string EnterpriseCode = Code("150602", 8);
    internal static readonly string ParentCode = Code("150600", 20);
    internal static readonly string SiblingCode = Code("150603", 21);
    internal static readonly string UnrelatedCode = Code("150102", 22);

    internal static string Code(string region, int n)
    {
        var first17 = $"91{region}MA0{n:D2}NMQ7";
        return first17 + CreditCode.ComputeCheckCharacter(first17);
    }

    internal static ApplicationProfile Application(string? consultancy = "北疆智能制造咨询有限公司", string? parent = null) => new(
        Guid.Parse("00000000-0000-0000-0000-0000000000a8"), Enterprise, "鄂尔多斯高原煤化工有限公司", EnterpriseCode,
        parent, parent is null ? null : "高原能源集团有限公司", consultancy, "现代煤化工", RecognitionKind.SmartFactory, "1506");

    internal static ExpertProfile Expert(Guid? employerId = null, string? employerCode = null, string? employerParent = null,
        string[]? links = null, string employer = "内蒙古工业大学", string league = "1501", string[]? fields = null, bool active = true,
        string name = "王建国", Guid? id = null) => new(
        id ?? Guid.Parse("00000000-0000-0000-0000-000000000001"), name, employer, employerId, employerCode, employerParent,
        fields ?? ["装备制造"], league, links ?? [], active);

    public static TheoryData<string, ExpertProfile, ApplicationProfile, ConflictKind[]> Cases => new()
    {
        // No tie at all: another employer, no links.
        { "none", Expert(OtherOrganisation, UnrelatedCode), Application(), [] },
        // "same enterprise": the expert's registered employer is the applicant.
        { "same-enterprise", Expert(Enterprise), Application(), [ConflictKind.SameEnterprise] },
        // "the expert's employer": same 统一社会信用代码 (employer not registered, code typed in the pool).
        { "same-credit-code", Expert(null, EnterpriseCode), Application(), [ConflictKind.SameCreditCode] },
        // Codes are compared as typed with an IME: lower case and spaces do not hide the match.
        { "same-credit-code-typed", Expert(null, " " + EnterpriseCode.ToLowerInvariant() + " "), Application(), [ConflictKind.SameCreditCode] },
        // Both at once: registered employer AND same code.
        { "same-enterprise-and-code", Expert(Enterprise, EnterpriseCode), Application(), [ConflictKind.SameEnterprise, ConflictKind.SameCreditCode] },
        // "same group": the enterprise's parent is the expert's employer.
        { "group-parent", Expert(OtherOrganisation, ParentCode), Application(parent: ParentCode), [ConflictKind.SameGroup] },
        // "same group": a sibling under the same parent employs the expert.
        { "group-sibling", Expert(OtherOrganisation, SiblingCode, ParentCode), Application(parent: ParentCode), [ConflictKind.SameGroup] },
        // "same group": the expert works for a subsidiary of the applicant.
        { "group-subsidiary", Expert(OtherOrganisation, SiblingCode, EnterpriseCode), Application(), [ConflictKind.SameGroup] },
        // A parent group of another group is no tie.
        { "group-other", Expert(OtherOrganisation, SiblingCode, UnrelatedCode), Application(parent: ParentCode), [] },
        // No parent on the application: an employer without parent is no group tie.
        { "group-none", Expert(OtherOrganisation, SiblingCode), Application(parent: null), [] },
        // "same consultancy as the application": demo expert 9 and A8's consultancy.
        { "consultancy-link", Expert(links: ["北疆智能制造咨询有限公司"]), Application(), [ConflictKind.Consultancy] },
        // Typed with full-width brackets and spaces in one place and not the other.
        { "consultancy-typed", Expert(links: ["北疆智能制造咨询 （呼和浩特） 有限公司"]), Application("北疆智能制造咨询(呼和浩特)有限公司"), [ConflictKind.Consultancy] },
        // The expert's employer IS the consultancy.
        { "consultancy-employer", Expert(employer: "北疆智能制造咨询有限公司"), Application(), [ConflictKind.Consultancy] },
        // Another consultancy: no tie.
        { "consultancy-other", Expert(links: ["草原数字咨询有限公司"]), Application(), [] },
        // No consultancy on the application: a linked expert is no conflict.
        { "consultancy-none", Expert(links: ["北疆智能制造咨询有限公司"]), Application(consultancy: null), [] },
        { "consultancy-blank", Expert(links: [""]), Application(consultancy: "  "), [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Detect_Table_ExpectedConflicts(string name, ExpertProfile expert, ApplicationProfile application, ConflictKind[] expected)
    {
        var conflicts = ConflictDetector.Detect(expert, application);

        Assert.True(expected.SequenceEqual(conflicts.Select(c => c.Kind)),
            $"{name}: 期望 [{string.Join(", ", expected)}]，实为 [{string.Join(", ", conflicts.Select(c => c.Kind))}]");
        Assert.All(conflicts, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason)));
    }

    [Fact]
    public void Detect_ConsultancyLink_ReasonNamesTheConsultancy()
    {
        var conflict = Assert.Single(ConflictDetector.Detect(Expert(links: ["北疆智能制造咨询有限公司"]), Application()));

        Assert.Equal("申报材料由咨询机构“北疆智能制造咨询有限公司”协助编制，专家与该机构存在关联", conflict.Reason);
    }

    [Fact]
    public void Detect_SiblingEmployer_ReasonNamesTheGroup()
    {
        var conflict = Assert.Single(ConflictDetector.Detect(Expert(OtherOrganisation, SiblingCode, ParentCode), Application(parent: ParentCode)));

        Assert.Equal($"专家所在单位“内蒙古工业大学”与申报企业同属所属集团“高原能源集团有限公司”（{ParentCode}）", conflict.Reason);
    }

    [Fact]
    public void Describe_TwoConflicts_JoinedWithSemicolon()
    {
        var text = ConflictDetector.Describe(ConflictDetector.Detect(Expert(Enterprise, EnterpriseCode), Application()));

        Assert.Equal($"专家所在单位“内蒙古工业大学”即申报企业“鄂尔多斯高原煤化工有限公司”；专家所在单位“内蒙古工业大学”的统一社会信用代码（{EnterpriseCode}）与申报企业“鄂尔多斯高原煤化工有限公司”相同", text);
    }

    public static TheoryData<string, ExpertProfile, string[]> ValidationCases => new()
    {
        { "valid", Expert(), [] },
        { "no-name", Expert(name: " "), ["expert.name"] },
        { "long-name", Expert(name: new string('王', ExpertProfile.MaxNameLength + 1)), ["expert.name"] },
        { "name-at-limit", Expert(name: new string('王', ExpertProfile.MaxNameLength)), [] },
        { "bad-code", Expert(employerCode: "91150602MA008NMQ7X"), ["expert.employerCreditCode"] },
        { "unknown-league", Expert(league: "1599"), ["expert.leagueCode"] },
        { "no-fields", Expert(fields: []), ["expert.fields"] },
    };

    [Theory]
    [MemberData(nameof(ValidationCases))]
    public void Validate_Table_ErrorFields(string name, ExpertProfile expert, string[] fields)
    {
        var errors = expert.Validate("expert");

        Assert.True(fields.SequenceEqual(errors.Select(e => e.Field)), $"{name}: {string.Join("；", errors.Select(e => e.Field + " " + e.Message))}");
    }
}
