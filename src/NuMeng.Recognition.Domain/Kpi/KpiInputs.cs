using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Domain.Kpi;

/// <summary>
/// The KPI figures of one application: the baseline and the raw figures of each KPI. Every KPI is optional here;
/// a KPI the conditions require but that is missing is judged 待核实 (needs review), not a crash.
/// </summary>
public sealed record KpiInputs(
    KpiBaseline Baseline = KpiBaseline.Renovation,
    ProductionEfficiencyInput? ProductionEfficiency = null,
    OperatingCostInput? OperatingCost = null,
    CycleTimeInput? CycleTime = null,
    DefectRateInput? DefectRate = null,
    EnergyEfficiencyInput? EnergyEfficiency = null)
{
    /// <summary>The JSON property the KPI inputs sit under in an application, e.g. kpi.productionEfficiency.headcountAfter.</summary>
    public const string DefaultPrefix = "kpi";

    /// <summary>Whether the raw figures of a KPI were given.</summary>
    public bool Has(KpiCode code) => code switch
    {
        KpiCode.ProductionEfficiency => ProductionEfficiency is not null,
        KpiCode.OperatingCost => OperatingCost is not null,
        KpiCode.CycleTime => CycleTime is not null,
        KpiCode.DefectRate => DefectRate is not null,
        KpiCode.EnergyEfficiency => EnergyEfficiency is not null,
        _ => false,
    };

    /// <summary>Validates every KPI given (a missing KPI is no input error: the evaluator reports it).</summary>
    public IReadOnlyList<InputError> Validate(string prefix = DefaultPrefix)
    {
        var checks = new InputChecks(prefix);
        if (!Enum.IsDefined(Baseline))
        {
            checks.Add("baseline", "对比基准应为 renovation（改造项目）或 newBuild（新建项目）。");
        }
        string At(KpiCode code) => checks.Path(KpiCodes.Field(code));
        checks.AddRange(ProductionEfficiency?.Validate(At(KpiCode.ProductionEfficiency)) ?? []);
        checks.AddRange(OperatingCost?.Validate(At(KpiCode.OperatingCost)) ?? []);
        checks.AddRange(CycleTime?.Validate(At(KpiCode.CycleTime)) ?? []);
        checks.AddRange(DefectRate?.Validate(At(KpiCode.DefectRate)) ?? []);
        checks.AddRange(EnergyEfficiency?.Validate(At(KpiCode.EnergyEfficiency)) ?? []);
        return checks.Errors;
    }
}
