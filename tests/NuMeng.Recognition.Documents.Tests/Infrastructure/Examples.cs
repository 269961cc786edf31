using System.Runtime.CompilerServices;
using NuMeng.Recognition.Domain.PreCheck;

namespace NuMeng.Recognition.Documents.Tests.Infrastructure;

/// <summary>The documented example files in docs/examples, evaluated as the portal does.</summary>
internal static class Examples
{
    /// <summary>Both documented examples: a digital workshop with every KPI, and an advanced-tier factory.</summary>
    public static readonly string[] Files = ["precheck-digital-workshop.json", "precheck-tier-advanced.json"];

    /// <summary>The date the tier example (which names none) is assessed on.</summary>
    public static readonly DateOnly Today = new(2026, 11, 21);

    /// <summary>A fixed generation time: 2026-11-21 09:05 Beijing time.</summary>
    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 21, 1, 5, 0, TimeSpan.Zero);

    public static string Read(string name, [CallerFilePath] string here = "") =>
        File.ReadAllText(Path.Combine(RepositoryRoot(here), "docs", "examples", name));

    /// <summary>The request and the report of an example, as PreCheckService makes them.</summary>
    public static (PreCheckRequest Request, PreCheckReport Report) Evaluate(string name)
    {
        var request = JsonInput.Read<PreCheckRequest>(Read(name), out var errors)
            ?? throw new InvalidOperationException(string.Join("；", errors));
        var outcome = PreCheckService.Evaluate(request, Today);
        Assert.True(outcome.IsValid, string.Join("；", outcome.Errors));
        return (request, outcome.Report!);
    }

    private static string RepositoryRoot(string here)
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (!File.Exists(Path.Combine(dir.FullName, "NuMeng.Recognition.sln")))
        {
            dir = dir.Parent ?? throw new DirectoryNotFoundException("NuMeng.Recognition.sln not found above " + here);
        }
        return dir.FullName;
    }
}
