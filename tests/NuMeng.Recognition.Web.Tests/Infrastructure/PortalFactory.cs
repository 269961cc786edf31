using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web.Tests.Infrastructure;

/// <summary>
/// The one host of the real portal for every HTTP and browser test: in-process on Kestrel (a free loopback port), so HTTP
/// tests and Chromium drive the same server. Each instance has its OWN temp folder — SQLite database (migrated and seeded
/// with the demo, DEMO-ACCOUNTS.md), attachment store, portal certificate and audit checkpoints — removed on dispose, so a
/// test that changes data (lockout, registration, a walk-through) takes an instance of its own. What differs between
/// tests is a <see cref="PortalOptions"/>: the clock, the rate limits, the environment, the database, the demo, the
/// secrets, or the README's own run mode (<see cref="PortalOptions.AsDotnetRun"/>). A fixture that needs options is a
/// one-line subclass (xunit fixtures have exactly one public constructor).
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    /// <summary>The per-address limits (RateLimits:* and the objection form's); all raised unless a test lowers one.</summary>
    public static readonly IReadOnlyList<string> RateLimitNames = ["SignIn", "TwoFactor", "Registration", "PreCheck", "SignInFailures", "Objection"];

    private static readonly Lazy<X509Certificate2> SharedCertificate = new(Data.Keys.PortalCertificate.Generate);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "numeng-portal-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _clients = new(StringComparer.Ordinal);

    public PortalFactory()
        : this(new PortalOptions())
    {
    }

    /// <summary>A portal with <paramref name="options"/>. Not public: xunit fixtures must have exactly one public constructor.</summary>
    protected internal PortalFactory(PortalOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        UseKestrel(0);
        Directory.CreateDirectory(_directory);
        if (options.ProvideCertificate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CertificatePath)!);
            File.WriteAllBytes(CertificatePath, TestCertificate.Export(X509ContentType.Pfx));
        }
    }

    public PortalOptions Options { get; }

    /// <summary>
    /// One generated portal certificate for the whole run (RSA key generation is slow): for service hosts that build the
    /// secrets kept outside the database (ADR 0010) themselves, and for portals whose environment never generates one.
    /// </summary>
    public static X509Certificate2 TestCertificate => SharedCertificate.Value;

    /// <summary>The clock the test sets (<see cref="PortalOptions.Clock"/>); a portal on the real clock has none.</summary>
    public FakeTimeProvider Clock => Options.Clock ?? throw new InvalidOperationException("该测试门户使用真实时钟：请在 PortalOptions.Clock 中给出测试时钟");

    /// <summary>The SQLite file of this instance (unless <see cref="PortalOptions.ConnectionString"/> names another database).</summary>
    public string DatabasePath => Path.Combine(_directory, "recognition.db");

    /// <summary>The connection string the portal uses.</summary>
    public string ConnectionString => Options.ConnectionString ?? $"Data Source={DatabasePath}";

    /// <summary>This instance's portal certificate (Secrets:CertificatePath), generated on first start.</summary>
    public string CertificatePath => Options.CertificatePath ?? Path.Combine(_directory, "secrets", "portal-secrets.pfx");

    /// <summary>This instance's audit checkpoint directory (Audit:AnchorDirectory).</summary>
    public string AnchorDirectory => Options.AnchorDirectory ?? Path.Combine(_directory, "audit-anchors");

    /// <summary>The portal's address, e.g. http://127.0.0.1:41234.</summary>
    public Uri RootUri
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
            var address = addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
            return new Uri(address);
        }
    }

    /// <summary>The absolute address of <paramref name="path"/> on this portal.</summary>
    public string Url(string path) => new Uri(RootUri, path).ToString();

    /// <summary>
    /// An HTTP client signed in as the demo account <paramref name="user"/> (null or "anonymous": a fresh client without a
    /// cookie), shared by the tests of this instance: one sign-in per account, which also keeps each authenticator code
    /// single-use. Disposed with the portal.
    /// </summary>
    public Task<HttpClient> ClientAsync(string? user) =>
        user is null or "anonymous"
            ? Task.FromResult(HttpSignIn.NewClient(this))
            : _clients.GetOrAdd(user, u => new Lazy<Task<HttpClient>>(() => HttpSignIn.SignInAsync(this, u, DemoAuthenticator.KeyOf))).Value;

    /// <summary>A context that sees everything (System actor) on this portal's database, on the portal's clock: for arrangement and expected values.</summary>
    public RecognitionDbContext SystemContext(string who = "测试")
    {
        _ = RootUri; // the server migrates and seeds the database first
        var options = (DbContextOptions<RecognitionDbContext>)RecognitionDatabaseOptions.Configure(
            new DbContextOptionsBuilder<RecognitionDbContext>(), Options.Provider, ConnectionString).Options;
        return new RecognitionDbContext(options, CurrentActor.System(who), Options.Clock ?? TimeProvider.System);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("ConnectionStrings:Recognition", ConnectionString);
        builder.UseSetting("Attachments:Root", Path.Combine(_directory, "attachments"));
        if (Options.AsDotnetRun)
        {
            // As the README runs it: launchSettings.json's environment (Development, whose host validates scopes and builds
            // every service at start), the project folder as content root with appsettings.Development.json (which seeds
            // the demo), every other setting as shipped. Only what would write into the source tree is moved here.
            builder.UseEnvironment(DotnetRun.LaunchEnvironment);
            return;
        }
        builder.UseEnvironment(Options.Environment);
        builder.ValidateLikeDevelopment();
        // Static web assets (app.css, the Blazor script) are served from the project only in Development unless asked.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", Options.Provider.ToString());
        builder.UseSetting("Demo:Seed", Options.SeedDemo ? "true" : "false");
        // The secrets kept outside the database (ADR 0010): this instance's own certificate (generated on first start
        // outside Production) and checkpoint directory, in its temp folder — or another instance's, to share them.
        builder.UseSetting("Secrets:CertificatePath", CertificatePath);
        builder.UseSetting("Audit:AnchorDirectory", AnchorDirectory);
        // Deadline reminders run at start-up: the demo deadlines would add notifications on some days.
        builder.UseSetting("Notifications:DeadlineReminders:Enabled", "false");
        // Every test talks from 127.0.0.1: the per-address limits are raised, except those a test of the limits sets.
        foreach (var limit in RateLimitNames)
        {
            var permits = Options.RateLimits.TryGetValue(limit, out var lowered) ? lowered : 100_000;
            builder.UseSetting(limit == "Objection" ? "Notices:ObjectionRateLimit:PermitLimit" : $"RateLimits:{limit}:PermitLimit",
                permits.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var (key, value) in Options.Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            if (Options.Clock is { } clock)
            {
                // The portal takes its time from DI: "after the notice period" is a setting of the clock, not a wait.
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
            }
            Options.Services?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var client in _clients.Values.Where(c => c.IsValueCreated && c.Value.IsCompletedSuccessfully))
            {
                client.Value.Result.Dispose();
            }
        }
        base.Dispose(disposing);
        if (disposing)
        {
            PortalDirectory.Remove(_directory);
        }
    }

    /// <summary>How <c>dotnet run --project src/NuMeng.Recognition.Web</c> runs the portal (the README's run mode).</summary>
    public static class DotnetRun
    {
        /// <summary>The environment <c>dotnet run</c> gives the portal: launchSettings.json's first profile.</summary>
        public static string LaunchEnvironment { get; } = ReadLaunchEnvironment();

        /// <summary>The project's Properties/launchSettings.json, found from the test's output folder upwards.</summary>
        public static string LaunchSettingsPath
        {
            get
            {
                for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                {
                    var candidate = Path.Combine(dir.FullName, "src", "NuMeng.Recognition.Web", "Properties", "launchSettings.json");
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
                throw new FileNotFoundException("找不到 src/NuMeng.Recognition.Web/Properties/launchSettings.json");
            }
        }

        private static string ReadLaunchEnvironment()
        {
            using var json = JsonDocument.Parse(File.ReadAllText(LaunchSettingsPath));
            var profile = json.RootElement.GetProperty("profiles").EnumerateObject().First().Value;
            return profile.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString()!;
        }
    }
}

/// <summary>A portal on a clock the test sets, starting now (e.g. "after the notice period" without waiting).</summary>
public sealed class ClockedPortal() : PortalFactory(PortalOptions.Clocked());

/// <summary>What a test portal does differently from the default (Testing, own seeded SQLite demo, real clock, raised limits).</summary>
public sealed record PortalOptions
{
    /// <summary>The host environment (Testing by default; e.g. Production).</summary>
    public string Environment { get; init; } = "Testing";

    /// <summary>Whether the demo is seeded at start (Production refuses it).</summary>
    public bool SeedDemo { get; init; } = true;

    /// <summary>A clock the test sets, registered as the portal's <see cref="TimeProvider"/>; null: the real clock.</summary>
    public FakeTimeProvider? Clock { get; init; }

    /// <summary>Per-address limits a test lowers, by name (<see cref="PortalFactory.RateLimitNames"/>); the rest are raised.</summary>
    public IReadOnlyDictionary<string, int> RateLimits { get; init; } = new Dictionary<string, int>();

    /// <summary>The database provider (SQLite unless the test brings another server).</summary>
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>Another database than this instance's own SQLite file (e.g. a copy, or another instance's file).</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Another instance's certificate (to share its secrets); null: this instance's own.</summary>
    public string? CertificatePath { get; init; }

    /// <summary>Another instance's checkpoint directory; null: this instance's own.</summary>
    public string? AnchorDirectory { get; init; }

    /// <summary>Writes the run's test certificate where the portal looks for it (Production never generates one).</summary>
    public bool ProvideCertificate { get; init; }

    /// <summary>Further configuration settings, applied last.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Test services replacing the portal's (e.g. a counting password hasher).</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>
    /// The portal exactly as the README runs it (<c>dotnet run</c>): every option above is ignored except that the
    /// database and attachment store go to this instance's temp folder (and a free port instead of 5298).
    /// </summary>
    public bool AsDotnetRun { get; init; }

    /// <summary>A clock that starts now and moves only when the test sets it.</summary>
    public static FakeTimeProvider ClockAtNow() => new(DateTimeOffset.UtcNow);

    /// <summary>A portal on a clock the test sets (<see cref="ClockAtNow"/>).</summary>
    public static PortalOptions Clocked() => new() { Clock = ClockAtNow() };
}
