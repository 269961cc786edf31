using System.Runtime.CompilerServices;

namespace NuMeng.Recognition.Web.Tests.Infrastructure;

/// <summary>The documented example files in docs/examples, so tests prove the docs true.</summary>
internal static class Examples
{
    public static string Read(string name, [CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (!File.Exists(Path.Combine(dir.FullName, "NuMeng.Recognition.sln")))
        {
            dir = dir.Parent!;
        }
        return File.ReadAllText(Path.Combine(dir.FullName, "docs", "examples", name));
    }
}
