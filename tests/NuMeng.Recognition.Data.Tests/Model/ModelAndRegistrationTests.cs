using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data.Hashing;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Data.Tests.Infrastructure;

namespace NuMeng.Recognition.Data.Tests.Model;

/// <summary>The model's invariants, the provider configuration and the registration the web app relies on.</summary>
public sealed class ModelAndRegistrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=x.db")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=localhost;Database=x")]
    [InlineData(DatabaseProvider.SqlServer, "Server=localhost;Database=x;TrustServerCertificate=true")]
    public void Migrations_EachProvider_MatchTheModel(DatabaseProvider provider, string connectionString)
    {
        // A model change without a migration in every provider's project fails here (docs/platform-notes.md §8).
        var options = RecognitionDatabaseOptions.Configure(new DbContextOptionsBuilder<RecognitionDbContext>(), provider, connectionString).Options;
        using var db = new RecognitionDbContext((DbContextOptions<RecognitionDbContext>)options, CurrentActor.Anonymous);

        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: run dotnet ef migrations add for this provider");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Tenancy_EveryEntityType_HasOneFilterOrAnExemptionWithReason()
    {
        using var db = Context();
        foreach (var entityType in db.Model.GetEntityTypes().Where(t => !t.IsOwned()))
        {
            var filtered = entityType.GetDeclaredQueryFilters().Count > 0;
            var exempt = RecognitionDbContext.TenancyExemptions.ContainsKey(entityType.ClrType);
            Assert.True(filtered ^ exempt, $"{entityType.ClrType.Name}: filtered={filtered}, exempt={exempt} (exactly one is required)");
        }
    }

    [Fact]
    public void Tenancy_IgnoreQueryFilters_OnlyInUnfilteredQueries()
    {
        // any query that bypasses the rule lives in one named place.
        var root = RepositoryRoot();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            // The one named place: Data/Tenancy/UnfilteredQueries.cs and its partial files UnfilteredQueries.<Area>.cs.
            .Where(f => !(Path.GetFileName(Path.GetDirectoryName(f)) == "Tenancy"
                && Path.GetFileName(f).StartsWith("UnfilteredQueries.", StringComparison.Ordinal)))
            .Where(f => File.ReadAllText(f).Contains(".IgnoreQueryFilters(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Model_ForeignKeysBetweenBusinessRows_NeverCascade()
    {
        using var db = Context();
        var cascading = db.Model.GetEntityTypes()
            .Where(t => t.ClrType.Namespace!.StartsWith("NuMeng.", StringComparison.Ordinal) && t.ClrType != typeof(Identity.AppUser) && t.ClrType != typeof(Identity.AppRole))
            .SelectMany(t => t.GetForeignKeys())
            .Where(fk => !fk.IsOwnership && fk.DeleteBehavior == DeleteBehavior.Cascade)
            .Select(fk => fk.ToString())
            .ToList();
        Assert.Empty(cascading);
    }

    [Theory]
    [InlineData(null, null, DatabaseProvider.Sqlite, "Data Source=App_Data/recognition.db", true)]
    [InlineData("postgresql", "Host=db;Database=r", DatabaseProvider.PostgreSql, "Host=db;Database=r", false)]
    [InlineData("SqlServer", "Server=s", DatabaseProvider.SqlServer, "Server=s", false)]
    public void FromConfiguration_Keys_ChooseProviderAndDefaults(string? provider, string? connection, DatabaseProvider expected, string expectedConnection, bool migrate)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Recognition"] = connection,
        }).Build();

        var options = RecognitionDatabaseOptions.FromConfiguration(configuration);

        Assert.Equal(new RecognitionDatabaseOptions(expected, expectedConnection, migrate), options);
    }

    [Theory]
    [InlineData("Oracle", null, "配置项 Database:Provider 的值“Oracle”无效，应为 Sqlite、SqlServer 或 PostgreSql")]
    [InlineData("PostgreSql", null, "使用 PostgreSql 时必须配置连接字符串 ConnectionStrings:Recognition")]
    public void FromConfiguration_Invalid_ExplainsInChinese(string provider, string? connection, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Recognition"] = connection,
        }).Build();

        var ex = Assert.Throws<InvalidOperationException>(() => RecognitionDatabaseOptions.FromConfiguration(configuration));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public async Task AddRecognitionData_ContextFactory_IsScopedAndUsesTheScopesActor()
    {
        var services = new ServiceCollection();
        services.AddScoped<ICurrentActor>(_ => DemoActors.For("enterprise"));
        services.AddRecognitionData(new ConfigurationBuilder().Build());
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        await using var scope1 = provider.CreateAsyncScope();
        await using var scope2 = provider.CreateAsyncScope();
        var factory1 = scope1.ServiceProvider.GetRequiredService<IDbContextFactory<RecognitionDbContext>>();
        var factory2 = scope2.ServiceProvider.GetRequiredService<IDbContextFactory<RecognitionDbContext>>();
        await using var db = await factory1.CreateDbContextAsync();

        Assert.NotSame(factory1, factory2);
        Assert.Equal(DemoActors.For("enterprise").UserId, db.Actor.UserId);
        Assert.Same(scope1.ServiceProvider.GetRequiredService<RecognitionDbContext>(), scope1.ServiceProvider.GetRequiredService<RecognitionDbContext>());
        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IDbContextFactory<RecognitionDbContext>>());
    }

    [Fact]
    public async Task AddRecognitionData_NoActorRegistered_DefaultsToAnonymous()
    {
        var services = new ServiceCollection();
        services.AddRecognitionData(new ConfigurationBuilder().Build());
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        Assert.Same(CurrentActor.Anonymous, scope.ServiceProvider.GetRequiredService<ICurrentActor>());
    }

    [Fact]
    public async Task InitializeRecognitionDatabase_FreshSqliteFile_CreatesFolderMigratesAndSeedsReferenceData()
    {
        // The embedded default: on first start the portal creates its database file and applies migrations.
        var folder = Path.Combine(Path.GetTempPath(), "numeng-init-" + Guid.NewGuid().ToString("N"), "App_Data");
        var file = Path.Combine(folder, "recognition.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Recognition"] = $"Data Source={file};Pooling=False",
        }).Build();
        var services = new ServiceCollection();
        services.AddRecognitionData(configuration);
        services.AddRecognitionSecrets(TestDatabase.Certificate.Value, new global::NuMeng.Recognition.Data.Auditing.AuditOptions(), Path.Combine(folder, "audit-anchors"));
        await using var provider = services.BuildServiceProvider();

        await provider.InitializeRecognitionDatabaseAsync(seedDemo: false);

        Assert.True(File.Exists(file));
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecognitionDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(10, await db.Roles.CountAsync());
        Assert.True(await db.HolidayEntries.CountAsync() > 50);
        Assert.Equal(0, await db.Batches.CountAsync()); // no demo: no batches
        Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
    }

    [Theory]
    [InlineData("""{"b":1,"a":2}""", """{"a":2,"b":1}""")]
    [InlineData("""{ "x" : 1.50, "y": [1.0, 2.10] }""", """{"x":1.5,"y":[1,2.1]}""")]
    [InlineData("""{"名称":"数字化车间","z":null,"t":true}""", """{"t":true,"z":null,"名称":"数字化车间"}""")]
    public void CanonicalJson_SameDataDifferentForm_SameText(string json, string canonical)
    {
        Assert.Equal(canonical, CanonicalJson.Canonicalize(json));
    }

    private static RecognitionDbContext Context()
    {
        var options = RecognitionDatabaseOptions.Configure(new DbContextOptionsBuilder<RecognitionDbContext>(), DatabaseProvider.Sqlite, "Data Source=:memory:").Options;
        return new RecognitionDbContext((DbContextOptions<RecognitionDbContext>)options, CurrentActor.Anonymous);
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        // From this source file (the test output may live in an artifacts folder outside the work tree).
        var directory = new DirectoryInfo(Path.GetDirectoryName(sourceFile) ?? AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NuMeng.Recognition.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("找不到仓库根目录（NuMeng.Recognition.sln）");
    }
}
