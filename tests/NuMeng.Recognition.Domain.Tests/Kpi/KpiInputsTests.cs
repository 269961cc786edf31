using NuMeng.Recognition.Domain.Kpi;

namespace NuMeng.Recognition.Domain.Tests.Kpi;

public class KpiInputsTests
{
    [Fact]
    public void Validate_NamesFieldsInCamelCaseUnderThePrefix()
    {
        var inputs = new KpiInputs(
            KpiBaseline.Renovation,
            ProductionEfficiency: new ProductionEfficiencyInput(1852, 795, 1928, 0),
            CycleTime: new CycleTimeInput(null, 60),
            EnergyEfficiency: new EnergyEfficiencyInput(RateBefore: 74.93m));

        var fields = inputs.Validate().Select(e => e.Field).ToList();

        Assert.Equal(
            ["kpi.productionEfficiency.headcountAfter", "kpi.cycleTime.before", "kpi.energyEfficiency.rateAfter"],
            fields);
    }

    [Fact]
    public void Validate_NothingGiven_IsNoInputError()
    {
        // A missing KPI is judged 待核实 by the evaluator; it is not malformed input.
        Assert.Empty(new KpiInputs().Validate());
    }

    [Fact]
    public void Calculate_MissingKpi_ReturnsNull()
    {
        Assert.Null(KpiCalculator.Calculate(new KpiInputs(), KpiCode.OperatingCost, KpiSettings.Default));
    }

    [Fact]
    public void Calculate_UsesTheInputsBaseline()
    {
        var inputs = new KpiInputs(KpiBaseline.NewBuild, CycleTime: new CycleTimeInput(90, 60));

        var result = KpiCalculator.Calculate(inputs, KpiCode.CycleTime, KpiSettings.Default)!;

        Assert.Equal(KpiBaseline.NewBuild, result.Baseline);
        Assert.StartsWith("产品研发周期缩短 =（行业平均周期 − 本项目周期）", result.Formula, StringComparison.Ordinal);
    }
}
