using System.Reflection;
using System.Text.RegularExpressions;
using NuMeng.Recognition.Data.Applications;
using NuMeng.Recognition.Data.Batches;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Recognition;

namespace NuMeng.Recognition.Data.Tests.Model;

/// <summary>
/// A record's state changes only through the record's own methods, which take the step the domain decided (see
/// <see cref="Application.Apply"/>). The compiler enforces the private setters; these tests make sure the setters stay
/// private and that nothing goes around them (the change tracker, reflection, or the seeding back door outside seeding).
/// </summary>
public sealed class StateChangeGuardTests
{
    /// <summary>The records with a state, and the file that may change it.</summary>
    private static readonly Dictionary<Type, string> Stateful = new()
    {
        [typeof(Application)] = "Applications/Application.cs",
        [typeof(Batch)] = "Batches/Batch.cs",
        [typeof(PublicNotice)] = "Recognition/PublicNotice.cs",
        [typeof(RenameRequest)] = "Recognition/RenameRequest.cs",
        [typeof(Objection)] = "Recognition/Objection.cs",
        [typeof(Certificate)] = "Recognition/Certificate.cs",
    };

    /// <summary>Files of the data project allowed to call the entities' internal SeedState/RestoreStoredState.</summary>
    private static readonly string[] SeedingFiles =
    [
        "src/NuMeng.Recognition.Data/Seeding/DemoSeeder.cs",
        "src/NuMeng.Recognition.Data/Applications/StoredApplications.cs",
    ];

    [Fact]
    public void StateProperties_EveryEntityOfTheDataAssembly_HavePrivateSetters()
    {
        var found = StateProperties().ToList();

        Assert.Equal(Stateful.Keys.OrderBy(t => t.Name), found.Select(p => p.DeclaringType!).Distinct().OrderBy(t => t.Name));
        Assert.All(found, p => Assert.True(p.SetMethod is null || p.SetMethod.IsPrivate,
            $"{p.DeclaringType!.Name}.{p.Name} 的 setter 不是 private：状态只能经实体的方法改变"));
    }

    [Fact]
    public void SeedingMethods_EveryEntity_AreNotPublic()
    {
        var seeding = typeof(Entity).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.Name is "SeedState" or "SeedStatus" or "RestoreStoredState")
            .ToList();

        Assert.Equal(Stateful.Count + 1, seeding.Count); // one each, and Application's RestoreStoredState
        Assert.All(seeding, m => Assert.True(m.IsAssembly, $"{m.DeclaringType!.Name}.{m.Name} 须为 internal"));
    }

    [Fact]
    public void Source_OutsideTheEntityMethods_AssignsNoState()
    {
        var root = RepositoryRoot();
        var enums = string.Join('|', StateProperties().Select(p => Regex.Escape(p.PropertyType.Name)).Distinct());
        var patterns = new (Regex Pattern, string Why)[]
        {
            // app.State = …, certificate.Status = … (EF Core's own Entry(x).State = EntityState.… is not a record's state)
            (new Regex(@"\.(State|Status)\s*=(?![=>])(?!\s*EntityState\.)"), "直接给状态赋值"),
            // new Batch { State = BatchState.Open }
            (new Regex($@"(?<![\w.])(State|Status)\s*=\s*({enums})\."), "在对象初始化器中设定状态"),
            // db.Entry(app).Property(a => a.State).CurrentValue = …, Property("State"), GetProperty(nameof(Application.State))
            (new Regex(@"Property\(\s*\w+\s*=>\s*\w+\.(State|Status)\s*\)\s*\.(CurrentValue|OriginalValue)\s*="), "经变更跟踪器改写状态"),
            (new Regex(@"(Property|GetProperty)\(\s*(""(State|Status)""|nameof\([\w.]*\.(State|Status)\))"), "按名称访问状态属性"),
        };
        var seeding = new Regex(@"\.(SeedState|SeedStatus|RestoreStoredState)\(");
        var entityFiles = Stateful.Values.Select(f => "src/NuMeng.Recognition.Data/" + f).ToHashSet(StringComparer.Ordinal);

        var offences = new List<string>();
        foreach (var file in SourceFiles(root))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (entityFiles.Contains(relative))
            {
                continue;
            }
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = StripComment(lines[i]);
                offences.AddRange(patterns.Where(p => p.Pattern.IsMatch(line)).Select(p => $"{relative}:{i + 1} {p.Why}: {line.Trim()}"));
                if (seeding.IsMatch(line) && !SeedingFiles.Contains(relative))
                {
                    offences.Add($"{relative}:{i + 1} 只有演示数据可以直接设定状态: {line.Trim()}");
                }
            }
        }

        Assert.True(offences.Count == 0, "状态只能经实体的方法（领域的决定）改变：\n" + string.Join('\n', offences));
    }

    [Fact]
    public void SourceScan_KnownBypasses_AreCaught()
    {
        // The scan itself: each way around the methods is recognised, the framework's EntityState is not.
        var direct = new Regex(@"\.(State|Status)\s*=(?![=>])(?!\s*EntityState\.)");
        Assert.Matches(direct, "app.State = ApplicationState.Submitted;");
        Assert.Matches(direct, "certificate.Status=CertificateStatus.Revoked;");
        Assert.DoesNotMatch(direct, "db.Entry(entry).State = EntityState.Detached;");
        Assert.DoesNotMatch(direct, "if (app.State == ApplicationState.Draft)");
        Assert.DoesNotMatch(direct, "rows.Where(r => r.State == s).Select(r => r.State => 1)");
    }

    private static IEnumerable<PropertyInfo> StateProperties() =>
        typeof(Entity).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(Entity).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(p => p.Name is "State" or "Status" && p.PropertyType.IsEnum);

    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f =>
            {
                var parts = f.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
                return !parts.Contains("bin") && !parts.Contains("obj") && !parts.Any(p => p.StartsWith("NuMeng.Recognition.Data.Migrations", StringComparison.Ordinal));
            });

    private static string StripComment(string line)
    {
        var at = line.IndexOf("//", StringComparison.Ordinal);
        return at < 0 ? line : line[..at];
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(sourceFile) ?? AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NuMeng.Recognition.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("找不到仓库根目录（NuMeng.Recognition.sln）");
    }
}
