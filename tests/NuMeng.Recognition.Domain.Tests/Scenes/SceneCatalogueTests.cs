using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Scenes;
using NuMeng.Recognition.Domain.Tiers;

namespace NuMeng.Recognition.Domain.Tests.Scenes;

public class SceneCatalogueTests
{
    private static readonly SceneCatalogueHeader Header =
        new("TEST", "1", "测试场景目录", "测试用", new DateOnly(2025, 6, 1), Provisional: false);

    private static SceneRow Row(string code, string name = "场景", string sub = "生产作业", string tiers = "基础级,先进级,卓越级,领航级", string? segment = null) =>
        new(code, name, "生产作业", sub, tiers, segment);

    [Fact]
    public void Provisional2025_Seed_HasFortyScenesS01ToS40OnAllFourTiersLabelledProvisional()
    {
        var catalogue = SceneCatalogues.Provisional2025();

        Assert.Equal(40, catalogue.Scenes.Count);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"S{i:00}"), catalogue.Scenes.Select(s => s.Code));
        Assert.True(catalogue.Provisional);
        Assert.Equal("暂行，依据国家《智能制造典型场景参考指引（2025年版）》整理", catalogue.Source);
        Assert.EndsWith("（暂行）", catalogue.DisplayName, StringComparison.Ordinal);
        Assert.Equal("NM-2025-SCENES@2025-provisional", catalogue.Key);
        Assert.All(catalogue.Scenes, s => Assert.Equal(TierLevels.All, s.Tiers));
        foreach (var tier in TierLevels.All)
        {
            Assert.Equal(40, catalogue.ScenesFor(tier).Count);
        }
    }

    // SCENES.md: 工厂建设 S01–S03, 研发设计 S04–S07, 生产管理 S08–S19, 生产作业 S20–S29, 运营管理 S30–S40.
    [Theory]
    [InlineData(Segment.FactoryConstruction, 3)]
    [InlineData(Segment.ResearchAndDesign, 4)]
    [InlineData(Segment.ProductionManagement, 12)]
    [InlineData(Segment.ProductionOperation, 10)]
    [InlineData(Segment.OperationsManagement, 11)]
    public void Provisional2025_ScenesPerSegment_MatchSceneTable(Segment segment, int count)
    {
        Assert.Equal(count, SceneCatalogues.Provisional2025().ScenesIn(segment).Count);
    }

    [Theory]
    [InlineData("S01", "工厂数字化规划设计", "工厂建设", SubSegment.FactoryConstruction, Segment.FactoryConstruction)]
    [InlineData("S02", "数字基础设施建设", "工厂建设", SubSegment.InformationInfrastructure, Segment.FactoryConstruction)]
    [InlineData("S05", "产品虚拟验证", "产品研发", SubSegment.ProductDesign, Segment.ResearchAndDesign)]
    [InlineData("S14", "危险作业自动化", "生产管理", SubSegment.SafetyControl, Segment.ProductionManagement)]
    [InlineData("S17", "碳资产全生命周期管理", "生产管理", SubSegment.EnergyAndCarbon, Segment.ProductionManagement)]
    [InlineData("S18", "污染在线管控", "生产管理", SubSegment.EnvironmentalProtection, Segment.ProductionManagement)]
    [InlineData("S25", "质量精准追溯", "生产作业", SubSegment.QualityControl, Segment.ProductionOperation)]
    [InlineData("S28", "设备故障诊断与预测", "生产作业", SubSegment.EquipmentManagement, Segment.ProductionOperation)]
    [InlineData("S34", "远程运维服务", "产品服务", SubSegment.MarketingAndAfterSales, Segment.OperationsManagement)]
    [InlineData("S40", "供应链物流智能配送", "供应链管理", SubSegment.SupplyChainManagement, Segment.OperationsManagement)]
    public void Provisional2025_SampleScenes_CarryTheirMapping(string code, string name, string national, SubSegment sub, Segment segment)
    {
        var scene = SceneCatalogues.Provisional2025().Find(code);

        Assert.NotNull(scene);
        Assert.Equal(name, scene.Name);
        Assert.Equal(national, scene.NationalSegment);
        Assert.Equal(sub, scene.SubSegment);
        Assert.Equal(segment, scene.Segment);
    }

    [Theory]
    [InlineData("s01", true)]
    [InlineData(" S01 ", true)]
    [InlineData("S41", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Contains_CodesTrimmedAndCaseInsensitive(string? code, bool expected)
    {
        Assert.Equal(expected, SceneCatalogues.Provisional2025().Contains(code));
    }

    [Fact]
    public void FromRows_ValidStringRows_BuildsCatalogue()
    {
        string?[][] rows =
        [
            ["S01", "工厂数字化规划设计", "工厂建设", "工厂建设", "基础级,先进级,卓越级,领航级"],
            ["S02", "数字孪生工厂构建", "工厂建设", "工厂建设", "卓越级、领航级", "工厂建设"],
            ["S03", "人工智能工艺优化", "生产作业", "ProductionOperation", "领航级"],
        ];

        var result = SceneCatalogue.FromRows(Header, rows);

        Assert.True(result.Succeeded, string.Join("；", result.Errors));
        var catalogue = result.Catalogue!;
        Assert.Equal("TEST@1", catalogue.Key);
        Assert.False(catalogue.Provisional);
        Assert.Equal("测试场景目录", catalogue.DisplayName);
        Assert.Equal([TierLevel.Excellent, TierLevel.Leading], catalogue.Find("S02")!.Tiers);
        Assert.Equal(["S01"], catalogue.ScenesFor(TierLevel.Basic).Select(s => s.Code));
        Assert.Equal(["S01", "S02", "S03"], catalogue.ScenesFor(TierLevel.Leading).Select(s => s.Code));
    }

    public static TheoryData<SceneRow[], string, string> InvalidRows => new()
    {
        { [Row("S01"), Row("S01")], "catalogue.scenes[1].code", "第 2 条场景：场景编号“S01”重复（与第 1 条相同）" },
        { [Row("S01"), Row("s01 ")], "catalogue.scenes[1].code", "第 2 条场景：场景编号“s01”重复（与第 1 条相同）" },
        { [Row("S01", sub: "产品服务")], "catalogue.scenes[0].subSegment", "第 1 条场景：未知的子环节“产品服务”" },
        { [Row("S01", sub: " ")], "catalogue.scenes[0].subSegment", "第 1 条场景：所属子环节不能为空" },
        { [Row("S01", name: "")], "catalogue.scenes[0].name", "第 1 条场景：场景名称不能为空" },
        { [Row("S01", name: "   ")], "catalogue.scenes[0].name", "第 1 条场景：场景名称不能为空" },
        { [Row("")], "catalogue.scenes[0].code", "第 1 条场景：场景编号不能为空" },
        { [Row("S01", tiers: "")], "catalogue.scenes[0].tiers", "第 1 条场景：至少要列入一个层级的场景清单" },
        { [Row("S01", tiers: "基础级,示范级")], "catalogue.scenes[0].tiers", "第 1 条场景：未知的层级“示范级”" },
        { [Row("S01", sub: "计划调度", segment: "研发设计")], "catalogue.scenes[0].segment", "环节“研发设计”与子环节“计划调度”不符：按要素条件注 4，计划调度属于生产管理" },
        { [Row("S01", segment: "产品服务")], "catalogue.scenes[0].segment", "第 1 条场景：未知的环节“产品服务”" },
        { [], "catalogue.scenes", "场景目录中没有任何场景" },
    };

    [Theory]
    [MemberData(nameof(InvalidRows))]
    public void Validate_InvalidRow_NamesFieldInChinese(SceneRow[] rows, string field, string message)
    {
        var errors = SceneCatalogue.Validate(Header, rows);

        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.False(SceneCatalogue.FromRows(Header, rows).Succeeded);
        Assert.Null(SceneCatalogue.FromRows(Header, rows).Catalogue);
    }

    [Theory]
    [InlineData("", "1", "名称", "来源", "catalogue.code", "场景目录编码不能为空")]
    [InlineData("C", " ", "名称", "来源", "catalogue.version", "场景目录版本号不能为空")]
    [InlineData("C", "1", "", "来源", "catalogue.name", "场景目录名称不能为空")]
    [InlineData("C", "1", "名称", "", "catalogue.source", "请填写场景目录的来源（依据的文件）")]
    public void Validate_MissingHeaderField_NamesIt(string code, string version, string name, string source, string field, string message)
    {
        var header = new SceneCatalogueHeader(code, version, name, source, new DateOnly(2025, 1, 1), false);

        var error = Assert.Single(SceneCatalogue.Validate(header, [Row("S01")]));

        Assert.Equal(new InputError(field, message), error);
    }

    [Fact]
    public void Validate_MissingEffectiveDate_NamesIt()
    {
        var header = Header with { EffectiveDate = default };

        var error = Assert.Single(SceneCatalogue.Validate(header, [Row("S01")], "import"));

        Assert.Equal("import.effectiveDate", error.Field);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEach()
    {
        SceneRow[] rows = [Row("S01"), Row("S01", name: ""), Row("S03", sub: "未知")];

        var errors = SceneCatalogue.Validate(Header, rows);

        Assert.Equal(["catalogue.scenes[1].code", "catalogue.scenes[1].name", "catalogue.scenes[2].subSegment"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Constructor_DuplicateCodesInCode_Throws()
    {
        var scene = new Scene("S01", "场景", "", SubSegment.ProductionOperation, [TierLevel.Basic]);

        var ex = Assert.Throws<ArgumentException>(() =>
            new SceneCatalogue("C", "1", "名称", "来源", new DateOnly(2025, 1, 1), false, [scene, scene with { Name = "另一个" }]));

        Assert.Contains("场景编号“S01”重复", ex.Message, StringComparison.Ordinal);
    }
}
