using NuMeng.Recognition.Domain.Kpi;
using NuMeng.Recognition.Domain.PreCheck;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.RuleSets;

namespace NuMeng.Recognition.Domain.Tests.Kpi;

/// <summary>
/// A figure left out of the KPI input is an input error naming the field, never a 0 (or a first enum value) filled in.
/// The JSON rows go through the real reader and validation, as the API, the CLI and the /precheck form do.
/// </summary>
public class MissingFiguresTests
{
    private const string After = "请填写现工艺成本（改造后本项目的该项成本；没有此项成本时填 0）。";
    private const string Before = "请填写原工艺成本（改造前或行业平均的该项成本；没有此项成本时填 0）。";
    private const string Name = "请填写成本项目名称（如 原材料费用）。";
    private const string BlankLine = "成本明细行不能为空：请填写成本项目、原工艺成本和现工艺成本，或删除该行。";
    private const string BlankFuel = "燃料行不能为空：请填写燃料名称、消耗量和热值，或删除该行。";

    /// <summary>A valid 2024 workshop request with <paramref name="kpi"/> as its kpi section.</summary>
    private static string Request(string kpi) => $$"""
        {
          "kind": "digitalWorkshop",
          "technical": { "equipmentTotal": 30, "digitalEquipment": 21, "keyProcessTotal": 10, "digitalKeyProcesses": 8, "uploadRate": 96.5 },
          "kpi": {{kpi}}
        }
        """;

    private static List<string> Validate(string kpi)
    {
        var request = JsonInput.Read<PreCheckRequest>(Request(kpi), out var readErrors);
        Assert.Empty(readErrors);
        return PreCheckService.Validate(request!, RuleSetCatalog.Current).Select(e => $"{e.Field}: {e.Message}").ToList();
    }

    private static string Lines(string lines) => $$"""{ "baseline": "renovation", "operatingCost": { "lines": [ {{lines}} ] } }""";

    // 技术条件 三（2）: 运营成本降低 =（改造前单位成本 − 改造后单位成本）÷ 改造前单位成本 × 100%, the unit costs being the
    // sums of 表 1. A line without 现工艺成本 used to count as 0 and turn { before 10 } into a 100 % saving.
    public static TheoryData<string, string, string[]> CostLineCases => new()
    {
        { "after missing", """{ "name": "a", "before": 10 }""", [$"kpi.operatingCost.lines[0].after: {After}"] },
        { "before missing", """{ "name": "a", "after": 8 }""", [$"kpi.operatingCost.lines[0].before: {Before}"] },
        { "both missing", """{ "name": "a" }""", [$"kpi.operatingCost.lines[0].before: {Before}", $"kpi.operatingCost.lines[0].after: {After}"] },
        { "name missing", """{ "before": 10, "after": 8 }""", [$"kpi.operatingCost.lines[0].name: {Name}"] },
        { "name blank", """{ "name": " ", "before": 10, "after": 8 }""", [$"kpi.operatingCost.lines[0].name: {Name}"] },
        { "after null", """{ "name": "a", "before": 10, "after": null }""", [$"kpi.operatingCost.lines[0].after: {After}"] },
        { "empty line", "{}", [$"kpi.operatingCost.lines[0]: {BlankLine}"] },
        { "second line after missing", """{ "name": "原材料费用", "before": 10, "after": 8 }, { "name": "提价", "before": 0 }""", [$"kpi.operatingCost.lines[1].after: {After}"] },
        { "explicit zero after", """{ "name": "a", "before": 10, "after": 0 }""", [] },
        { "numbers as strings", """{ "name": "a", "before": "10", "after": "8" }""", [] },
        { "price rise as negative cost", """{ "name": "原材料费用", "before": 10, "after": 8 }, { "name": "提价", "before": 0, "after": -1 }""", [] },
    };

    [Theory]
    [MemberData(nameof(CostLineCases))]
    public void Validate_CostLineJson_NamesEveryMissingFigure(string scenario, string lines, string[] expected)
    {
        Assert.False(string.IsNullOrEmpty(scenario));
        Assert.Equal(expected, Validate(Lines(lines)));
    }

    [Fact]
    public void OperatingCost_LineWithoutAfter_IsNotComputedAsAHundredPercentSaving()
    {
        var result = KpiCalculator.OperatingCost(OperatingCostInput.FromLines([new("a", 10m, null)]), KpiSettings.Default);

        Assert.Null(result.Percent);
        Assert.Equal([new InputError("kpi.operatingCost.lines[0].after", After)], result.Errors);
    }

    [Theory]
    [InlineData(null, "8")]
    [InlineData("10", null)]
    public void UnitCostTotals_LineMissingAFigure_AreNullNotPartialSums(string? before, string? after)
    {
        static decimal? Dec(string? text) => text is null ? null : decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var input = OperatingCostInput.FromLines([new("原材料费用", 100m, 80m), new("运输费用", Dec(before), Dec(after))]);

        Assert.Equal(before is null ? null : 110m, input.UnitCostBeforeTotal());
        Assert.Equal(after is null ? null : 88m, input.UnitCostAfterTotal());
        Assert.Null(new CostLine("运输费用", Dec(before), Dec(after)).Reduction());
    }

    private static string Fuels(string fuels) => $$"""
        {
          "baseline": "renovation",
          "energyEfficiency": {
            "boilerBefore": { "steamTonnes": 2667929.43, "steamEnthalpyKjPerKg": 3485.4, "feedWaterEnthalpyKjPerKg": 856.9, "fuels": [ {{fuels}} ] },
            "rateAfter": 83.77
          }
        }
        """;

    // 技术条件 三（5） 表 4: 输入热量 = Σ（燃料量 × 热值 × 换算系数）. A fuel without its tonnage used to count as 0 t,
    // shrinking the input heat and raising the utilisation; without its heat value it was only caught as "必须大于 0".
    public static TheoryData<string, string, string[]> FuelLineCases => new()
    {
        {
            "second fuel tonnes missing",
            """{ "name": "原煤", "tonnes": 363375.85, "heatValueKcalPerKg": 5771 }, { "name": "燃料气", "heatValueKcalPerKg": 6600 }""",
            ["kpi.energyEfficiency.boilerBefore.fuels[1].tonnes: 请填写燃料消耗量。"]
        },
        {
            "heat value missing",
            """{ "name": "原煤", "tonnes": 363375.85 }""",
            ["kpi.energyEfficiency.boilerBefore.fuels[0].heatValueKcalPerKg: 请填写燃料热值。"]
        },
        {
            "name missing",
            """{ "tonnes": 363375.85, "heatValueKcalPerKg": 5771 }""",
            ["kpi.energyEfficiency.boilerBefore.fuels[0].name: 请填写燃料名称（如 原煤、燃料气）。"]
        },
        { "empty fuel", "{}", [$"kpi.energyEfficiency.boilerBefore.fuels[0]: {BlankFuel}"] },
        { "complete", """{ "name": "原煤", "tonnes": 363375.85, "heatValueKcalPerKg": 5771 }""", [] },
    };

    [Theory]
    [MemberData(nameof(FuelLineCases))]
    public void Validate_FuelLineJson_NamesEveryMissingFigure(string scenario, string fuels, string[] expected)
    {
        Assert.False(string.IsNullOrEmpty(scenario));
        Assert.Equal(expected, Validate(Fuels(fuels)));
    }

    [Fact]
    public void BoilerEfficiency_FuelWithoutTonnes_IsNotComputed()
    {
        var figures = new BoilerFigures(2667929.43m, 3485.4m, 856.9m, [new FuelLine("原煤", 363375.85m, 5771m), new FuelLine("燃料气", null, 6600m)]);

        var result = KpiCalculator.BoilerEfficiency(figures, KpiSettings.Default, "boiler");

        Assert.Null(result.Percent);
        Assert.Equal([new InputError("boiler.fuels[1].tonnes", "请填写燃料消耗量。")], result.Errors);
    }

    // 技术条件 一（五）、二（一）7: "改造项目与建设前进行对比；新建项目与行业平均水平进行对比" — the baseline decides what the
    // "before" figures are, so it is required once any KPI is given and never assumed to be 改造项目.
    public static TheoryData<string, string, string[]> BaselineCases => new()
    {
        { "missing with a KPI", """{ "cycleTime": { "before": 90, "after": 60 } }""", [$"kpi.baseline: {KpiBaselines.MissingMessage}"] },
        { "null with a KPI", """{ "baseline": null, "cycleTime": { "before": 90, "after": 60 } }""", [$"kpi.baseline: {KpiBaselines.MissingMessage}"] },
        { "missing without any KPI", "{}", [] },
        { "renovation", """{ "baseline": "renovation", "cycleTime": { "before": 90, "after": 60 } }""", [] },
        { "newBuild", """{ "baseline": "newBuild", "cycleTime": { "before": 90, "after": 60 } }""", [] },
    };

    [Theory]
    [MemberData(nameof(BaselineCases))]
    public void Validate_Baseline_RequiredOnceAnyKpiIsGiven(string scenario, string kpi, string[] expected)
    {
        Assert.False(string.IsNullOrEmpty(scenario));
        Assert.Equal(expected, Validate(kpi));
    }

    [Theory]
    [InlineData(KpiCode.ProductionEfficiency)]
    [InlineData(KpiCode.OperatingCost)]
    [InlineData(KpiCode.CycleTime)]
    [InlineData(KpiCode.DefectRate)]
    [InlineData(KpiCode.EnergyEfficiency)]
    public void Calculate_NoBaseline_ShowsNeutralStepsButNoResult(KpiCode code)
    {
        var inputs = new KpiInputs(
            Baseline: null,
            new ProductionEfficiencyInput(100, 10, 120, 10, Declared: 20m),
            OperatingCostInput.FromUnitCosts(100m, 80m),
            new CycleTimeInput(100, 80),
            DefectRateInput.FromRates(1m, 0.8m),
            new EnergyEfficiencyInput(50m, 55m));

        var result = KpiCalculator.Calculate(inputs, code, KpiSettings.Default)!;

        Assert.Null(result.Baseline);
        Assert.Null(result.Percent);
        Assert.Null(result.DeclaredMatches);
        Assert.Equal([new InputError("kpi.baseline", KpiBaselines.MissingMessage)], result.Errors);
        Assert.NotEmpty(result.Steps);
        Assert.Contains("实施前（行业平均）", result.Formula, StringComparison.Ordinal);
        Assert.Equal("—", result.PercentText);
    }

    [Fact]
    public void Calculate_NoBaselineAndBadFigures_ReportsBoth()
    {
        var inputs = new KpiInputs(ProductionEfficiency: new ProductionEfficiencyInput(1852, 795, 1928, 0));

        var result = KpiCalculator.Calculate(inputs, KpiCode.ProductionEfficiency, KpiSettings.Default)!;

        Assert.Equal(["kpi.baseline", "kpi.productionEfficiency.headcountAfter"], result.Errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(KpiBaseline.Renovation, "改造项目", "改造项目，与建设前对比", "实施前", "实施后")]
    [InlineData(KpiBaseline.NewBuild, "新建项目", "新建项目，与行业平均水平对比", "行业平均", "本项目")]
    [InlineData(null, "对比基准未选择", "改造项目与建设前对比，新建项目与行业平均水平对比", "实施前（行业平均）", "实施后（本项目）")]
    public void KpiBaselines_NullableOverloads_NeverGuessABaseline(KpiBaseline? baseline, string label, string comparison, string before, string after)
    {
        Assert.Equal(label, KpiBaselines.Label(baseline));
        Assert.Equal(comparison, KpiBaselines.Comparison(baseline));
        Assert.Equal(before, KpiBaselines.Before(baseline));
        Assert.Equal(after, KpiBaselines.After(baseline));
    }
}
