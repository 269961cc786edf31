using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NuMeng.Recognition.Data;

/// <summary>The database products the portal runs on (docs/architecture.md principle 4).</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded default: a file, no server; migrates itself on start.</summary>
    Sqlite,
    /// <summary>The client's production database (migrations applied by the DBA from deploy/sqlserver/recognition.sql).</summary>
    SqlServer,
    /// <summary>PostgreSQL and PostgreSQL-compatible databases (openGauss, KingbaseES …).</summary>
    PostgreSql,
}

/// <summary>Database settings, read from configuration (<see cref="FromConfiguration"/>).</summary>
/// <param name="Provider"><c>Database:Provider</c> — Sqlite (default), SqlServer or PostgreSql.</param>
/// <param name="ConnectionString"><c>ConnectionStrings:Recognition</c>; SQLite default <c>Data Source=App_Data/recognition.db</c>.</param>
/// <param name="MigrateOnStartup"><c>Database:MigrateOnStartup</c>; default true for SQLite, false otherwise. Never applied to SQL Server.</param>
public sealed record RecognitionDatabaseOptions(DatabaseProvider Provider, string ConnectionString, bool MigrateOnStartup)
{
    public const string ProviderKey = "Database:Provider";
    public const string MigrateOnStartupKey = "Database:MigrateOnStartup";
    public const string ConnectionStringName = "Recognition";
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/recognition.db";

    /// <summary>Assembly holding the migrations of each provider (docs/platform-notes.md §8).</summary>
    public static string MigrationsAssembly(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "NuMeng.Recognition.Data.Migrations.Sqlite",
        DatabaseProvider.SqlServer => "NuMeng.Recognition.Data.Migrations.SqlServer",
        DatabaseProvider.PostgreSql => "NuMeng.Recognition.Data.Migrations.PostgreSql",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "未知的数据库类型"),
    };

    /// <summary>Reads the settings; an unknown provider name is an error naming the key and the accepted values.</summary>
    public static RecognitionDatabaseOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providerText = configuration[ProviderKey];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (!Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider) || !Enum.IsDefined(provider))
        {
            throw new InvalidOperationException(
                $"配置项 {ProviderKey} 的值“{providerText}”无效，应为 Sqlite、SqlServer 或 PostgreSql");
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? DefaultSqliteConnectionString
                : throw new InvalidOperationException(
                    $"使用 {provider} 时必须配置连接字符串 ConnectionStrings:{ConnectionStringName}");
        }

        var migrateText = configuration[MigrateOnStartupKey];
        var migrate = string.IsNullOrWhiteSpace(migrateText)
            ? provider == DatabaseProvider.Sqlite
            : bool.Parse(migrateText);
        return new RecognitionDatabaseOptions(provider, connectionString, migrate);
    }

    /// <summary>Configures EF Core for this provider, with its migrations assembly.</summary>
    public void Apply(DbContextOptionsBuilder builder) => Configure(builder, Provider, ConnectionString);

    /// <summary>Configures EF Core for a provider and connection string (also used by the design-time factories and tests).</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var migrations = MigrationsAssembly(provider);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations));
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrations));
                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrations));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "未知的数据库类型");
        }
        // Children of filtered rows carry their own filters (RecognitionDbContext.Tenancy.cs), so EF's warning about
        // required navigations to filtered principals is expected and not a leak.
        builder.ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
        return builder;
    }
}
