using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NuMeng.Recognition.Data.Identity;
using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Data.Tests.Infrastructure;

/// <summary>One migrated database of a provider, with the services the data layer registers (Identity included).</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public TestDatabase(DatabaseProvider provider, string connectionString, TimeProvider? time = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Services = BuildServices(provider, connectionString, time, _anchorDirectory);
    }

    private readonly List<AsyncServiceScope> _scopes = [];

    public DatabaseProvider Provider { get; }

    /// <summary>A scoped service from a scope that lives as long as this database (actor: anonymous by default).</summary>
    public T Scoped<T>()
        where T : notnull
    {
        var scope = Services.CreateAsyncScope();
        _scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    public global::NuMeng.Recognition.Data.Auditing.IAuditLog AuditLog() => Scoped<global::NuMeng.Recognition.Data.Auditing.IAuditLog>();

    public string ConnectionString { get; }

    public ServiceProvider Services { get; }

    public DbContextOptions<RecognitionDbContext> Options =>
        (DbContextOptions<RecognitionDbContext>)RecognitionDatabaseOptions.Configure(
            new DbContextOptionsBuilder<RecognitionDbContext>(), Provider, ConnectionString).Options;

    /// <summary>A context seeing the data as <paramref name="actor"/> sees it.</summary>
    public RecognitionDbContext Context(ICurrentActor actor, TimeProvider? time = null) => new(Options, actor, time);

    /// <summary>A context of the System actor (sees all business data).</summary>
    public RecognitionDbContext SystemContext() => Context(CurrentActor.System("测试"));

    /// <summary>Runs raw SQL (identifiers in double quotes work on SQLite and PostgreSQL), bypassing EF Core's guards.</summary>
    public async Task<int> ExecuteSqlAsync(string sql)
    {
        await using var db = SystemContext();
        // ExecuteSqlRaw formats {0}-style parameters: double the braces of JSON literals.
        return await db.Database.ExecuteSqlRawAsync(sql.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
    }

    /// <summary>One portal certificate for the test run (a real portal keeps its own outside the database; ADR 0010).</summary>
    public static readonly Lazy<System.Security.Cryptography.X509Certificates.X509Certificate2> Certificate =
        new(global::NuMeng.Recognition.Data.Keys.PortalCertificate.Generate);

    /// <summary>This database's audit checkpoint directory (each TestDatabase has its own, removed on dispose).</summary>
    public string AnchorDirectory => _anchorDirectory;

    private readonly string _anchorDirectory = Path.Combine(Path.GetTempPath(), "numeng-anchors-" + Guid.NewGuid().ToString("N"));

    public static ServiceProvider BuildServices(DatabaseProvider provider, string connectionString, TimeProvider? time = null, string? anchorDirectory = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }
        services.AddRecognitionData(new RecognitionDatabaseOptions(provider, connectionString, MigrateOnStartup: false));
        services.AddRecognitionSecrets(Certificate.Value, new global::NuMeng.Recognition.Data.Auditing.AuditOptions(),
            anchorDirectory ?? Path.Combine(Path.GetTempPath(), "numeng-anchors-" + Guid.NewGuid().ToString("N")));
        services.AddIdentityCore<AppUser>()
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<RecognitionDbContext>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync();
        }
        await Services.DisposeAsync();
        if (Directory.Exists(_anchorDirectory))
        {
            Directory.Delete(_anchorDirectory, recursive: true);
        }
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
        }
    }
}

/// <summary>Creates test databases of one provider: empty (migrated) or with the demo seeded, from templates.</summary>
public interface ITestDatabaseProvider
{
    DatabaseProvider Provider { get; }

    /// <summary>A fresh migrated database with the reference data (roles, department, bureaus, holidays).</summary>
    Task<TestDatabase> CreateEmptyAsync();

    /// <summary>A fresh database with the demo seeded (a copy of a template seeded once).</summary>
    Task<TestDatabase> CreateSeededAsync();

    /// <summary>One demo-seeded database shared by read-only tests (never modify it).</summary>
    Task<TestDatabase> SharedSeededAsync();
}
