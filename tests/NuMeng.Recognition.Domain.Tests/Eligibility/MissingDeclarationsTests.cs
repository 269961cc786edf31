using System.Text.Json.Nodes;
using NuMeng.Recognition.Domain.Eligibility;
using NuMeng.Recognition.Domain.PreCheck;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.RuleSets;

namespace NuMeng.Recognition.Domain.Tests.Eligibility;

/// <summary>
/// Nothing the applicant left out of the enterprise section is filled in: a required choice is an input error naming
/// the field; an undeclared yes/no requirement is 待核实 ("未声明"), while an explicit false is 不符合.
/// </summary>
public class MissingDeclarationsTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private const string Enterprise = """
        {
          "creditCode": "91150100MA0N2C4X1X",
          "legalStatus": "independentLegalPerson",
          "siteInInnerMongolia": true,
          "builtAndInNormalUse": true,
          "productsFitIndustrialPolicy": true
        }
        """;

    private static string Request(Action<JsonObject> change)
    {
        var enterprise = JsonNode.Parse(Enterprise)!.AsObject();
        change(enterprise);
        var request = new JsonObject
        {
            ["kind"] = "digitalWorkshop",
            ["technical"] = JsonNode.Parse("""{ "equipmentTotal": 30, "digitalEquipment": 21, "keyProcessTotal": 10, "digitalKeyProcesses": 8, "uploadRate": 96.5 }"""),
            ["enterprise"] = enterprise,
        };
        return request.ToJsonString();
    }

    private static List<string> Validate(Action<JsonObject> change)
    {
        var request = JsonInput.Read<PreCheckRequest>(Request(change), out var readErrors);
        Assert.Empty(readErrors);
        return PreCheckService.Validate(request!, RuleSetCatalog.Current).Select(e => $"{e.Field}: {e.Message}").ToList();
    }

    // 管理办法 第五条（一）: "具有独立法人资格"; 2025 基础要求 1 lets a branch apply only in named industries. Which one the
    // applicant is must be stated: a missing legalStatus used to read as 独立法人.
    public static TheoryData<string, Action<JsonObject>, string[]> EnterpriseCases => new()
    {
        { "legalStatus missing", n => n.Remove("legalStatus"), ["enterprise.legalStatus: 请选择申报主体：独立法人或分支机构"] },
        { "legalStatus null", n => n["legalStatus"] = null, ["enterprise.legalStatus: 请选择申报主体：独立法人或分支机构"] },
        { "legalStatus given", _ => { }, [] },
        { "branch without industry", n => n["legalStatus"] = "branch", ["enterprise.industry: 分支机构申报须填写所属行业"] },
        {
            "incident kind missing",
            n => n["incidents"] = JsonNode.Parse("""[{ "date": "2025-01-01", "description": "锅炉爆炸" }]"""),
            ["enterprise.incidents[0].kind: 请选择事故类别：重大安全事故、重大质量事故或重大环境污染事故"]
        },
        {
            "incident date missing",
            n => n["incidents"] = JsonNode.Parse("""[{ "kind": "majorSafety", "description": "锅炉爆炸" }]"""),
            ["enterprise.incidents[0].date: 请填写事故发生日期"]
        },
        {
            "incident complete",
            n => n["incidents"] = JsonNode.Parse("""[{ "date": "2025-01-01", "kind": "majorQuality", "description": "批量不合格" }]"""),
            []
        },
        // Undeclared yes/no requirements are findings, not input errors.
        { "site not declared", n => n.Remove("siteInInnerMongolia"), [] },
    };

    [Theory]
    [MemberData(nameof(EnterpriseCases))]
    public void Validate_EnterpriseJson_NamesMissingRequiredChoices(string scenario, Action<JsonObject> change, string[] expected)
    {
        Assert.False(string.IsNullOrEmpty(scenario));
        Assert.Equal(expected, Validate(change));
    }

    // 管理办法 第五条（二）"申报车间或工厂所在地在区内，已经建成并投入正常使用"；第五条（三）"主导产品符合内蒙古产业政策".
    // Left out is 待核实 (未声明), false is 不符合, true is 符合 — the way operatingNormally and aboveDesignatedSize behave.
    [Theory]
    [InlineData("siteInInnerMongolia", "eligibility.site-in-region", null, Outcome.NeedsReview, "未声明")]
    [InlineData("siteInInnerMongolia", "eligibility.site-in-region", false, Outcome.Fail, "车间或工厂不在内蒙古自治区内")]
    [InlineData("siteInInnerMongolia", "eligibility.site-in-region", true, Outcome.Pass, "车间或工厂位于内蒙古自治区内")]
    [InlineData("builtAndInNormalUse", "eligibility.built-and-in-use", null, Outcome.NeedsReview, "未声明")]
    [InlineData("builtAndInNormalUse", "eligibility.built-and-in-use", false, Outcome.Fail, "尚未建成或未投入正常使用")]
    [InlineData("builtAndInNormalUse", "eligibility.built-and-in-use", true, Outcome.Pass, "已建成并投入正常使用")]
    [InlineData("productsFitIndustrialPolicy", "eligibility.industrial-policy", null, Outcome.NeedsReview, "未声明")]
    [InlineData("productsFitIndustrialPolicy", "eligibility.industrial-policy", false, Outcome.Fail, "主导产品不符合内蒙古产业政策")]
    [InlineData("productsFitIndustrialPolicy", "eligibility.industrial-policy", true, Outcome.Pass, "主导产品符合内蒙古产业政策")]
    public void Evaluate_SiteBuiltPolicyJson_AbsentIsReviewFalseIsFail(string field, string code, bool? answer, Outcome expected, string actual)
    {
        var json = Request(n =>
        {
            n.Remove(field);
            if (answer is { } a)
            {
                n[field] = a;
            }
        });

        var outcome = PreCheckService.Evaluate(json, Today);

        Assert.Empty(outcome.Errors);
        var verdict = outcome.Report!.Eligibility!;
        var finding = Assert.Single(verdict.Findings, f => f.Code == code);
        Assert.Equal(expected, finding.Outcome);
        Assert.Equal(actual, finding.Actual);
        Assert.Equal(expected == Outcome.Pass, verdict.Passed);
    }

    [Theory]
    [InlineData("eligibility.site-in-region", "未声明申报车间或工厂是否位于内蒙古自治区内，须补充声明后核实。")]
    [InlineData("eligibility.built-and-in-use", "未声明申报车间或工厂是否已经建成并投入正常使用，须补充声明后核实。")]
    [InlineData("eligibility.industrial-policy", "未声明主导产品是否符合内蒙古产业政策，须补充声明后核实。")]
    public void Evaluate_UndeclaredSiteBuiltPolicy_NeedsReviewUnderBothRuleSets(string code, string explanation)
    {
        var input = new EligibilityInput { CreditCode = "91150100MA0N2C4X1X", LegalStatus = LegalStatus.IndependentLegalPerson };

        foreach (var rules in new[] { EligibilityRules.For2024(), EligibilityRules.For2025() })
        {
            var finding = Assert.Single(EligibilityEvaluator.Evaluate(rules, input, Today).Findings, f => f.Code == code);
            Assert.Equal(Outcome.NeedsReview, finding.Outcome);
            Assert.Equal(explanation, finding.Explanation);
        }
    }

    // 管理办法 第六条（一）（二）: absence of a listing or of a finding of false information means none — kept as plain bools.
    [Theory]
    [InlineData("seriousDishonestyListed", "eligibility.serious-dishonesty")]
    [InlineData("falseInformation", "eligibility.false-information")]
    public void Evaluate_ListingAndFalseInformationAbsent_MeanNone(string field, string code)
    {
        var json = Request(n => n.Remove(field));

        var finding = Assert.Single(PreCheckService.Evaluate(json, Today).Report!.Eligibility!.Findings, f => f.Code == code);

        Assert.Equal(Outcome.Pass, finding.Outcome);
    }

    [Fact]
    public void Evaluate_LegalStatusNotChosen_NeedsReviewNotIndependentLegalPerson()
    {
        // Reached only without validation (the evaluator is also called on drafts): still never a pass.
        var input = new EligibilityInput { CreditCode = "91150100MA0N2C4X1X", SiteInInnerMongolia = true, BuiltAndInNormalUse = true, ProductsFitIndustrialPolicy = true };

        var finding = Assert.Single(EligibilityEvaluator.Evaluate(EligibilityRules.For2024(), input, Today).Findings, f => f.Code == "eligibility.legal-status");

        Assert.Equal(Outcome.NeedsReview, finding.Outcome);
        Assert.Equal("未填写", finding.Actual);
    }

    // 管理办法 第六条（二）: "近三年发生过重大生产安全、质量和环境污染事故…的" may not apply; 近三年 with today 2026年11月21日
    // is 2023年11月22日至2026年11月21日. An incident without a date cannot be placed: 待核实, not "long ago".
    [Theory]
    [InlineData(null, IncidentKind.MajorSafety, Outcome.NeedsReview, "（日期未填写）发生重大安全事故（爆炸），无法判断是否在近三年（2023年11月22日至2026年11月21日）内")]
    [InlineData("0001-01-01", IncidentKind.MajorSafety, Outcome.NeedsReview, "（日期未填写）发生重大安全事故（爆炸），无法判断是否在近三年（2023年11月22日至2026年11月21日）内")]
    [InlineData("2024-03-05", null, Outcome.Fail, "2024年3月5日发生重大事故（类别未填写）（爆炸），在近三年（2023年11月22日至2026年11月21日）内")]
    [InlineData("2023-11-21", null, Outcome.Pass, "2023年11月21日发生重大事故（类别未填写）（爆炸），早于近三年（2023年11月22日至2026年11月21日），不在回溯期内")]
    public void Evaluate_IncidentMissingDateOrKind_IsNeverPlacedByDefault(string? date, IncidentKind? kind, Outcome expected, string actual)
    {
        DateOnly? day = date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var input = new EligibilityInput
        {
            CreditCode = "91150100MA0N2C4X1X",
            LegalStatus = LegalStatus.IndependentLegalPerson,
            Incidents = [new Incident(day, kind, "爆炸")],
        };

        var finding = Assert.Single(EligibilityEvaluator.Evaluate(EligibilityRules.For2024(), input, Today).Findings, f => f.Code == "eligibility.major-incidents");

        Assert.Equal(expected, finding.Outcome);
        Assert.Equal(actual, finding.Actual);
    }

    [Fact]
    public void Evaluate_UndatedIncidentBesideOneInTheWindow_Fails()
    {
        var input = new EligibilityInput
        {
            CreditCode = "91150100MA0N2C4X1X",
            LegalStatus = LegalStatus.IndependentLegalPerson,
            Incidents = [new Incident(null, IncidentKind.MajorQuality, "批量不合格"), new Incident(new DateOnly(2025, 1, 1), IncidentKind.MajorSafety, "爆炸")],
        };

        var finding = Assert.Single(EligibilityEvaluator.Evaluate(EligibilityRules.For2025(), input, Today).Findings, f => f.Code == "eligibility.major-incidents");

        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Equal("近三年（2023年11月22日至2026年11月21日）内发生过重大安全事故，不得申报。", finding.Explanation);
    }
}
