using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.RunMode;

/// <summary>
/// The portal exactly as the README runs it (<c>dotnet run --project src/NuMeng.Recognition.Web</c>): the environment
/// of launchSettings.json's profile (Development — whose host validates scopes and builds every service at start), the
/// project folder as content root (so appsettings.Development.json and its <c>Demo:Seed=true</c> apply; nothing here
/// sets the seed), every other setting as shipped. Only what would write into the source tree is moved to a temp folder
/// of its own: the SQLite database and the attachment store (and the port: a free one, not 5298).
/// </summary>
public sealed class DevelopmentPortalFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "numeng-dev-portal-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _clients = new();

    public DevelopmentPortalFactory()
    {
        UseKestrel(0);
        Directory.CreateDirectory(_directory);
    }

    /// <summary>The environment <c>dotnet run</c> gives the portal: launchSettings.json's first profile.</summary>
    public static string LaunchEnvironment { get; } = ReadLaunchEnvironment();

    public string DatabasePath => Path.Combine(_directory, "recognition.db");

    public Uri RootUri
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
            return new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    /// <summary>A client signed in as <paramref name="user"/> (null: anonymous); one sign-in per account (TOTP steps).</summary>
    public Task<HttpClient> ClientAsync(string? user) =>
        user is null
            ? Task.FromResult(HttpSignIn.NewClient(RootUri))
            : _clients.GetOrAdd(user, u => new Lazy<Task<HttpClient>>(() => HttpSignIn.SignInAsync(RootUri, u, _ => DemoSeeder.DemoAuthenticatorKey))).Value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(LaunchEnvironment);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("ConnectionStrings:Recognition", $"Data Source={DatabasePath}");
        builder.UseSetting("Attachments:Root", Path.Combine(_directory, "attachments"));
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
