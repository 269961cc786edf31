using Microsoft.Extensions.DependencyInjection.Extensions;
using NuMeng.Recognition.Data.Seeding;

namespace NuMeng.Recognition.Data;

/// <summary>Registration of the data layer (one call from Program.cs).</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Registers <see cref="RecognitionDbContext"/> for the provider named by <c>Database:Provider</c> (Sqlite default,
    /// SqlServer, PostgreSql) with <c>ConnectionStrings:Recognition</c>:
    /// <list type="bullet">
    /// <item><see cref="IDbContextFactory{TContext}"/> SCOPED, so each context gets the scope's <see cref="ICurrentActor"/>
    /// (STYLE: one context per operation in interactive components; never one per circuit);</item>
    /// <item>the context itself, scoped (Identity's EF stores use it);</item>
    /// <item><see cref="ICurrentActor"/> = <see cref="CurrentActor.Anonymous"/> unless the web app registers its own
    /// (register yours scoped, before or after this call);</item>
    /// <item><see cref="IAuditLog"/> (needs <see cref="AddRecognitionSecrets"/>), <see cref="TimeProvider"/> (system clock unless already registered), the
    /// initializer and seeders used by <see cref="InitializeRecognitionDatabaseAsync"/>.</item>
    /// </list>
    /// The web app must reference the three migrations projects so their assemblies are deployed.
    /// </summary>
    public static IServiceCollection AddRecognitionData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddRecognitionData(RecognitionDatabaseOptions.FromConfiguration(configuration));
    }

    /// <summary>Same, with explicit options (tests, tools).</summary>
    public static IServiceCollection AddRecognitionData(this IServiceCollection services, RecognitionDatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ICurrentActor>(_ => CurrentActor.Anonymous);

        services.AddDbContextFactory<RecognitionDbContext>(options.Apply, ServiceLifetime.Scoped);
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<RecognitionDbContext>>().CreateDbContext());

        services.TryAddSingleton<AuditAppendLock>();
        services.TryAddScoped<IAuditLog, AuditLog>();
        services.TryAddScoped<DatabaseInitializer>();
        services.TryAddScoped<ReferenceDataSeeder>();
        services.TryAddScoped<DemoSeeder>();
        return services;
    }

    /// <summary>
    /// The secrets kept outside the database (ADR 0010): the audit log's keys from the portal certificate, the anchor
    /// store (append-only file in <paramref name="anchorDirectory"/> unless an <see cref="IAuditAnchorStore"/> is already
    /// registered) and the checkpoint service. <see cref="IAuditLog"/> needs this.
    /// </summary>
    public static IServiceCollection AddRecognitionSecrets(
        this IServiceCollection services, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate, AuditOptions audit, string anchorDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(audit);
        services.AddSingleton(_ => new AuditKeys(certificate));
        services.TryAddSingleton<IAuditAnchorStore>(_ => new FileAuditAnchorStore(anchorDirectory));
        services.AddSingleton(audit);
        services.AddSingleton<AuditIntegrity>();
        services.AddHostedService<AuditCheckpointService>();
        return services;
    }

    /// <summary>
    /// Prepares the database at start-up: applies migrations (SQLite/PostgreSQL when <c>Database:MigrateOnStartup</c>;
    /// never SQL Server, whose DBA runs deploy/sqlserver/recognition.sql), ensures the roles and reference data, and —
    /// only when <paramref name="seedDemo"/> (configuration <c>Demo:Seed=true</c>, never in production) — the demo.
    /// Needs Identity registered (<c>AddIdentityCore&lt;AppUser&gt;().AddRoles&lt;AppRole&gt;().AddEntityFrameworkStores&lt;RecognitionDbContext&gt;()</c>)
    /// when seeding the demo, since accounts are created through <c>UserManager</c>.
    /// </summary>
    public static async Task InitializeRecognitionDatabaseAsync(this IServiceProvider services, bool seedDemo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.InitializeAsync(seedDemo, cancellationToken);
    }
}
