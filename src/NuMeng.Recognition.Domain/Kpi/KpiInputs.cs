namespace NuMeng.Recognition.Domain.Kpi;

/// <summary>
/// The KPI figures of one application: the baseline and the raw figures of each KPI. Every KPI is optional here;
/// a KPI the conditions require but that is missing is judged 待核实 (needs review), not a crash.
/// </summary>
/// <param name="Baseline">
/// 改造项目 or 新建项目. Required as soon as any KPI is given: 技术条件 一（五）"改造项目与建设前进行对比；新建项目与行业平均水平进行对比"
/// decides what the "before" figures are, so it is never assumed (null is an input error at <c>kpi.baseline</c>).
/// </param>
/// <param name="ProductionEfficiency">生产效率提高 figures, or null.</param>
/// <param name="OperatingCost">运营成本降低 figures, or null.</param>
/// <param name="CycleTime">产品研发周期缩短 figures, or null.</param>
/// <param name="DefectRate">产品不良品率降低 figures, or null.</param>
/// <param name="EnergyEfficiency">能源利用率提高 figures, or null.</param>
public sealed record KpiInputs(
    KpiBaseline? Baseline = null,
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

    /// <summary>Whether the figures of any KPI were given.</summary>
    public bool HasAny() => Enum.GetValues<KpiCode>().Any(Has);

    /// <summary>
    /// Validates every KPI given (a missing KPI is no input error: the evaluator reports it), and the baseline,
    /// which is required once any KPI is given.
    /// </summary>
    public IReadOnlyList<InputError> Validate(string prefix = DefaultPrefix)
    {
        var checks = new InputChecks(prefix);
        if (Baseline is null)
        {
            if (HasAny())
            {
                checks.Add("baseline", KpiBaselines.MissingMessage);
            }
        }
        else if (!Enum.IsDefined(Baseline.Value))
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
