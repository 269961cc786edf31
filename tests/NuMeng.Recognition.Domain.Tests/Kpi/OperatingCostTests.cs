using NuMeng.Recognition.Domain.Kpi;

namespace NuMeng.Recognition.Domain.Tests.Kpi;

public class OperatingCostTests
{
    // 技术条件 三（2） 表 1 运营成本测算依据表 (yuan/t): 原工艺成本 → 现工艺成本.
    private static readonly CostLine[] DocumentTable =
    [
        new("原材料费用", 5860.43m, 4944.55m),
        new("运输费用", 500m, 344m),
        new("工资及福利费用", 223m, 188.83m),
        new("制造费用", 253m, 197m),
        new("提价", 0m, -319.99m), // a price increase booked as a negative cost
    ];

    [Fact]
    public void OperatingCost_DocumentTable_SumsTo6836Point43And5354Point39()
    {
        var input = OperatingCostInput.FromLines(DocumentTable);

        Assert.Equal(6836.43m, input.UnitCostBeforeTotal());
        Assert.Equal(5354.39m, input.UnitCostAfterTotal());
    }

    [Fact]
    public void OperatingCost_DocumentTable_Is21Point68NotThePrinted21Point67()
    {
        // 运营成本降低 =（改造前单位成本 − 改造后单位成本）÷ 改造前单位成本 × 100% = 1482.04 ÷ 6836.43 = 21.6786%.
        var result = KpiCalculator.OperatingCost(OperatingCostInput.FromLines(DocumentTable, declared: 21.67m), KpiSettings.Default);

        Assert.Equal(21.68m, result.Rounded);
        Assert.Equal(21.6786m, Math.Round(result.Percent!.Value, 4));
        Assert.True(result.DeclaredMatches); // 21.67 is 0.0086 points away: within 0.05
    }

    [Fact]
    public void OperatingCost_RawMaterialLine_Is915Point88NotTheTables915Point45()
    {
        // The table prints 降低成本 915.45 for 5860.43 − 4944.55; the difference is 915.88.
        var result = KpiCalculator.OperatingCost(OperatingCostInput.FromLines(DocumentTable), KpiSettings.Default);

        var rawMaterial = result.Steps.Single(s => s.Label == "原材料费用降低");
        Assert.Equal("5860.43 − 4944.55", rawMaterial.Expression);
        Assert.Equal(915.88m, rawMaterial.Value);
        Assert.Equal(915.88m, 5860.43m - 4944.55m);
    }

    [Fact]
    public void OperatingCost_DocumentTable_TotalReductionIs1482Point04NotTheTables1481Point62()
    {
        var result = KpiCalculator.OperatingCost(OperatingCostInput.FromLines(DocumentTable), KpiSettings.Default);

        Assert.Equal(1482.04m, result.Steps.Single(s => s.Label == "单位成本降低").Value);
        Assert.Equal(319.99m, result.Steps.Single(s => s.Label == "提价降低").Value);
        Assert.Equal("5860.43 + 500 + 223 + 253 + 0", result.Steps.Single(s => s.Label == "实施前单位成本合计").Expression);
        Assert.Equal("4944.55 + 344 + 188.83 + 197 + (-319.99)", result.Steps.Single(s => s.Label == "实施后单位成本合计").Expression);
    }

    [Fact]
    public void OperatingCost_DirectUnitCosts_GiveTheSameResult()
    {
        var result = KpiCalculator.OperatingCost(OperatingCostInput.FromUnitCosts(6836.43m, 5354.39m), KpiSettings.Default);

        Assert.Equal(21.68m, result.Rounded);
        Assert.Equal(2, result.Steps.Count);
    }

    [Fact]
    public void OperatingCost_TableAndDisagreeingUnitCost_IsAnInputError()
    {
        var input = new OperatingCostInput(DocumentTable, UnitCostBefore: 6800m);

        var error = Assert.Single(input.Validate("kpi.operatingCost"));

        Assert.Equal("kpi.operatingCost.unitCostBefore", error.Field);
        Assert.Equal("改造前单位成本（6800）与成本明细合计（6836.43）不一致，请核对。", error.Message);
    }

    [Theory]
    [InlineData("0", "kpi.operatingCost.unitCostBefore", "改造前（行业平均）单位成本必须大于 0（现为 0）：计算降低比例时要除以它。")]
    [InlineData("-5", "kpi.operatingCost.unitCostBefore", "改造前（行业平均）单位成本必须大于 0（现为 -5）：计算降低比例时要除以它。")]
    public void OperatingCost_ZeroOrNegativeCostBefore_GivesInputError(string before, string field, string message)
    {
        var result = KpiCalculator.OperatingCost(OperatingCostInput.FromUnitCosts(decimal.Parse(before, System.Globalization.CultureInfo.InvariantCulture), 10m), KpiSettings.Default);

        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void OperatingCost_TableSummingToZero_GivesInputErrorOnLines()
    {
        var result = KpiCalculator.OperatingCost(OperatingCostInput.FromLines([new("提价", 0m, -10m)]), KpiSettings.Default);

        Assert.Equal("kpi.operatingCost.lines", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void OperatingCost_LineWithoutName_NamesTheLine()
    {
        var result = KpiCalculator.OperatingCost(OperatingCostInput.FromLines([new("原材料费用", 10m, 8m), new(" ", 1m, 1m)]), KpiSettings.Default);

        Assert.Equal("kpi.operatingCost.lines[1].name", Assert.Single(result.Errors).Field);
    }
}
