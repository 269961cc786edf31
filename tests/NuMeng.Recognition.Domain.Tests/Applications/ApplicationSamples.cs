using NuMeng.Recognition.Domain.Applications;
using NuMeng.Recognition.Domain.Eligibility;
using NuMeng.Recognition.Domain.Kpi;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.RuleSets;
using NuMeng.Recognition.Domain.Technical;
using NuMeng.Recognition.Domain.Tiers;

namespace NuMeng.Recognition.Domain.Tests.Applications;

/// <summary>Complete applications that may be submitted, so a test can remove or break one thing and watch one problem.</summary>
internal static class ApplicationSamples
{
    public static readonly DateOnly Today = new(2026, 11, 21);

    public static RuleSetCatalog Catalog => RuleSetCatalog.Current;

    public static ProjectInfo Project { get; } = new(
        Name: "液态奶灌装数字化车间",
        Address: "内蒙古自治区呼和浩特市金川开发区乳业大道 1 号",
        ConstructionStart: "2023-03",
        ConstructionEnd: "2024-10",
        TotalInvestmentWan: 5800m,
        Summary: "对液态奶灌装线进行数字化改造，建设 MES 和设备联网平台。");

    public static EligibilityInput Enterprise { get; } = new()
    {
        CreditCode = "91150100MA0N2C4X1X",
        LegalStatus = LegalStatus.IndependentLegalPerson,
        Industry = "乳制品制造",
        AboveDesignatedSize = true,
        SiteInInnerMongolia = true,
        BuiltAndInNormalUse = true,
        ProductsFitIndustrialPolicy = true,
        OperatingNormally = true,
        KeyEquipmentSecureAndControllable = true,
        HasSmartFactoryOrganisation = true,
        HasMaturitySelfAssessment = true,
    };

    public static TechnicalIndicators Workshop { get; } = new(
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

    /// <summary>Every workshop KPI above its bar.</summary>
    public static KpiInputs Kpis { get; } = new(
        KpiBaseline.Renovation,
        new ProductionEfficiencyInput(100, 10, 120, 10),
        OperatingCostInput.FromUnitCosts(100m, 80m),
        null,
        DefectRateInput.FromRates(1m, 0.8m),
        new EnergyEfficiencyInput(50m, 55m));

    public static TierInput BasicTier { get; } = new(
        ["S20", "S21", "S22", "S23", "S24"], MaturityLevel.Standardised, 1.9m, HasBasicSelfAssessment: true, HighestRecognisedTier: null);

    /// <summary>A complete 数字化车间 application with one file per required item.</summary>
    public static ApplicationContent CompleteWorkshop() => WithAllEvidence(new ApplicationContent
    {
        Project = Project,
        Enterprise = Enterprise,
        Technical = Workshop,
        Kpi = Kpis,
        Consultancy = null,
        Commitment = new Commitment(true, "张伟"),
    }, RecognitionKind.DigitalWorkshop);

    /// <summary>A complete 基础级 application.</summary>
    public static ApplicationContent CompleteBasicTier() => WithAllEvidence(new ApplicationContent
    {
        Project = Project with { Name = "乳制品基础级智能工厂" },
        Enterprise = Enterprise,
        Tier = BasicTier,
        Commitment = new Commitment(true, "张伟"),
    }, RecognitionKind.TierBasic);

    public static ApplicationContent WithAllEvidence(ApplicationContent content, RecognitionKind kind)
    {
        foreach (var item in EvidenceItems.For(kind, Catalog, content).Where(i => i.Required))
        {
            content = content.WithEvidence(item.Key, [Guid.NewGuid()]);
        }
        return content;
    }
}
