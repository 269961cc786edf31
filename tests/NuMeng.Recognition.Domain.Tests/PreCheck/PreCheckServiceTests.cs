using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using NuMeng.Recognition.Domain.PreCheck;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Domain.Tests.PreCheck;

public class PreCheckServiceTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    internal static string Example(string name, [CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (!File.Exists(Path.Combine(dir.FullName, "NuMeng.Recognition.sln")))
        {
            dir = dir.Parent!;
        }
        return File.ReadAllText(Path.Combine(dir.FullName, "docs", "examples", name));
    }

    private static string Mutate(string json, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    [Fact]
    public void Evaluate_DocumentedWorkshopExample_PassesEveryCondition()
    {
        var outcome = PreCheckService.Evaluate(Example("precheck-digital-workshop.json"), Today);

        Assert.Empty(outcome.Errors);
        var report = outcome.Report!;
        Assert.True(report.Passed, string.Join("\n", report.Requirements.Failures.Select(f => $"{f.Title}: {f.Explanation}")));
        Assert.Equal("NM-2024-TECH", report.RuleSet.Code);
        Assert.NotNull(report.Eligibility);
        // 21 of 30 is exactly 70 %: 2024技术条件 一（一） "装备数控化率…达 60%以上".
        var nc = report.Requirements.Findings.Single(f => f.Code == "2024.workshop.equipment-nc-rate");
        Assert.Equal(Outcome.Pass, nc.Outcome);
        Assert.Contains("70", nc.Actual, StringComparison.Ordinal);
        Assert.Equal("《2024年自治区数字化车间和智能工厂认定技术条件》一（一）", nc.Clause.Citation);
        // The document's own example, computed correctly: 27.72 %, not the 21.69 % it prints.
        Assert.Equal(27.72m, report.Kpis.Single(k => k.Code == NuMeng.Recognition.Domain.Kpi.KpiCode.ProductionEfficiency).Rounded);
    }

    [Fact]
    public void Evaluate_DocumentedTierExample_PassesAdvancedAndNamesTheGapToExcellent()
    {
        var outcome = PreCheckService.Evaluate(Example("precheck-tier-advanced.json"), Today);

        Assert.Empty(outcome.Errors);
        var report = outcome.Report!;
        Assert.True(report.Passed, string.Join("\n", report.Requirements.Failures.Select(f => $"{f.Title}: {f.Explanation}")));
        Assert.Equal("先进级智能工厂", report.Tier!.HighestTierMet);
        Assert.Equal("卓越级智能工厂", report.Tier.NextTier);
        Assert.Contains(report.Tier.GapsToNextTier, g => g.Text.Contains("研发设计", StringComparison.Ordinal));
        Assert.True(report.Tier.SceneCatalogueProvisional);
    }

    [Fact]
    public void Evaluate_DigitalEquipmentAboveTotal_FailsWithVerdictInsteadOfInputErrorWhenBelowBar()
    {
        // 17 of 30 = 56.67 % is below 2024技术条件 一（一）'s 60 %: a verdict, not an input error.
        var json = Mutate(Example("precheck-digital-workshop.json"), n => n["technical"]!["digitalEquipment"] = 17);

        var report = PreCheckService.Evaluate(json, Today).Report!;

        Assert.False(report.Passed);
        var nc = report.Requirements.Findings.Single(f => f.Code == "2024.workshop.equipment-nc-rate");
        Assert.Equal(Outcome.Fail, nc.Outcome);
        Assert.Contains("不符合", report.Summary, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<JsonObject>, string> BadInputs => new()
    {
        { "missing kind", n => n.Remove("kind"), "kind" },
        { "unknown kind", n => n["kind"] = "bigFactory", "kind" },
        { "negative count", n => n["technical"]!["equipmentTotal"] = -3, "technical.equipmentTotal" },
        { "digital above total", n => n["technical"]!["digitalEquipment"] = 31, "technical.digitalEquipment" },
        { "non-numeric value", n => n["technical"]!["keyProcessTotal"] = "十个", "technical.keyProcessTotal" },
        { "missing technical section", n => n.Remove("technical"), "technical" },
        { "bad credit code", n => n["enterprise"]!["creditCode"] = "91150100MA0N2C4X1Y", "enterprise.creditCode" },
        { "zero headcount", n => n["kpi"]!["productionEfficiency"]!["headcountAfter"] = 0, "kpi.productionEfficiency.headcountAfter" },
        { "unknown field", n => n["technical"]!["robots"] = 5, "technical.robots" },
        { "text where a list is expected", n => n["technical"]!["mesModules"] = "全部", "technical.mesModules" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Evaluate_BadInput_ReturnsChineseErrorNamingTheField(string scenario, Action<JsonObject> change, string field)
    {
        var outcome = PreCheckService.Evaluate(Mutate(Example("precheck-digital-workshop.json"), change), Today);

        Assert.Null(outcome.Report);
        var error = Assert.Single(outcome.Errors, e => e.Field == field);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.Message);
        Assert.False(string.IsNullOrWhiteSpace(scenario));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{ not json")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    public void Evaluate_NotAJsonObject_ReturnsAnErrorNotAnException(string json)
    {
        var outcome = PreCheckService.Evaluate(json, Today);

        Assert.Null(outcome.Report);
        Assert.NotEmpty(outcome.Errors);
    }

    [Fact]
    public void Evaluate_TierWithUnknownScene_NamesTheSceneIndex()
    {
        var json = Mutate(Example("precheck-tier-advanced.json"), n => n["tier"]!["sceneCodes"]!.AsArray()[2] = "S99");

        var outcome = PreCheckService.Evaluate(json, Today);

        Assert.Contains(outcome.Errors, e => e.Field == "tier.sceneCodes[2]");
    }
}
