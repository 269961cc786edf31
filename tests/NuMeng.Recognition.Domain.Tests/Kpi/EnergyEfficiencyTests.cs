using NuMeng.Recognition.Domain.Kpi;

namespace NuMeng.Recognition.Domain.Tests.Kpi;

public class EnergyEfficiencyTests
{
    // 技术条件 三（5） 表 4: 产蒸汽 2667929.43 吨；蒸汽焓值 3485.4 KJ/kg，锅炉给水焓值 856.9 KJ/kg；
    // 耗煤 363375.85 吨（5771 Kcal/kg），燃料气 21372.1 吨（6600 Kcal/kg）；换算 4.1816 千焦.
    private static readonly BoilerFigures DocumentBoiler = new(
        2667929.43m, 3485.4m, 856.9m,
        [new FuelLine("原煤", 363375.85m, 5771m), new FuelLine("燃料气", 21372.1m, 6600m)]);

    [Theory]
    [InlineData("4.1816", "74.93")] // the factor the document uses
    [InlineData("4.1868", "74.84")] // the International Steam Table calorie
    public void BoilerEfficiency_DocumentExample_DependsOnTheConversionFactor(string factor, string expected)
    {
        var settings = KpiSettings.Default with { KilojoulesPerKilocalorie = decimal.Parse(factor, System.Globalization.CultureInfo.InvariantCulture) };

        var result = KpiCalculator.BoilerEfficiency(DocumentBoiler, settings);

        Assert.Empty(result.Errors);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Rounded);
    }

    [Fact]
    public void BoilerEfficiency_DocumentExample_ShowsHeatFigures()
    {
        var steps = KpiCalculator.BoilerEfficiency(DocumentBoiler, KpiSettings.Default).Steps;

        // The document: 7012652507 × 10³ kJ ÷ 9358830138 × 10³ kJ.
        Assert.Equal(7012652506755m, steps[0].Value);
        Assert.Equal("2667929.43 t × 1000 kg/t ×（3485.4 − 856.9）kJ/kg", steps[0].Expression);
        Assert.Equal("原煤输入热量", steps[1].Label);
        Assert.Equal("输入热量合计", steps[3].Label.Replace("锅炉", string.Empty, StringComparison.Ordinal));
        Assert.Equal(9358830138288m, Math.Round(steps[3].Value, 0));
    }

    [Fact]
    public void EnergyEfficiency_DocumentRates_Are11Point80NotThePrinted11Point79()
    {
        // 能源利用率提高 =（83.77 − 74.93）÷ 74.93 × 100% = 11.7977%; the document prints 11.79%.
        var result = KpiCalculator.EnergyEfficiency(new EnergyEfficiencyInput(74.93m, 83.77m, Declared: 11.79m), KpiSettings.Default);

        Assert.Equal(11.80m, result.Rounded);
        Assert.Equal("11.80%", result.PercentText);
        Assert.True(result.DeclaredMatches); // 0.0077 points: within tolerance
    }

    [Fact]
    public void EnergyEfficiency_BoilerBeforeAndRateAfter_ComputesFromFullPrecisionRate()
    {
        var result = KpiCalculator.EnergyEfficiency(new EnergyEfficiencyInput(RateAfter: 83.77m, BoilerBefore: DocumentBoiler), KpiSettings.Default);

        Assert.Empty(result.Errors);
        Assert.Equal(11.80m, result.Rounded);
        Assert.Equal(11.7964m, Math.Round(result.Percent!.Value, 4)); // from 74.93087 %, not the rounded 74.93
        Assert.Contains(result.Steps, s => s.Label == "实施前能源利用率" && Math.Round(s.Value, 2) == 74.93m);
        Assert.Contains("4.1816 kJ/kcal", result.Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void EnergyEfficiency_RateAndBoilerOnTheSameSide_IsAnInputError()
    {
        var result = KpiCalculator.EnergyEfficiency(new EnergyEfficiencyInput(74.93m, 83.77m, BoilerBefore: DocumentBoiler), KpiSettings.Default);

        var error = Assert.Single(result.Errors);
        Assert.Equal("kpi.energyEfficiency.rateBefore", error.Field);
        Assert.Equal("实施前（行业平均）能源利用率：直接填写的数值与锅炉测算数据只能二选一。", error.Message);
    }

    [Fact]
    public void EnergyEfficiency_ZeroRateBefore_IsAnInputErrorNotAnException()
    {
        var result = KpiCalculator.EnergyEfficiency(new EnergyEfficiencyInput(0m, 83.77m), KpiSettings.Default);

        var error = Assert.Single(result.Errors);
        Assert.Equal("kpi.energyEfficiency.rateBefore", error.Field);
        Assert.Equal("实施前（行业平均）能源利用率为 0，无法计算提高比例（除数为 0）。", error.Message);
    }

    [Fact]
    public void EnergyEfficiency_BoilerFiguresOverOneHundredPercent_AreRejected()
    {
        var impossible = DocumentBoiler with { Fuels = [new FuelLine("原煤", 1m, 5771m)] };

        var result = KpiCalculator.EnergyEfficiency(new EnergyEfficiencyInput(RateAfter: 83.77m, BoilerBefore: impossible), KpiSettings.Default);

        Assert.Null(result.Percent);
        Assert.Equal("kpi.energyEfficiency.boilerBefore", Assert.Single(result.Errors).Field);
    }

    [Theory]
    [InlineData("steamTonnes")]
    [InlineData("fuels[0].heatValueKcalPerKg")]
    [InlineData("steamEnthalpyKjPerKg")]
    public void BoilerFigures_ImpossibleValues_NameTheField(string field)
    {
        var figures = field switch
        {
            "steamTonnes" => DocumentBoiler with { SteamTonnes = 0 },
            "fuels[0].heatValueKcalPerKg" => DocumentBoiler with { Fuels = [new FuelLine("原煤", 10m, 0m)] },
            _ => DocumentBoiler with { SteamEnthalpyKjPerKg = 800m },
        };

        var errors = figures.Validate("kpi.energyEfficiency.boilerAfter");

        Assert.Contains(errors, e => e.Field == $"kpi.energyEfficiency.boilerAfter.{field}");
    }
}
