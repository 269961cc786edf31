using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Technical;
using static NuMeng.Recognition.Domain.Tests.Technical.Samples;

namespace NuMeng.Recognition.Domain.Tests.Technical;

public class TechnicalIndicatorsTests
{
    public static TheoryData<string, TechnicalIndicators, string, string> Invalid => new()
    {
        { "digital above total", GoodWorkshop with { DigitalEquipment = 31 }, "technical.digitalEquipment", "数字化装备数量不能大于生产装备总数（30）。" },
        { "key processes above total", GoodWorkshop with { DigitalKeyProcesses = 11 }, "technical.digitalKeyProcesses", "实现数控的关键工序数不能大于关键工序总数（10）。" },
        { "no equipment", GoodWorkshop with { EquipmentTotal = 0, DigitalEquipment = 0 }, "technical.equipmentTotal", "生产装备总数必须大于 0（现为 0）：计算装备数控化率时要除以它。" },
        { "negative digital", GoodWorkshop with { DigitalEquipment = -1 }, "technical.digitalEquipment", "数字化装备数量不能为负数（现为 -1）。" },
        { "missing total", GoodWorkshop with { KeyProcessTotal = null }, "technical.keyProcessTotal", "请填写关键工序总数。" },
        { "upload above 100", GoodWorkshop with { UploadRate = 100.5m }, "technical.uploadRate", "采集信息上传率应在 0 至 100 之间（单位为 %，现为 100.5）。" },
        { "upload below 0", GoodWorkshop with { UploadRate = -1m }, "technical.uploadRate", "采集信息上传率应在 0 至 100 之间（单位为 %，现为 -1）。" },
        { "upload missing", GoodWorkshop with { UploadRate = null }, "technical.uploadRate", "请填写采集信息上传率。" },
        { "uploaded above collected", GoodWorkshop with { UploadRate = null, CollectedItems = 100, UploadedItems = 101 }, "technical.uploadedItems", "已上传信息数不能大于采集信息总数（100）。" },
        { "rate disagrees with counts", GoodWorkshop with { UploadRate = 95m, CollectedItems = 100, UploadedItems = 90 }, "technical.uploadRate", "填写的上传率（95%）与采集/上传条目数算得的 90.00% 不一致，请核对。" },
        { "negative security", GoodWorkshop with { SecurityInvestmentWan = -1m }, "technical.securityInvestmentWan", "信息安全防护投入不能为负数（现为 -1 万元）。" },
        { "negative workshops", GoodWorkshop with { DigitalWorkshopCount = -1 }, "technical.digitalWorkshopCount", "数字化车间数量不能为负数。" },
        { "unknown module", GoodWorkshop with { MesModules = [(MesModule)42] }, "technical.mesModules[0]", "未知的MES 功能模块。" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_ImpossibleFigures_NameTheFieldInChinese(string scenario, TechnicalIndicators indicators, string field, string message)
    {
        var errors = indicators.Validate();

        Assert.True(errors.Any(e => e.Field == field && e.Message == message), $"{scenario}: {string.Join(" | ", errors)}");
    }

    [Fact]
    public void Validate_GoodWorkshop_HasNoErrors()
    {
        Assert.Empty(GoodWorkshop.Validate("technical", RecognitionKind.DigitalWorkshop));
        Assert.Empty(GoodFactory.Validate("technical", RecognitionKind.SmartFactory));
    }

    [Fact]
    public void Validate_ForAFactory_RequiresTheFactoryOnlyFigures()
    {
        // 二（一）1 (类型、车间数量) and 二（一）6 (信息安全投入) cannot be judged without them.
        var errors = GoodWorkshop.Validate("technical", RecognitionKind.SmartFactory);

        Assert.Equal(["technical.manufacturingType", "technical.digitalWorkshopCount", "technical.securityInvestmentWan"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Validate_UsesThePrefixGiven()
    {
        var errors = (GoodWorkshop with { DigitalEquipment = 31 }).Validate("application.technical");

        Assert.Equal("application.technical.digitalEquipment", Assert.Single(errors).Field);
    }

    [Fact]
    public void UploadRatePercent_PrefersCounts()
    {
        Assert.Equal(90m, (GoodWorkshop with { UploadRate = 50m, CollectedItems = 10, UploadedItems = 9 }).UploadRatePercent());
        Assert.Equal(95m, GoodWorkshop.UploadRatePercent());
    }
}
