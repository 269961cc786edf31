using BenchmarkDotNet.Attributes;
using NuMeng.Recognition.Domain.PreCheck;

namespace NuMeng.Recognition.Benchmarks;

/// <summary>
/// The rule engine on the documented examples: reading + validating + evaluating one pre-check, the work behind every
/// /precheck post, API call and (later) every live check of the application form.
/// </summary>
[MemoryDiagnoser]
public class RuleEngineBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 21);
    private string _workshop = string.Empty;
    private string _tier = string.Empty;
    private PreCheckRequest _workshopRequest = default!;

    [GlobalSetup]
    public void Setup()
    {
        _workshop = Examples.Read("precheck-digital-workshop.json");
        _tier = Examples.Read("precheck-tier-advanced.json");
        _workshopRequest = JsonInput.Read<PreCheckRequest>(_workshop, out _)!;
    }

    [Benchmark(Description = "数字化车间：读取+校验+评估（JSON）")]
    public bool WorkshopFromJson() => PreCheckService.Evaluate(_workshop, Today).Report!.Passed;

    [Benchmark(Description = "数字化车间：仅评估（已解析）")]
    public bool WorkshopEvaluateOnly() => PreCheckService.Evaluate(_workshopRequest, Today).Report!.Passed;

    [Benchmark(Description = "先进级梯度：读取+校验+评估（JSON）")]
    public bool TierFromJson() => PreCheckService.Evaluate(_tier, Today).Report!.Passed;
}

internal static class Examples
{
    public static string Read(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NuMeng.Recognition.sln")))
        {
            dir = dir.Parent;
        }
        dir ??= new DirectoryInfo(Environment.CurrentDirectory);
        return File.ReadAllText(Path.Combine(dir.FullName, "docs", "examples", name));
    }
}
