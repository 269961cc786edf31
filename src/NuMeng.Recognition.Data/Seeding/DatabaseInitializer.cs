using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace NuMeng.Recognition.Data.Seeding;

/// <summary>
/// Start-up preparation of the database; see <see cref="DependencyInjection.InitializeRecognitionDatabaseAsync"/>.
/// Business rows are written through a context of the System actor; accounts through Identity's UserManager.
/// </summary>
public sealed class DatabaseInitializer
{
    private readonly RecognitionDatabaseOptions _options;
    private readonly DbContextOptions<RecognitionDbContext> _contextOptions;
    private readonly ReferenceDataSeeder _reference;
    private readonly DemoSeeder _demo;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public DatabaseInitializer(
        RecognitionDatabaseOptions options,
        DbContextOptions<RecognitionDbContext> contextOptions,
        ReferenceDataSeeder reference,
        DemoSeeder demo,
        TimeProvider time,
        ILoggerFactory? loggerFactory = null)
    {
        _options = options;
        _contextOptions = contextOptions;
        _reference = reference;
        _demo = demo;
        _time = time;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<DatabaseInitializer>();
    }

    /// <summary>Creates a context acting as the portal itself (all business data; never for a user's request).</summary>
    public RecognitionDbContext CreateSystemContext(string purpose) =>
        new(_contextOptions, CurrentActor.System(purpose), _time);

    public async Task InitializeAsync(bool seedDemo, CancellationToken cancellationToken = default)
    {
        await using var db = CreateSystemContext("数据库初始化");
        if (_options.MigrateOnStartup)
        {
            if (_options.Provider == DatabaseProvider.SqlServer)
            {
                _logger.LogWarning(
                    "Database:MigrateOnStartup is ignored for SQL Server: apply deploy/sqlserver/recognition.sql (idempotent) instead.");
            }
            else
            {
                EnsureSqliteDirectory();
                if (_logger.IsEnabled(LogLevel.Information))
                {
                    _logger.LogInformation("Applying migrations ({Provider})", _options.Provider);
                }
                await db.Database.MigrateAsync(cancellationToken);
            }
        }

        await _reference.SeedAsync(db, cancellationToken);
        if (seedDemo)
        {
            _logger.LogWarning("Seeding the DEMO data set (Demo:Seed=true). Never enable this in production.");
            await _demo.SeedAsync(db, cancellationToken);
        }
    }

    private void EnsureSqliteDirectory()
    {
        if (_options.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }
        var builder = new SqliteConnectionStringBuilder(_options.ConnectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            return;
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
