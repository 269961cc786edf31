using System.Xml.Linq;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Domain.Tests;

/// <summary>docs/architecture.md principle 1: the domain is plain C# and references nothing but the base class library.</summary>
public class DomainPurityTests
{
    [Fact]
    public void DomainAssembly_ReferencesOnlyTheBaseClassLibrary()
    {
        var references = typeof(Clause).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var foreign = references.Where(n => !(n.StartsWith("System", StringComparison.Ordinal) || n is "netstandard" or "mscorlib")).ToList();
        Assert.Empty(foreign);
        Assert.DoesNotContain(references, n => n.StartsWith("Microsoft.", StringComparison.Ordinal));
    }

    [Fact]
    public void DomainProjectFile_HasNoPackageOrProjectReference()
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(SourcePath())!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NuMeng.Recognition.sln")))
        {
            dir = dir.Parent;
        }
        Assert.NotNull(dir);
        var project = XDocument.Load(Path.Combine(dir!.FullName, "src", "NuMeng.Recognition.Domain", "NuMeng.Recognition.Domain.csproj"));

        Assert.Empty(project.Descendants("PackageReference"));
        Assert.Empty(project.Descendants("ProjectReference"));
        Assert.Empty(project.Descendants("Reference"));
        Assert.Empty(project.Descendants("FrameworkReference"));
    }

    // The test's own source location: works whatever the build output path (artifacts path or bin/).
    private static string SourcePath([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
