using NuMeng.Recognition.Domain.Kpi;
using NuMeng.Recognition.Domain.PreCheck;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Domain.Tests.PreCheck;

/// <summary>
///  “Bad input never crashes”: figures that the types accept but no enterprise has (7.9e25 t of steam, a unit
/// cost of −7.9e28, 1e20 output by 1e-20 people, a count beyond int) are refused with a Chinese message naming the field
/// (docs/precheck-format.md “数值范围”: zero, or 10⁻⁶ ≤ |x| ≤ 10¹²), and the calculator never throws on what passes.
/// The JSON goes through the real reader and <see cref="PreCheckService.Evaluate(string?, DateOnly, RuleSets.RuleSetCatalog?)"/>,
/// as POST /api/v1/precheck, the /precheck page and numeng-precheck do.
/// </summary>
public class FigureRangeTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private const string Technical = """
        "technical": { "equipmentTotal": 30, "digitalEquipment": 21, "keyProcessTotal": 10, "digitalKeyProcesses": 8, "uploadRate": 96.5 }
        """;

    private static string Workshop(string kpi) => $$"""
        { "kind": "digitalWorkshop", {{Technical}}, "kpi": { "baseline": "renovation", {{kpi}} } }
        """;

    private const string Fuel = """ "fuels": [ { "name": "原煤", "tonnes": 363375.85, "heatValueKcalPerKg": 5771 } ] """;

    // field, the value as the issue gives it, the words the message must hold
    public static TheoryData<string, string, string, string> OutOfRangeCases => new()
    {
        {
            "steam 7.9e25 t",
            Workshop($$""" "energyEfficiency": { "rateAfter": 83.77, "boilerBefore": { "steamTonnes": 7.9e25, "steamEnthalpyKjPerKg": 3485.4, "feedWaterEnthalpyKjPerKg": 856.9, {{Fuel}} } } """),
            "kpi.energyEfficiency.boilerBefore.steamTonnes",
            "产蒸汽量超出允许范围"
        },
        {
            "unit cost −7.9e28",
            Workshop(""" "operatingCost": { "unitCostBefore": 6836.43, "unitCostAfter": -7.9e28 } """),
            "kpi.operatingCost.unitCostAfter",
            "改造后（本项目）单位成本超出允许范围"
        },
        {
            "cost line −7.9e28",
            Workshop(""" "operatingCost": { "lines": [ { "name": "原材料费用", "before": 5860.43, "after": -7.9e28 } ] } """),
            "kpi.operatingCost.lines[0].after",
            "第 1 行现工艺成本超出允许范围"
        },
        {
            "output 1e20",
            Workshop(""" "productionEfficiency": { "outputBefore": 1e20, "headcountBefore": 1e-20, "outputAfter": 1928, "headcountAfter": 648 } """),
            "kpi.productionEfficiency.outputBefore",
            "实施前（行业平均）产量超出允许范围"
        },
        {
            "1e-20 people",
            Workshop(""" "productionEfficiency": { "outputBefore": 1e20, "headcountBefore": 1e-20, "outputAfter": 1928, "headcountAfter": 648 } """),
            "kpi.productionEfficiency.headcountBefore",
            "实施前（行业平均）人数超出允许范围"
        },
        {
            "declared 1e13 %",
            Workshop(""" "cycleTime": { "before": 90, "after": 60, "declared": 1e13 } """),
            "kpi.cycleTime.declared",
            "申报的产品研发周期缩短值超出允许范围"
        },
        {
            "integer beyond int",
            """{ "kind": "digitalWorkshop", "technical": { "equipmentTotal": 99999999999, "digitalEquipment": 21, "keyProcessTotal": 10, "digitalKeyProcesses": 8, "uploadRate": 96.5 } }""",
            "technical.equipmentTotal",
            "超出允许范围"
        },
        {
            "figure beyond decimal",
            Workshop(""" "cycleTime": { "before": 1e30, "after": 60 } """),
            "kpi.cycleTime.before",
            "超出允许范围"
        },
        {
            "security investment 1e15 万元 (no labelled check but the net)",
            """{ "kind": "smartFactory", "technical": { "equipmentTotal": 30, "digitalEquipment": 21, "keyProcessTotal": 10, "digitalKeyProcesses": 8, "uploadRate": 96.5, "securityInvestmentWan": 1e15 } }""",
            "technical.securityInvestmentWan",
            "信息安全防护投入（万元）超出允许范围"
        },
    };

    [Theory]
    [MemberData(nameof(OutOfRangeCases))]
    public void Evaluate_FigureOutOfRange_NamesFieldInChineseWithoutThrowing(string scenario, string json, string field, string words)
    {
        Assert.False(string.IsNullOrEmpty(scenario));

        var outcome = PreCheckService.Evaluate(json, Today);

        Assert.False(outcome.IsValid);
        var error = Assert.Single(outcome.Errors, e => e.Field == field);
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("应为整数", error.Message, StringComparison.Ordinal);
    }

    // The form posts text: a count beyond int is 超出允许范围 there too, and 7.9e25 is read as a number, then refused.
    public static TheoryData<string, string, string> FormCases => new()
    {
        { "technical.equipmentTotal", "99999999999", "超出允许范围：应为 -2147483648 至 2147483647 之间的整数" },
        { "technical.equipmentTotal", "-99999999999", "超出允许范围" },
        { "technical.equipmentTotal", "18.5", "应为整数" },
        { "kpi.cycleTime.before", "1e30", "超出允许范围" },
    };

    [Theory]
    [MemberData(nameof(FormCases))]
    public void FromForm_NumberTooLargeForType_SaysOutOfRangeNotMalformed(string field, string value, string words)
    {
        var fields = new Dictionary<string, IReadOnlyList<string>> { ["kind"] = ["digitalWorkshop"], [field] = [value] };

        JsonInput.FromForm(fields, typeof(PreCheckRequest), out var errors);

        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromForm_SteamInScientificNotation_IsReadThenRefusedByRange()
    {
        var fields = new Dictionary<string, IReadOnlyList<string>>
        {
            ["kind"] = ["digitalWorkshop"],
            ["kpi.baseline"] = ["renovation"],
            ["kpi.energyEfficiency.rateAfter"] = ["83.77"],
            ["kpi.energyEfficiency.boilerBefore.steamTonnes"] = ["7.9e25"],
        };

        var json = JsonInput.FromForm(fields, typeof(PreCheckRequest), out var formatErrors);
        var outcome = PreCheckService.Evaluate(json, Today);

        Assert.Empty(formatErrors);
        Assert.Contains(outcome.Errors, e => e.Field == "kpi.energyEfficiency.boilerBefore.steamTonnes" && e.Message.Contains("超出允许范围", StringComparison.Ordinal));
    }

    // In range, yet the formula leaves decimal: 10¹² output per 10⁻⁶ people against 10⁻⁶ per 10¹² (技术条件 三（1）), and
    // 10¹² t of steam against 10⁻⁶ t of fuel (三（5） 表 4). A finding “无法计算：数值超出范围”, never an OverflowException.
    [Theory]
    [InlineData("production efficiency")]
    [InlineData("energy efficiency from boiler figures")]
    public void Calculate_InRangeFiguresOverflowingDecimal_GivesFindingNotException(string scenario)
    {
        const decimal tera = 1_000_000_000_000m;
        const decimal micro = 0.000001m;

        var result = scenario switch
        {
            "production efficiency" => KpiCalculator.ProductionEfficiency(new ProductionEfficiencyInput(micro, tera, tera, micro), KpiSettings.Default),
            _ => KpiCalculator.EnergyEfficiency(new EnergyEfficiencyInput(
                RateAfter: 80m,
                BoilerBefore: new BoilerFigures(tera, tera, 0m, [new FuelLine("原煤", micro, micro)])), KpiSettings.Default),
        };

        Assert.Null(result.Percent);
        Assert.Contains(result.Errors, e => e.Message.StartsWith("无法计算：数值超出范围", StringComparison.Ordinal));
    }

    // The application form (Features/Applications) reads its draft into ApplicationContent with the same reader: its live
    // check and SubmissionCheck name the field too, and its evaluation does not throw.
    [Fact]
    public void SubmissionCheck_DraftWithIssueFigures_NamesFieldsAndEvaluatesWithoutThrowing()
    {
        var json = """
            { "technical": { "equipmentTotal": 30, "digitalEquipment": 21, "keyProcessTotal": 10, "digitalKeyProcesses": 8, "uploadRate": 96.5 },
              "kpi": { "baseline": "renovation",
                "productionEfficiency": { "outputBefore": 1e20, "headcountBefore": 1e-20, "outputAfter": 1928, "headcountAfter": 648 },
                "operatingCost": { "unitCostBefore": 6836.43, "unitCostAfter": -7.9e28 } } }
            """;
        var content = JsonInput.Read<NuMeng.Recognition.Domain.Applications.ApplicationContent>(json, out var readErrors)!;
        var catalog = NuMeng.Recognition.Domain.RuleSets.RuleSetCatalog.Current;

        var errors = NuMeng.Recognition.Domain.Applications.SubmissionCheck.Validate(content, RecognitionKind.DigitalWorkshop, catalog, Today);
        var outcome = content.Evaluate(RecognitionKind.DigitalWorkshop, Today, catalog);

        Assert.Empty(readErrors);
        Assert.Contains(errors, e => e.Field == "kpi.productionEfficiency.outputBefore" && e.Message.Contains("超出允许范围", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "kpi.operatingCost.unitCostAfter" && e.Message.Contains("超出允许范围", StringComparison.Ordinal));
        Assert.NotNull(outcome);
    }

    public static TheoryData<decimal, bool> RangeCases => new()
    {
        { 0m, true },
        { 0.000001m, true },
        { 1_000_000_000_000m, true },
        { -1_000_000_000_000m, true },
        { 0.0000009m, false },
        { 1_000_000_000_001m, false },
        { -79_000_000_000_000_000_000_000_000_000m, false },
    };

    [Theory]
    [MemberData(nameof(RangeCases))]
    public void Contains_Bounds_AreInclusive(decimal value, bool inRange) => Assert.Equal(inRange, FigureRange.Contains(value));
}
