using System.Text.Json.Nodes;
using NuMeng.Recognition.Domain.PreCheck;

namespace NuMeng.Recognition.Domain.Tests.PreCheck;

public class JsonInputTests
{
    [Fact]
    public void FromForm_FieldsNamedByPath_BuildTheSameJsonTheApiTakes()
    {
        var fields = new Dictionary<string, IReadOnlyList<string>>
        {
            ["kind"] = ["digitalWorkshop"],
            ["technical.equipmentTotal"] = ["30"],
            ["technical.mesModules[]"] = ["processExecution", "energyManagement"],
            ["technical.visualManagement"] = ["true"],
            ["kpi.operatingCost.lines[1].name"] = ["运输费用"],
            ["kpi.operatingCost.lines[0].name"] = ["原材料费用"],
            ["technical.uploadRate"] = [""],
            ["__RequestVerificationToken"] = ["x"],
        };

        var json = JsonNode.Parse(JsonInput.FromForm(fields))!;

        Assert.Equal("digitalWorkshop", (string?)json["kind"]);
        Assert.Equal("30", (string?)json["technical"]!["equipmentTotal"]);
        Assert.Equal(2, json["technical"]!["mesModules"]!.AsArray().Count);
        Assert.True((bool)json["technical"]!["visualManagement"]!);
        Assert.Equal("原材料费用", (string?)json["kpi"]!["operatingCost"]!["lines"]![0]!["name"]);
        Assert.Equal("运输费用", (string?)json["kpi"]!["operatingCost"]!["lines"]![1]!["name"]);
        Assert.Null(json["technical"]!["uploadRate"]);
        Assert.Null(json["__RequestVerificationToken"]);
    }

    [Fact]
    public void FromForm_NumbersPostedAsText_AreReadAsNumbers()
    {
        var fields = new Dictionary<string, IReadOnlyList<string>>
        {
            ["kind"] = ["digitalWorkshop"],
            ["technical.equipmentTotal"] = ["30"],
            ["technical.digitalEquipment"] = ["18"],
        };

        var request = JsonInput.Read<PreCheckRequest>(JsonInput.FromForm(fields), out var errors);

        Assert.Empty(errors);
        Assert.Equal(30, request!.Technical!.EquipmentTotal);
        Assert.Equal(18, request.Technical.DigitalEquipment);
    }
}

public class JsonInputFormatTests
{
    [Fact]
    public void FromForm_WithTargetType_ReportsEveryMalformedNumberAtOnce()
    {
        var fields = new Dictionary<string, IReadOnlyList<string>>
        {
            ["kind"] = ["digitalWorkshop"],
            ["technical.equipmentTotal"] = ["三十"],
            ["technical.digitalEquipment"] = ["18.5"],   // an integer count
            ["technical.uploadRate"] = ["95.5"],          // a decimal: fine
            ["kpi.productionEfficiency.outputBefore"] = ["1,852.5"],
        };

        var json = JsonInput.FromForm(fields, typeof(PreCheckRequest), out var errors);

        Assert.Equal(["technical.equipmentTotal", "technical.digitalEquipment"], errors.Select(e => e.Field));
        Assert.Contains("应为整数", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("\"uploadRate\":\"95.5\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("equipmentTotal", json, StringComparison.Ordinal);
        Assert.Contains("\"outputBefore\":\"1852.5\"", json, StringComparison.Ordinal); // thousands separator accepted
    }
}
