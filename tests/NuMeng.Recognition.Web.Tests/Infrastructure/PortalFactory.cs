using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace NuMeng.Recognition.Web.Tests.Infrastructure;

/// <summary>
/// Hosts the real portal in-process on Kestrel (a free loopback port), so HTTP tests and Chromium drive the same server.
/// Each instance has its OWN SQLite database file in a fresh temp folder, migrated and seeded with the demo
/// (<c>Demo:Seed=true</c>, DEMO-ACCOUNTS.md), so tests sign in with the demo accounts and a test that changes accounts
/// (lockout, registration) can take a factory of its own. The folder is removed on dispose.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "numeng-portal-" + Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public PortalFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>
    /// A portal with extra configuration settings (e.g. <c>Demo:Seed=false</c>), applied after the defaults. Internal: xunit
    /// fixtures must have exactly one public constructor.
    /// </summary>
    internal PortalFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        _settings = settings;
        _services = services;
        UseKestrel(0);
        Directory.CreateDirectory(_directory);
    }

    /// <summary>The SQLite file of this instance.</summary>
    public string DatabasePath => Path.Combine(_directory, "recognition.db");

    /// <summary>This instance's portal certificate (Secrets:CertificatePath), generated on first start.</summary>
    public string CertificatePath => Path.Combine(_directory, "secrets", "portal-secrets.pfx");

    /// <summary>This instance's audit checkpoint directory (Audit:AnchorDirectory).</summary>
    public string AnchorDirectory => Path.Combine(_directory, "audit-anchors");

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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ValidateLikeDevelopment();
        // Static web assets (app.css, the Blazor script) are served from the project only in Development unless asked.
        builder.UseStaticWebAssets();
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Recognition", $"Data Source={DatabasePath}");
        builder.UseSetting("Demo:Seed", "true");
        // The secrets kept outside the database (ADR 0010): this instance's own certificate (generated on first start)
        // and checkpoint directory, in its temp folder.
        builder.UseSetting("Secrets:CertificatePath", CertificatePath);
        builder.UseSetting("Audit:AnchorDirectory", AnchorDirectory);
        // Deadline reminders run at start-up and on the real clock: the demo deadlines would add notifications on some days.
        builder.UseSetting("Notifications:DeadlineReminders:Enabled", "false");
        // Every test talks from 127.0.0.1: the per-address limits (RateLimits:*) are raised here; the tests of the limits
        // themselves lower them again through their settings.
        foreach (var limit in new[] { "SignIn", "TwoFactor", "Registration", "PreCheck", "SignInFailures" })
        {
            builder.UseSetting($"RateLimits:{limit}:PermitLimit", "100000");
        }
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            PortalDirectory.Remove(_directory);
        }
    }
}
