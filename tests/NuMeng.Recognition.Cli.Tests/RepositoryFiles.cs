using System.Runtime.CompilerServices;

namespace NuMeng.Recognition.Cli.Tests;

/// <summary>Finds files of the repository from this source file's path, not from the test output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (!File.Exists(Path.Combine(dir.FullName, "NuMeng.Recognition.sln")))
        {
            dir = dir.Parent ?? throw new InvalidOperationException("找不到 NuMeng.Recognition.sln");
        }
        return dir.FullName;
    }

    public static string PathOf(params string[] parts) => Path.Combine([Root(), .. parts]);

    public static string Example(string name) => PathOf("docs", "examples", name);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));
}
