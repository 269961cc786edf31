using NuMeng.Recognition.Domain.Kpi;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Technical;

namespace NuMeng.Recognition.Domain.Tests.Technical;

/// <summary>Inputs that meet every 2024 bar, so a test can change one figure and watch one finding.</summary>
internal static class Samples
{
    public static readonly TechnicalRuleSet Rules2024 = TechnicalConditions2024.Create();

    public static TechnicalIndicators GoodWorkshop { get; } = new(
        EquipmentTotal: 30,
        DigitalEquipment: 21,
        KeyProcessTotal: 10,
        DigitalKeyProcesses: 8,
        UploadRate: 95m,
        EquipmentNetworked: true,
        RealTimeMonitoring: true,
        MesModules: [MesModule.ShopFloorScheduling, MesModule.ProcessExecution, MesModule.QualityAnalysisAndTracking, MesModule.EquipmentOperation],
        VisualManagement: true,
        WorkshopIntegration: true);

    public static TechnicalIndicators GoodFactory { get; } = GoodWorkshop with
    {
        EquipmentTotal = 100,
        DigitalEquipment = 75,
        KeyProcessTotal = 10,
        DigitalKeyProcesses = 9,
        WorkshopIntegration = false,
        InformationSystems = [InformationSystemKind.Erp, InformationSystemKind.Crm, InformationSystemKind.Scm, InformationSystemKind.DataMiddlePlatform],
        InformationSystemsIntegrated = true,
        SecurityInvestmentWan = 120m,
        SecurityCapability = true,
        DigitalWorkshopCount = 2,
        ManufacturingType = ManufacturingType.Discrete,
    };

    /// <summary>Every KPI comfortably above its bar (运营成本 20%, 生产效率 20%, 周期 20%, 不良品率 20%, 能源 10%).</summary>
    public static KpiInputs GoodKpis { get; } = new(
        KpiBaseline.Renovation,
        new ProductionEfficiencyInput(100, 10, 120, 10),
        OperatingCostInput.FromUnitCosts(100m, 80m),
        new CycleTimeInput(100, 80),
        DefectRateInput.FromRates(1m, 0.8m),
        new EnergyEfficiencyInput(50m, 55m));

    public static TechnicalEvaluation Workshop(TechnicalIndicators? indicators = null, KpiInputs? kpis = null, TechnicalRuleSet? rules = null) =>
        TechnicalEvaluator.Evaluate(rules ?? Rules2024, RecognitionKind.DigitalWorkshop, indicators ?? GoodWorkshop, kpis ?? GoodKpis);

    public static TechnicalEvaluation Factory(TechnicalIndicators? indicators = null, KpiInputs? kpis = null, TechnicalRuleSet? rules = null) =>
        TechnicalEvaluator.Evaluate(rules ?? Rules2024, RecognitionKind.SmartFactory, indicators ?? GoodFactory, kpis ?? GoodKpis);

    public static Finding Find(this TechnicalEvaluation evaluation, string code) =>
        Assert.Single(evaluation.Verdict.Findings, f => f.Code == code);

    public static decimal Dec(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
