using System.Runtime.CompilerServices;

namespace NuMeng.Recognition.Web.Tests.Features.Batches;

/// <summary>
/// ADR 0009: no code path judges an application by <c>RuleSetCatalog.Current</c>; only the resolver's default for a new
/// batch, the public pre-check (which states the version it used) and the catalog's own definition name it.
/// </summary>
public sealed class RuleSetCallSiteTests
{
    private static readonly string[] Allowed =
    [
        "src/NuMeng.Recognition.Domain/RuleSets/RuleSetCatalog.cs",
        "src/NuMeng.Recognition.Domain/PreCheck/PreCheckService.cs",
        "src/NuMeng.Recognition.Web/Features/PreCheck/PreCheckPage.razor",
        "src/NuMeng.Recognition.Web/Features/Batches/RuleSetResolver.cs",
    ];

    [Fact]
    public void Sources_CurrentCatalog_OnlyResolverDefaultAndPublicPreCheck()
    {
        var root = Root();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("RuleSetCatalog.Current", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !Allowed.Contains(f))
            .ToList();

        Assert.Empty(offenders);
    }

    private static string Root([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (!File.Exists(Path.Combine(dir.FullName, "NuMeng.Recognition.sln")))
        {
            dir = dir.Parent ?? throw new InvalidOperationException("找不到 NuMeng.Recognition.sln");
        }
        return dir.FullName;
    }
}
