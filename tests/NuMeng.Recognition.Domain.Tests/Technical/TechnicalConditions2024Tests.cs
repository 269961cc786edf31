using NuMeng.Recognition.Domain.Kpi;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Technical;

namespace NuMeng.Recognition.Domain.Tests.Technical;

public class TechnicalConditions2024Tests
{
    private static readonly TechnicalRuleSet Rules = TechnicalConditions2024.Create();

    [Fact]
    public void Create_IdentifiesTheRuleSet()
    {
        Assert.Equal("NM-2024-TECH@1", Rules.Info.Key);
        Assert.Equal("2024年自治区数字化车间和智能工厂认定技术条件", Rules.Info.Name);
        Assert.Equal(new DateOnly(2024, 1, 1), Rules.Info.EffectiveDate);
    }

    [Fact]
    public void Create_ProcedureFollowsTheMeasures()
    {
        // 第八条: 公示期 5 天; 第十二条: 授牌有效期为五年; 第六条（二）: 近三年.
        var procedure = Rules.Procedure;

        Assert.Equal(5, procedure.NoticeLength);
        Assert.Equal(PeriodUnit.CalendarDays, procedure.NoticeUnit);
        Assert.Equal("第八条", procedure.NoticeClause.Article);
        Assert.Equal(5, procedure.ValidityYears);
        Assert.Equal("第十二条", procedure.ValidityClause.Article);
        Assert.Equal(3, procedure.CreditLookbackYears);
    }

    [Theory]
    [InlineData(RecognitionKind.DigitalWorkshop, 60, 70, 90, "一（一）", "一（二）", "一（三）")]
    [InlineData(RecognitionKind.SmartFactory, 70, 80, 90, "二（一）2", "二（一）3", "二（一）4")]
    public void Create_CommonBarsAreTheDocumentsNumbers(RecognitionKind kind, int equipment, int keyProcess, int upload, string equipmentArticle, string dataArticle, string mesArticle)
    {
        var set = Rules.For(kind);

        Assert.Equal(Threshold.AtLeast(equipment), set.EquipmentNcRate.Threshold);
        Assert.Equal(Threshold.AtLeast(keyProcess), set.KeyProcessNcRate.Threshold);
        Assert.Equal(Threshold.AtLeast(upload), set.UploadRate.Threshold);
        Assert.Equal(Threshold.AtLeast(4, "种"), set.MesModules.Threshold);
        Assert.Equal(equipmentArticle, set.EquipmentNcRate.Clause.Article);
        Assert.Equal(dataArticle, set.DataCollection.Article);
        Assert.Equal(mesArticle, set.MesModules.Clause.Article);
    }

    [Fact]
    public void Create_WorkshopOnlyAndFactoryOnlyItemsAreWhereTheDocumentPutsThem()
    {
        Assert.NotNull(Rules.Workshop.WorkshopIntegration);
        Assert.Null(Rules.Workshop.InformationSystems);
        Assert.Null(Rules.Workshop.SecurityCapability);
        Assert.Null(Rules.Factory.WorkshopIntegration);
        Assert.Equal(Threshold.AtLeast(2, "个"), Rules.Factory.DiscreteWorkshops!.Threshold);
        Assert.Equal(Threshold.AtLeast(1, "个"), Rules.Factory.ProcessOrMixedWorkshops!.Threshold);
        Assert.Equal(Threshold.AtLeast(4, "种"), Rules.Factory.InformationSystems!.Threshold);
        Assert.Equal("二（一）6", Rules.Factory.SecurityCapability!.Article);
    }

    [Theory]
    [InlineData(RecognitionKind.DigitalWorkshop, "一（五）", new[] { KpiCode.OperatingCost, KpiCode.ProductionEfficiency, KpiCode.DefectRate, KpiCode.EnergyEfficiency }, new[] { 15, 10, 10, 8 })]
    [InlineData(RecognitionKind.SmartFactory, "二（一）7", new[] { KpiCode.OperatingCost, KpiCode.ProductionEfficiency, KpiCode.CycleTime, KpiCode.DefectRate, KpiCode.EnergyEfficiency }, new[] { 15, 10, 10, 10, 8 })]
    public void Create_KpiBarsAreTheDocumentsNumbers(RecognitionKind kind, string article, KpiCode[] codes, int[] bars)
    {
        var kpis = Rules.For(kind).Kpis;

        Assert.Equal(codes, kpis.Select(k => k.Kpi));
        Assert.Equal(bars.Select(b => Threshold.AtLeast(b)), kpis.Select(k => k.Threshold));
        Assert.All(kpis, k => Assert.Equal(article, k.Clause.Article));
        Assert.All(kpis, k => Assert.Contains("新建项目与行业平均水平进行对比", k.Clause.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RecognitionKind.DigitalWorkshop, "集约化运行")]
    [InlineData(RecognitionKind.SmartFactory, "信息安全")]
    public void Create_RubricsAreTheProposedDefaults(RecognitionKind kind, string fifthItem)
    {
        // docs/rule-reference.md §8: 15 / 15 / 20 / 20 / 10 / 20 = 100.
        var rubric = Rules.RubricFor(kind);

        Assert.Equal(100m, rubric.TotalPoints);
        Assert.Equal([15m, 15m, 20m, 20m, 10m, 20m], rubric.Items.Select(i => i.MaxPoints));
        Assert.Equal(fifthItem, rubric.Items[4].Name);
        Assert.All(rubric.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Guidance)));
    }

    [Fact]
    public void For_TierKind_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rules.For(RecognitionKind.TierBasic));
    }

    [Fact]
    public void Labels_CoverEveryModuleAndSystemKind()
    {
        Assert.Equal(6, MesModules.All.Count);
        Assert.Equal(7, InformationSystemKinds.All.Count);
        Assert.Equal("车间作业计划管理和调度模块", MesModules.Label(MesModule.ShopFloorScheduling));
        Assert.Equal("数据中台", InformationSystemKinds.Label(InformationSystemKind.DataMiddlePlatform));
        Assert.All(MesModules.All, m => Assert.EndsWith("模块", MesModules.Label(m), StringComparison.Ordinal));
    }
}
