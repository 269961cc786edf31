using System.Text.Json;
using System.Text.Json.Nodes;

namespace NuMeng.Recognition.Cli.Tests;

public sealed class PreCheckCommandTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private readonly List<string> _tempFiles = [];

    private sealed record Run(int ExitCode, string Out, string Err);

    private static async Task<Run> RunWithInputAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PreCheckCommand.RunAsync(args, input, output, error, Today);
        return new Run(exit, output.ToString(), error.ToString());
    }

    private static Task<Run> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    private static string Mutate(string exampleName, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(File.ReadAllText(RepositoryFiles.Example(exampleName)))!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    private string TempJson(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"numeng-precheck-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        _tempFiles.Add(path);
        return path;
    }

    public void Dispose()
    {
        foreach (var path in _tempFiles)
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task RunAsync_WorkshopExample_ExitsZeroWithFindingsClausesAndKpiSteps()
    {
        var run = await RunAsync(RepositoryFiles.Example("precheck-digital-workshop.json"));

        Assert.Equal(PreCheckCommand.ExitPassed, run.ExitCode);
        Assert.Empty(run.Err);
        Assert.Contains("结论：符合（数字化车间）", run.Out, StringComparison.Ordinal);
        Assert.Contains("规则集：2024年自治区数字化车间和智能工厂认定技术条件（NM-2024-TECH@1）", run.Out, StringComparison.Ordinal);
        Assert.Contains("评估日期：2026年11月21日", run.Out, StringComparison.Ordinal);
        // 2024技术条件 一（一）: 装备数控化率达 60%以上 — 21 of 30 is exactly 70 %.
        Assert.Contains("[符合] 装备数控化率", run.Out, StringComparison.Ordinal);
        Assert.Contains("实际：70.00%（21 / 30）", run.Out, StringComparison.Ordinal);
        Assert.Contains("依据：《2024年自治区数字化车间和智能工厂认定技术条件》一（一）", run.Out, StringComparison.Ordinal);
        // 技术条件 三（1）: the document's example computed correctly is 27.72 %, not the 21.69 % it prints.
        Assert.Contains("实施前人均产量 = 1852 ÷ 795 = 2.3296", run.Out, StringComparison.Ordinal);
        Assert.Contains("系统计算值：27.72%；申报值：27.72%", run.Out, StringComparison.Ordinal);
        Assert.Contains("热功当量换算系数：1 千卡 = 4.1816 千焦", run.Out, StringComparison.Ordinal);
        Assert.Contains("申报值允许误差：0.05 个百分点", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TierExample_ExitsZeroWithHighestTierGapsAndCoverage()
    {
        var run = await RunAsync(RepositoryFiles.Example("precheck-tier-advanced.json"));

        Assert.Equal(PreCheckCommand.ExitPassed, run.ExitCode);
        Assert.Contains("结论：符合（先进级智能工厂）", run.Out, StringComparison.Ordinal);
        Assert.Contains("（NM-2025-TIER@1）", run.Out, StringComparison.Ordinal);
        // 要素条件 三: 建设场景数不低于《典型场景参考标准-先进级》中 10个场景 — 11 built.
        Assert.Contains("[符合] 建设场景数", run.Out, StringComparison.Ordinal);
        Assert.Contains("依据：《内蒙古自治区智能工厂梯度培育要素条件（2025年版）》三、先进级智能工厂", run.Out, StringComparison.Ordinal);
        Assert.Contains("已达到的最高层级：先进级智能工厂", run.Out, StringComparison.Ordinal);
        Assert.Contains("下一层级：卓越级智能工厂", run.Out, StringComparison.Ordinal);
        Assert.Contains("还需覆盖环节：工厂建设、研发设计", run.Out, StringComparison.Ordinal);
        Assert.Contains("生产作业：5 个场景（生产作业 2、质量管控 1、设备管理 2）", run.Out, StringComparison.Ordinal);
        Assert.Contains("场景目录为暂行版本", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EquipmentRateBelowBar_ExitsOneAndSaysNotMet()
    {
        // 2024技术条件 一（一）: 达 60%以上; 17 of 30 = 56.67 % is below.
        var file = TempJson(Mutate("precheck-digital-workshop.json", n => n["technical"]!["digitalEquipment"] = 17));

        var run = await RunAsync(file);

        Assert.Equal(PreCheckCommand.ExitNotPassed, run.ExitCode);
        Assert.Contains("结论：不符合", run.Out, StringComparison.Ordinal);
        Assert.Contains("[不符合] 装备数控化率", run.Out, StringComparison.Ordinal);
        Assert.Contains("56.67%", run.Out, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<JsonObject>, string> BadInputs => new()
    {
        { "non-numeric value", n => n["technical"]!["keyProcessTotal"] = "十个", "technical.keyProcessTotal" },
        { "unknown field", n => n["technical"]!["robots"] = 5, "technical.robots" },
        { "bad credit code check character", n => n["enterprise"]!["creditCode"] = "91150100MA0N2C4X1Y", "enterprise.creditCode" },
        { "digital above total", n => n["technical"]!["digitalEquipment"] = 31, "technical.digitalEquipment" },
        { "unknown kind", n => n["kind"] = "bigFactory", "kind" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task RunAsync_BadInput_ExitsTwoAndNamesTheField(string scenario, Action<JsonObject> change, string field)
    {
        var file = TempJson(Mutate("precheck-digital-workshop.json", change));

        var run = await RunAsync(file);

        Assert.True(run.ExitCode == PreCheckCommand.ExitInputErrors, scenario);
        Assert.StartsWith("输入有误（", run.Out, StringComparison.Ordinal);
        Assert.Contains($"  - 字段 {field}：", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("结论：", run.Out, StringComparison.Ordinal);
    }

    // figures beyond docs/precheck-format.md “数值范围” are input errors naming the field, not a crash.
    public static TheoryData<string, Action<JsonObject>, string> OutOfRangeInputs => new()
    {
        { "output 1e20", n => n["kpi"]!["productionEfficiency"]!["outputBefore"] = JsonValue.Create(1e20m), "kpi.productionEfficiency.outputBefore" },
        { "1e-20 people", n => n["kpi"]!["productionEfficiency"]!["headcountBefore"] = JsonValue.Create(0.00000000000000000001m), "kpi.productionEfficiency.headcountBefore" },
        { "unit cost −7.9e28", n => n["kpi"]!["operatingCost"] = new JsonObject { ["unitCostBefore"] = 6836.43m, ["unitCostAfter"] = -79_000_000_000_000_000_000_000_000_000m }, "kpi.operatingCost.unitCostAfter" },
        { "integer beyond int", n => n["technical"]!["equipmentTotal"] = 99_999_999_999L, "technical.equipmentTotal" },
    };

    [Theory]
    [MemberData(nameof(OutOfRangeInputs))]
    public async Task RunAsync_FigureOutOfRange_ExitsTwoSayingOutOfRange(string scenario, Action<JsonObject> change, string field)
    {
        var file = TempJson(Mutate("precheck-digital-workshop.json", change));

        var run = await RunAsync(file);

        Assert.True(run.ExitCode == PreCheckCommand.ExitInputErrors, $"{scenario}: {run.Out}{run.Err}");
        Assert.Contains($"  - 字段 {field}：", run.Out, StringComparison.Ordinal);
        Assert.Contains("超出允许范围", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_JsonFlag_WritesTheOutcomeAsJsonWithReport()
    {
        var run = await RunAsync("--json", RepositoryFiles.Example("precheck-digital-workshop.json"));

        Assert.Equal(PreCheckCommand.ExitPassed, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal(0, root.GetProperty("errors").GetArrayLength());
        var report = root.GetProperty("report");
        Assert.True(report.GetProperty("passed").GetBoolean());
        Assert.Equal("digitalWorkshop", report.GetProperty("kind").GetString());
        Assert.Equal("NM-2024-TECH", report.GetProperty("ruleSet").GetProperty("code").GetString());
        Assert.Equal("2026-11-21", report.GetProperty("assessedOn").GetString());
    }

    [Fact]
    public async Task RunAsync_JsonFlagWithBadInput_WritesErrorsAndNullReport()
    {
        var file = TempJson(Mutate("precheck-digital-workshop.json", n => n["technical"]!["equipmentTotal"] = -3));

        var run = await RunAsync("--json", file);

        Assert.Equal(PreCheckCommand.ExitInputErrors, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("report").ValueKind);
        var error = doc.RootElement.GetProperty("errors")[0];
        Assert.Equal("technical.equipmentTotal", error.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task RunAsync_DashReadsStandardInput()
    {
        var json = File.ReadAllText(RepositoryFiles.Example("precheck-tier-advanced.json"));

        var run = await RunWithInputAsync(json, "-");

        Assert.Equal(PreCheckCommand.ExitPassed, run.ExitCode);
        Assert.Contains("已达到的最高层级：先进级智能工厂", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EmptyStandardInput_ExitsTwoNamingTheRoot()
    {
        var run = await RunWithInputAsync(string.Empty, "-");

        Assert.Equal(PreCheckCommand.ExitInputErrors, run.ExitCode);
        Assert.Contains("字段 $：", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TodayOption_IsTheAssessmentDateWhenTheFileGivesNone()
    {
        // The tier example has no assessmentDate; --today replaces the clock's date (here Today = 2026-11-21).
        var run = await RunAsync("--today", "2027-03-01", RepositoryFiles.Example("precheck-tier-advanced.json"));

        Assert.Equal(PreCheckCommand.ExitPassed, run.ExitCode);
        Assert.Contains("评估日期：2027年3月1日", run.Out, StringComparison.Ordinal);
        // 近三年 ends on the assessment date: 2024年3月2日至2027年3月1日.
        Assert.Contains("近三年（2024年3月2日至2027年3月1日）", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingFile_ExitsUsageWithChineseMessage()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"numeng-missing-{Guid.NewGuid():N}.json");

        var run = await RunAsync(missing);

        Assert.Equal(PreCheckCommand.ExitUsage, run.ExitCode);
        Assert.Contains($"无法读取文件“{missing}”：文件不存在。", run.Err, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData("2026/11/21")]
    [InlineData("2026-13-01")]
    [InlineData("明天")]
    public async Task RunAsync_TodayInWrongFormat_ExitsUsage(string today)
    {
        var run = await RunAsync("--today", today, RepositoryFiles.Example("precheck-tier-advanced.json"));

        Assert.Equal(PreCheckCommand.ExitUsage, run.ExitCode);
        Assert.Contains("--today 的日期格式应为 yyyy-MM-dd", run.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.json b.json")]
    [InlineData("--verbose a.json")]
    [InlineData("--today")]
    public async Task RunAsync_WrongArguments_ExitsUsageAndPrintsUsage(string commandLine)
    {
        var run = await RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(PreCheckCommand.ExitUsage, run.ExitCode);
        Assert.Contains("用法：numeng-precheck", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_PrintsUsageAndExitsZero()
    {
        var run = await RunAsync("--help");

        Assert.Equal(PreCheckCommand.ExitPassed, run.ExitCode);
        Assert.Contains("退出码：0 全部符合", run.Out, StringComparison.Ordinal);
    }
}
