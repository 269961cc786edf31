using NuMeng.Recognition.Domain.Scenes;

namespace NuMeng.Recognition.Domain.Tests.Scenes;

public class SegmentsTests
{
    // 要素条件 注 1–5: 工厂建设涵盖……工厂建设、信息基础设施两个环节；研发设计涵盖……产品设计、工艺设计两个环节；
    // 生产作业涵盖……生产作业、质量管控、设备管理三个环节；生产管理涵盖……计划调度、仓储物流、安全管控、能碳管理、环保管理五个环节；
    // 运营管理涵盖……营销与售后、供应链管理两个环节。
    [Theory]
    [InlineData(SubSegment.FactoryConstruction, "工厂建设", Segment.FactoryConstruction, "注 1")]
    [InlineData(SubSegment.InformationInfrastructure, "信息基础设施", Segment.FactoryConstruction, "注 1")]
    [InlineData(SubSegment.ProductDesign, "产品设计", Segment.ResearchAndDesign, "注 2")]
    [InlineData(SubSegment.ProcessDesign, "工艺设计", Segment.ResearchAndDesign, "注 2")]
    [InlineData(SubSegment.ProductionOperation, "生产作业", Segment.ProductionOperation, "注 3")]
    [InlineData(SubSegment.QualityControl, "质量管控", Segment.ProductionOperation, "注 3")]
    [InlineData(SubSegment.EquipmentManagement, "设备管理", Segment.ProductionOperation, "注 3")]
    [InlineData(SubSegment.PlanningAndScheduling, "计划调度", Segment.ProductionManagement, "注 4")]
    [InlineData(SubSegment.WarehousingAndLogistics, "仓储物流", Segment.ProductionManagement, "注 4")]
    [InlineData(SubSegment.SafetyControl, "安全管控", Segment.ProductionManagement, "注 4")]
    [InlineData(SubSegment.EnergyAndCarbon, "能碳管理", Segment.ProductionManagement, "注 4")]
    [InlineData(SubSegment.EnvironmentalProtection, "环保管理", Segment.ProductionManagement, "注 4")]
    [InlineData(SubSegment.MarketingAndAfterSales, "营销与售后", Segment.OperationsManagement, "注 5")]
    [InlineData(SubSegment.SupplyChainManagement, "供应链管理", Segment.OperationsManagement, "注 5")]
    public void SegmentOf_EachSubSegment_RollsUpAsTheNotesSay(SubSegment sub, string label, Segment segment, string note)
    {
        Assert.Equal(label, SubSegments.Label(sub));
        Assert.Equal(segment, SubSegments.SegmentOf(sub));
        Assert.Contains(sub, Segments.SubSegmentsOf(segment));
        var clause = Segments.RollUpClause(segment);
        Assert.Equal(note, clause.Article);
        Assert.Contains(label, clause.Text, StringComparison.Ordinal);
        Assert.True(SubSegments.TryParse(label, out var parsed));
        Assert.Equal(sub, parsed);
    }

    [Fact]
    public void All_FiveSegmentsAndFourteenSubSegments_InDocumentOrder()
    {
        Assert.Equal(["工厂建设", "研发设计", "生产作业", "生产管理", "运营管理"], Segments.All.Select(Segments.Label));
        Assert.Equal(14, SubSegments.All.Count);
        Assert.Equal([2, 2, 3, 5, 2], Segments.All.Select(s => Segments.SubSegmentsOf(s).Count));
    }

    // 要素条件 五 第5项 is headed 经营管理; it is the 运营管理 segment (注 5).
    [Theory]
    [InlineData("运营管理", Segment.OperationsManagement)]
    [InlineData("经营管理", Segment.OperationsManagement)]
    [InlineData(" 生产作业 ", Segment.ProductionOperation)]
    [InlineData("researchAndDesign", Segment.ResearchAndDesign)]
    public void TryParse_LabelsAndAliases_Parse(string text, Segment expected)
    {
        Assert.True(Segments.TryParse(text, out var segment));
        Assert.Equal(expected, segment);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("产品服务")]
    public void TryParse_UnknownText_Fails(string? text)
    {
        Assert.False(Segments.TryParse(text, out _));
    }
}
