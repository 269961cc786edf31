using System.Text.Json;

namespace NuMeng.Recognition.Documents.Procedure;

/// <summary>
/// Flattens a frozen version's canonical JSON into one row per filled-in field, so the 申报书 prints the complete
/// version whatever its shape (older demo drafts included): the path as the form names it, a Chinese label for the
/// known sections, and the value as entered. Empty values and evidence id lists (printed as the attachment list) are left out.
/// </summary>
public static class ContentFields
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["project"] = "申报项目", ["enterprise"] = "企业情况与资格声明", ["technical"] = "技术指标", ["kpi"] = "效益指标",
        ["tier"] = "梯度建设", ["commitment"] = "承诺书", ["replies"] = "对退回意见的答复", ["consultancy"] = "咨询机构",
        ["name"] = "名称", ["address"] = "地址", ["constructionStart"] = "建设起始年月", ["constructionEnd"] = "建设完成年月",
        ["totalInvestmentWan"] = "总投资（万元）", ["summary"] = "项目简介", ["creditCode"] = "统一社会信用代码",
        ["legalStatus"] = "法人类型", ["industry"] = "所属行业", ["aboveDesignatedSize"] = "规模以上工业企业",
        ["siteInInnerMongolia"] = "位于自治区境内", ["builtAndInNormalUse"] = "已建成并正常使用",
        ["productsFitIndustrialPolicy"] = "产品符合产业政策", ["operatingNormally"] = "生产经营正常", ["incidents"] = "近三年事故",
        ["seriousDishonestyListed"] = "列入严重失信名单", ["falseInformation"] = "提供虚假信息",
        ["productionEquipment"] = "生产装备总数", ["digitalEquipment"] = "数字化装备数", ["keyProcesses"] = "关键工序数",
        ["digitalKeyProcesses"] = "数控化关键工序数", ["collectedSignals"] = "采集数据项", ["uploadedSignals"] = "上传数据项",
        ["collectedItems"] = "采集数据项", ["uploadedItems"] = "上传数据项", ["mesModules"] = "MES 模块",
        ["informationSystems"] = "信息系统", ["workshopName"] = "车间/工厂名称", ["kind"] = "认定类型",
        ["operatingCostReduction"] = "运营成本降低（%）", ["productionEfficiencyIncrease"] = "生产效率提高（%）",
        ["defectRateReduction"] = "产品不良品率降低（%）", ["energyEfficiencyIncrease"] = "能源利用率提高（%）",
        ["accepted"] = "已接受", ["signerName"] = "签署人", ["acceptedAt"] = "接受时间", ["declared"] = "申报值",
        ["baseline"] = "对比基准",
        ["keyEquipmentSecureAndControllable"] = "关键技术装备安全可控", ["hasSmartFactoryOrganisation"] = "设有智能工厂建设组织",
        ["hasMaturitySelfAssessment"] = "已开展成熟度自评估", ["seriousDishonestyListedOn"] = "列入失信名单日期",
        ["equipmentTotal"] = "生产装备总数", ["keyProcessTotal"] = "关键工序总数", ["uploadRate"] = "采集信息上传率（%）",
        ["equipmentNetworked"] = "设备联网运行", ["realTimeMonitoring"] = "设备实时监控", ["visualManagement"] = "车间可视化管理",
        ["workshopIntegration"] = "车间信息集成", ["informationSystemsIntegrated"] = "信息系统集成",
        ["securityInvestmentWan"] = "信息安全投入（万元）", ["securityCapability"] = "信息安全防护能力",
        ["digitalWorkshopCount"] = "数字化车间数量", ["manufacturingType"] = "制造类型", ["sceneCodes"] = "建设场景编码",
        ["maturity"] = "成熟度自评价等级", ["hasBasicSelfAssessment"] = "已完成基础级自评", ["highestRecognisedTier"] = "已获最高梯度",
        ["assessmentDate"] = "评估日期", ["date"] = "日期", ["description"] = "说明", ["reason"] = "原因", ["reply"] = "答复",
        ["itemKey"] = "事项", ["maturityLevel"] = "成熟度等级", ["maturityScore"] = "成熟度得分", ["scenes"] = "建设场景",
    };

    /// <summary>The rows of <paramref name="json"/>; an unreadable document gives one row saying so.</summary>
    public static IReadOnlyList<ContentField> Of(string json)
    {
        var rows = new List<ContentField>();
        try
        {
            using var document = JsonDocument.Parse(json);
            Walk(document.RootElement, string.Empty, rows);
        }
        catch (JsonException ex)
        {
            rows.Add(new ContentField("$", "内容", "无法读取：" + ex.Message));
        }
        return rows;
    }

    private static void Walk(JsonElement element, string path, List<ContentField> rows)
    {
        if (path == "evidence")
        {
            return;
        }
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", rows);
                }
                break;
            case JsonValueKind.Array:
                if (element.EnumerateArray().All(e => e.ValueKind is JsonValueKind.String or JsonValueKind.Number))
                {
                    var items = element.EnumerateArray().Select(Scalar).ToList();
                    if (items.Count > 0)
                    {
                        rows.Add(new ContentField(path, Label(path), string.Join("；", items)));
                    }
                    break;
                }
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{i++}]", rows);
                }
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                break;
            default:
                var value = Scalar(element);
                // The kind is stored by its enum name; print it in Chinese.
                if (path == "kind" && Domain.Rules.RecognitionKinds.TryParse(value, out var kind))
                {
                    value = Domain.Rules.RecognitionKinds.Label(kind);
                }
                if (value.Length > 0)
                {
                    rows.Add(new ContentField(path, Label(path), value));
                }
                break;
        }
    }

    private static string Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True => "是",
        JsonValueKind.False => "否",
        JsonValueKind.Number => element.GetDecimal().ToString("0.############", CultureInfo.InvariantCulture),
        _ => element.ToString(),
    };

    /// <summary>"technical.digitalEquipment" → "技术指标 · 数字化装备数"; unknown names keep their JSON name.</summary>
    private static string Label(string path)
    {
        var parts = path.Split('.').Select(p =>
        {
            var bracket = p.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? p : p[..bracket];
            var index = bracket < 0 ? string.Empty : $"（第{int.Parse(p[(bracket + 1)..^1], CultureInfo.InvariantCulture) + 1}项）";
            return (Labels.TryGetValue(name, out var label) ? label : name) + index;
        });
        return string.Join(" · ", parts);
    }
}
