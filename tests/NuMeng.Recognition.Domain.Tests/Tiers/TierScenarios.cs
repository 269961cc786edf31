using NuMeng.Recognition.Domain.Scenes;
using NuMeng.Recognition.Domain.Tiers;

namespace NuMeng.Recognition.Domain.Tests.Tiers;

/// <summary>Test data built on the provisional 2025 catalogue (SCENES.md).</summary>
internal static class TierScenarios
{
    public static SceneCatalogue Catalogue => SceneCatalogues.Provisional2025();

    public static TierRuleSet Conditions => TierConditions2025.Create();

    // SCENES.md: 工厂建设 S01–S03, 研发设计 S04–S07, 生产管理 S08–S19, 生产作业 S20–S29, 运营管理 S30–S40.
    private static readonly string[] FactoryConstruction = Range(1, 3);
    private static readonly string[] ResearchAndDesign = Range(4, 7);
    private static readonly string[] ProductionManagement = Range(8, 19);
    private static readonly string[] ProductionOperation = Range(20, 29);
    private static readonly string[] OperationsManagement = Range(30, 40);

    /// <summary>The first n scenes of each segment.</summary>
    public static string[] Pick(int fc = 0, int rd = 0, int po = 0, int pm = 0, int om = 0) =>
    [
        .. FactoryConstruction.Take(fc), .. ResearchAndDesign.Take(rd), .. ProductionOperation.Take(po),
        .. ProductionManagement.Take(pm), .. OperationsManagement.Take(om),
    ];

    /// <summary>
    /// n scenes taken round-robin 生产作业, 生产管理, 运营管理, 工厂建设, 研发设计: any n ≥ 5 covers all five segments,
    /// n ≥ 3 covers the three 先进级 segments, n ≥ 1 covers 生产作业.
    /// </summary>
    public static string[] Spread(int n)
    {
        var lists = new[] { ProductionOperation, ProductionManagement, OperationsManagement, FactoryConstruction, ResearchAndDesign };
        var taken = new List<string>();
        for (var round = 0; taken.Count < n; round++)
        {
            foreach (var list in lists)
            {
                if (round < list.Length && taken.Count < n)
                {
                    taken.Add(list[round]);
                }
            }
        }
        return [.. taken];
    }

    /// <summary>An input whose prerequisites hold for every tier unless told otherwise.</summary>
    public static TierInput Input(
        string[] codes,
        MaturityLevel? maturity = MaturityLevel.Leading,
        decimal? score = null,
        bool selfAssessed = true,
        TierLevel? recognised = TierLevel.Excellent) =>
        new(codes, maturity, score, selfAssessed, recognised);

    public static TierEvaluation Evaluate(TierLevel requested, TierInput input) =>
        TierEvaluator.Evaluate(Conditions, Catalogue, requested, input);

    private static string[] Range(int from, int to) => [.. Enumerable.Range(from, to - from + 1).Select(i => $"S{i:00}")];
}
