using NuMeng.Recognition.Domain.Scenes;
using NuMeng.Recognition.Domain.Tiers;

namespace NuMeng.Recognition.Domain.Tests.Scenes;

public class SceneCoverageTests
{
    private static IEnumerable<Scene> Scenes(params string[] codes) =>
        codes.Select(c => SceneCatalogues.Provisional2025().Find(c)!);

    // 要素条件 注 3: 生产作业涵盖……生产作业、质量管控、设备管理三个环节 — S20 生产作业, S24 质量管控, S27 设备管理.
    [Fact]
    public void Of_ChosenScenes_RollsUpPerSegmentAndSubSegmentWithZeroRows()
    {
        var coverage = SceneCoverage.Of(Scenes("S20", "S24", "S25", "S27", "S08", "S14"));

        Assert.Equal(6, coverage.Count);
        Assert.Equal(5, coverage.Segments.Count);
        Assert.Equal(4, coverage.For(Segment.ProductionOperation).Count);
        Assert.Equal(1, coverage.For(SubSegment.ProductionOperation).Count);
        Assert.Equal(2, coverage.For(SubSegment.QualityControl).Count);
        Assert.Equal(1, coverage.For(SubSegment.EquipmentManagement).Count);
        Assert.Equal(2, coverage.For(Segment.ProductionManagement).Count);
        Assert.Equal(1, coverage.For(SubSegment.SafetyControl).Count);
        Assert.Equal(0, coverage.For(SubSegment.EnergyAndCarbon).Count);
        Assert.Equal(0, coverage.For(Segment.OperationsManagement).Count);
        Assert.False(coverage.For(Segment.OperationsManagement).IsCovered);
        Assert.Equal([Segment.ProductionOperation, Segment.ProductionManagement], coverage.CoveredSegments);
        Assert.Equal(14, coverage.Segments.Sum(s => s.SubSegments.Count));
    }

    [Fact]
    public void Missing_RequiredSegmentsWithoutScenes_InSegmentOrder()
    {
        var coverage = SceneCoverage.Of(Scenes("S20"));

        Assert.Equal([Segment.ResearchAndDesign, Segment.OperationsManagement],
            coverage.Missing([Segment.OperationsManagement, Segment.ProductionOperation, Segment.ResearchAndDesign]));
    }

    [Fact]
    public void Of_ForTier_SetsAsideScenesNotOnThatTiersList()
    {
        var onAll = new Scene("A1", "通用场景", "", SubSegment.ProductionOperation, TierLevels.All);
        var leadingOnly = new Scene("L1", "领航专属", "", SubSegment.ProductDesign, [TierLevel.Leading]);

        var excellent = SceneCoverage.Of([onAll, leadingOnly], TierLevel.Excellent);
        var leading = SceneCoverage.Of([onAll, leadingOnly], TierLevel.Leading);

        Assert.Equal(1, excellent.Count);
        Assert.Equal(["L1"], excellent.NotOnTierList.Select(s => s.Code));
        Assert.False(excellent.For(Segment.ResearchAndDesign).IsCovered);
        Assert.Equal(2, leading.Count);
        Assert.Empty(leading.NotOnTierList);
        Assert.True(leading.For(Segment.ResearchAndDesign).IsCovered);
    }
}
