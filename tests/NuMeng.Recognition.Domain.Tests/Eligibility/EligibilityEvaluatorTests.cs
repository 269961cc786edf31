using NuMeng.Recognition.Domain.Eligibility;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Domain.Tests.Eligibility;

public class EligibilityEvaluatorTests
{
    private const string HohhotCode = "91150100MA0N2XXXXD";   // valid, 呼和浩特市
    private const string BeijingCode = "91110108MA0N2XXXXG";  // valid, 北京市海淀区
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static EligibilityInput Eligible() => new()
    {
        CreditCode = HohhotCode,
        LegalStatus = LegalStatus.IndependentLegalPerson,
        Industry = "有色金属",
        AboveDesignatedSize = true,
        SiteInInnerMongolia = true,
        BuiltAndInNormalUse = true,
        ProductsFitIndustrialPolicy = true,
        OperatingNormally = true,
        KeyEquipmentSecureAndControllable = true,
        HasSmartFactoryOrganisation = true,
        HasMaturitySelfAssessment = true,
    };

    private static Finding Find(Verdict verdict, string code) => Assert.Single(verdict.Findings, f => f.Code == code);

    [Fact]
    public void Evaluate_2025_AllRequirementsMet_PassesWithOneFindingPerRequirement()
    {
        var verdict = EligibilityEvaluator.Evaluate(EligibilityRules.For2025(), Eligible(), Today);

        Assert.True(verdict.Passed);
        Assert.Equal(14, verdict.Findings.Count);
        Assert.All(verdict.Findings, f => Assert.Equal(Outcome.Pass, f.Outcome));
        Assert.Equal(verdict.Findings.Count, verdict.Findings.Select(f => f.Code).Distinct().Count());
        Assert.Equal("申报主体基本要求（2025年智能工厂梯度培育）", verdict.Title);
    }

    [Theory]
    [InlineData("eligibility.above-designated-size")]
    [InlineData("eligibility.normal-operation")]
    [InlineData("eligibility.secure-and-controllable")]
    [InlineData("eligibility.smart-factory-organisation")]
    [InlineData("eligibility.maturity-self-assessment")]
    public void Evaluate_2024_RequirementsOnlyIn2025_AreNotApplicable(string code)
    {
        // 管理办法 第五条 asks for none of these; the 2025 基础要求 1–5 do.
        var verdict = EligibilityEvaluator.Evaluate(EligibilityRules.For2024(), Eligible() with { AboveDesignatedSize = false }, Today);

        Assert.Equal(Outcome.NotApplicable, Find(verdict, code).Outcome);
        Assert.True(verdict.Passed);
    }

    // 2025 基础要求 1: "具有独立法人资格的规模以上工业企业"; 2024 (第五条（一）) does not ask for 规模以上.
    [Theory]
    [InlineData(true, Outcome.Pass)]
    [InlineData(false, Outcome.Fail)]
    [InlineData(null, Outcome.NeedsReview)]
    public void Evaluate_2025_AboveDesignatedSize(bool? answer, Outcome expected)
    {
        var verdict = EligibilityEvaluator.Evaluate(EligibilityRules.For2025(), Eligible() with { AboveDesignatedSize = answer }, Today);

        var finding = Find(verdict, "eligibility.above-designated-size");
        Assert.Equal(expected, finding.Outcome);
        Assert.Equal("一、基础要求 1", finding.Clause.Article);
        Assert.Equal(expected == Outcome.Pass, verdict.Passed);
    }

    [Fact]
    public void RulesFlags_2024AndTwentyFive_DifferAsTheDocumentsDo()
    {
        Assert.False(EligibilityRules.For2024().RequiresAboveDesignatedSize);
        Assert.True(EligibilityRules.For2025().RequiresAboveDesignatedSize);
        Assert.Empty(EligibilityRules.For2024().BranchIndustries);
        Assert.Equal(["石油石化", "有色金属", "烟草", "汽车"], EligibilityRules.For2025().BranchIndustries);
        Assert.Equal(3, EligibilityRules.For2024().LookbackYears);
        Assert.Equal(3, EligibilityRules.For2025().LookbackYears);
    }

    // 2025 基础要求 1: "石油石化、有色金属、烟草、汽车等有行业特殊情况的，允许法人的分支机构申报，须有统一社会信用代码".
    [Theory]
    [InlineData("石油石化", HohhotCode, Outcome.Pass)]
    [InlineData("有色金属", HohhotCode, Outcome.Pass)]
    [InlineData("烟草", HohhotCode, Outcome.Pass)]
    [InlineData("汽车", HohhotCode, Outcome.Pass)]
    [InlineData(" 汽车 ", HohhotCode, Outcome.Pass)]                // trimmed
    [InlineData("有色金属", "91150100MA0N2XXXXE", Outcome.Fail)]     // allowed industry, but the code's check character is wrong
    [InlineData("有色金属", "", Outcome.Fail)]                        // allowed industry, no code
    [InlineData("化工", HohhotCode, Outcome.Fail)]                   // not a named industry
    [InlineData("", HohhotCode, Outcome.NeedsReview)]                // industry not given
    public void Evaluate_2025_Branch(string industry, string creditCode, Outcome expected)
    {
        var input = Eligible() with { LegalStatus = LegalStatus.Branch, Industry = industry, CreditCode = creditCode };

        var finding = Find(EligibilityEvaluator.Evaluate(EligibilityRules.For2025(), input, Today), "eligibility.legal-status");

        Assert.Equal(expected, finding.Outcome);
    }

    [Fact]
    public void Evaluate_2025_BranchInOtherIndustry_SaysTheDepartmentMayExtendTheList()
    {
        var input = Eligible() with { LegalStatus = LegalStatus.Branch, Industry = "化工" };

        var finding = Find(EligibilityEvaluator.Evaluate(EligibilityRules.For2025(), input, Today), "eligibility.legal-status");

        Assert.Equal("分支机构，所属行业“化工”", finding.Actual);
        Assert.Contains("不在允许分支机构申报的行业（石油石化、有色金属、烟草、汽车等）之列", finding.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DepartmentExtendsBranchIndustries_BranchInAddedIndustryPasses()
    {
        // "等": the department may extend the list (管理办法 第十三条: 适时调整) — data, not code.
        var rules = EligibilityRules.For2025() with { BranchIndustries = [.. EligibilityRules.For2025().BranchIndustries, "电力"] };
        var input = Eligible() with { LegalStatus = LegalStatus.Branch, Industry = "电力" };

        Assert.Equal(Outcome.Pass, Find(EligibilityEvaluator.Evaluate(rules, input, Today), "eligibility.legal-status").Outcome);
    }

    // 管理办法 第五条（一）: "申报主体在内蒙古自治区内注册、具有独立法人资格" — no branches in 2024, whatever the industry.
    [Theory]
    [InlineData("有色金属")]
    [InlineData("化工")]
    public void Evaluate_2024_Branch_Fails(string industry)
    {
        var input = Eligible() with { LegalStatus = LegalStatus.Branch, Industry = industry };

        var verdict = EligibilityEvaluator.Evaluate(EligibilityRules.For2024(), input, Today);

        var finding = Find(verdict, "eligibility.legal-status");
        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Equal("第五条（一）", finding.Clause.Article);
        Assert.Contains("须具有独立法人资格", finding.Explanation, StringComparison.Ordinal);
        Assert.False(verdict.Passed);
    }

    [Fact]
    public void Evaluate_IndependentLegalPersonWithNonEnterpriseCode_NeedsReview()
    {
        // 52: 民政 / 民办非企业单位 — not an enterprise registered with the market regulator.
        var input = Eligible() with { CreditCode = "52150100MA0N2XXXXE" };

        var finding = Find(EligibilityEvaluator.Evaluate(EligibilityRules.For2025(), input, Today), "eligibility.legal-status");

        Assert.Equal(Outcome.NeedsReview, finding.Outcome);
        Assert.Contains("“52”", finding.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RegisteredOutsideInnerMongolia_Fails()
    {
        var verdict = EligibilityEvaluator.Evaluate(EligibilityRules.For2024(), Eligible() with { CreditCode = BeijingCode }, Today);

        Assert.Equal(Outcome.Pass, Find(verdict, "eligibility.credit-code").Outcome);
        var finding = Find(verdict, "eligibility.registered-in-region");
        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Equal("登记机关行政区划码 110108", finding.Actual);
        Assert.False(verdict.Passed);
    }

    [Fact]
    public void Evaluate_RegisteredInInnerMongolia_NamesTheLeague()
    {
        var finding = Find(EligibilityEvaluator.Evaluate(EligibilityRules.For2024(), Eligible(), Today), "eligibility.registered-in-region");

        Assert.Equal(Outcome.Pass, finding.Outcome);
        Assert.Equal("登记机关行政区划码 150100（呼和浩特市）", finding.Actual);
    }

    [Fact]
    public void Evaluate_InvalidCreditCode_FailsCodeAndLeavesRegistrationForReview()
    {
        var verdict = EligibilityEvaluator.Evaluate(EligibilityRules.For2024(), Eligible() with { CreditCode = "91150100MA0N2XXXXE" }, Today);

        var code = Find(verdict, "eligibility.credit-code");
        Assert.Equal(Outcome.Fail, code.Outcome);
        Assert.Equal("统一社会信用代码无效：校验码错误：应为“D”，实为“E”。", code.Explanation);
        Assert.Equal(Outcome.NeedsReview, Find(verdict, "eligibility.registered-in-region").Outcome);
    }

    // 管理办法 第六条（二）: "近三年发生过重大生产安全、质量和环境污染事故…的" may not apply.
    // 近三年 with today 2026年11月21日 is 2023年11月22日至2026年11月21日, both ends included.
    [Theory]
    [InlineData("2023-11-20", Outcome.Pass)]         // a day further out
    [InlineData("2023-11-21", Outcome.Pass)]         // exactly three years before today: three full years have passed
    [InlineData("2023-11-22", Outcome.Fail)]         // first day of the window
    [InlineData("2024-03-05", Outcome.Fail)]
    [InlineData("2026-11-21", Outcome.Fail)]         // today
    [InlineData("2026-11-22", Outcome.NeedsReview)]  // after today: a date error
    public void Evaluate_IncidentAtWindowEdges(string date, Outcome expected)
    {
        var input = Eligible() with { Incidents = [new Incident(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), IncidentKind.MajorSafety, "爆炸")] };

        foreach (var rules in new[] { EligibilityRules.For2024(), EligibilityRules.For2025() })
        {
            var finding = Find(EligibilityEvaluator.Evaluate(rules, input, Today), "eligibility.major-incidents");
            Assert.Equal(expected, finding.Outcome);
            Assert.Equal("近三年（2023年11月22日至2026年11月21日）内未发生重大生产安全、质量和环境污染事故", finding.Required);
        }
    }

    [Fact]
    public void Evaluate_IncidentInWindow_StatesDateKindAndWindow()
    {
        var input = Eligible() with
        {
            Incidents =
            [
                new Incident(new DateOnly(2024, 3, 5), IncidentKind.MajorSafety, "车间火灾"),
                new Incident(new DateOnly(2022, 6, 1), IncidentKind.MajorEnvironmentalPollution, "废水超标排放"),
            ],
        };

        var finding = Find(EligibilityEvaluator.Evaluate(EligibilityRules.For2024(), input, Today), "eligibility.major-incidents");

        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Equal(
            "2024年3月5日发生重大安全事故（车间火灾），在近三年（2023年11月22日至2026年11月21日）内；"
            + "2022年6月1日发生重大环境污染事故（废水超标排放），早于近三年（2023年11月22日至2026年11月21日），不在回溯期内",
            finding.Actual);
        Assert.Equal("第六条（二）", finding.Clause.Article);
        Assert.Equal("近三年（2023年11月22日至2026年11月21日）内发生过重大安全事故，不得申报。", finding.Explanation);
    }

    [Fact]
    public void Evaluate_SeriousDishonestyListed_FailsWithListingDate()
    {
        var input = Eligible() with { SeriousDishonestyListed = true, SeriousDishonestyListedOn = new DateOnly(2025, 6, 1) };

        var finding = Find(EligibilityEvaluator.Evaluate(EligibilityRules.For2025(), input, Today), "eligibility.serious-dishonesty");

        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Equal("2025年6月1日被列入严重失信主体名单，目前仍在名单中", finding.Actual);
        Assert.Equal("一、基础要求 2", finding.Clause.Article);
    }

    [Fact]
    public void Evaluate_FalseInformation_FailsUnderArticleSixOne()
    {
        var finding = Find(EligibilityEvaluator.Evaluate(EligibilityRules.For2024(), Eligible() with { FalseInformation = true }, Today),
            "eligibility.false-information");

        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Equal("第六条（一）", finding.Clause.Article);
    }

    // 管理办法 第五条（二）（三）: site in the region, built and in normal use; products fit the industrial policy.
    [Theory]
    [InlineData(false, true, true, "eligibility.site-in-region")]
    [InlineData(true, false, true, "eligibility.built-and-in-use")]
    [InlineData(true, true, false, "eligibility.industrial-policy")]
    public void Evaluate_SiteOrUseOrPolicyNotMet_FailsThatFindingOnly(bool site, bool built, bool policy, string failing)
    {
        var input = Eligible() with { SiteInInnerMongolia = site, BuiltAndInNormalUse = built, ProductsFitIndustrialPolicy = policy };

        var verdict = EligibilityEvaluator.Evaluate(EligibilityRules.For2024(), input, Today);

        Assert.Equal(failing, Assert.Single(verdict.Failures).Code);
    }

    // 2025 基础要求 3–5: unanswered is 待核实, never a pass.
    [Theory]
    [InlineData("eligibility.secure-and-controllable")]
    [InlineData("eligibility.smart-factory-organisation")]
    [InlineData("eligibility.maturity-self-assessment")]
    public void Evaluate_2025_UnansweredBasicRequirement_NeedsReview(string code)
    {
        var input = Eligible() with
        {
            KeyEquipmentSecureAndControllable = null,
            HasSmartFactoryOrganisation = null,
            HasMaturitySelfAssessment = null,
        };

        var verdict = EligibilityEvaluator.Evaluate(EligibilityRules.For2025(), input, Today);

        Assert.Equal(Outcome.NeedsReview, Find(verdict, code).Outcome);
        Assert.False(verdict.Passed);
    }
}
