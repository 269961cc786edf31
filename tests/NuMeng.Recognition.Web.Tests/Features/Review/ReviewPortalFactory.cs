using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Web.Features.Notifications;
using NuMeng.Recognition.Web.Features.Review;

namespace NuMeng.Recognition.Web.Tests.Features.Review;

/// <summary>
/// The real portal (as <see cref="Infrastructure.PortalFactory"/>: Kestrel on a free port, its own seeded SQLite demo
/// database) with the review and notification features registered. Until DependencyInjection.cs registers them
/// (<c>AddNotifications()</c>, <c>AddBureauReview()</c>, <c>MapReviewEndpoints()</c>), this factory adds them: the services
/// through ConfigureServices, the inline-file endpoint through a start-up filter with its own routing branch. Once the
/// portal registers them itself, <see cref="PortalRegistersReview"/> turns the additions off.
/// </summary>
public sealed class ReviewPortalFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "numeng-review-portal-" + Guid.NewGuid().ToString("N"));

    public ReviewPortalFactory()
    {
        UseKestrel(0);
        Directory.CreateDirectory(_directory);
    }

    /// <summary>True once the portal's own registration includes the review feature.</summary>
    public static bool PortalRegistersReview =>
        File.ReadAllText(Path.Combine(SolutionDirectory(), "src", "NuMeng.Recognition.Web", "DependencyInjection.cs")).Contains("AddBureauReview", StringComparison.Ordinal);

    public Uri RootUri
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
            return new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    public string Url(string path) => new Uri(RootUri, path).ToString();

    /// <summary>The connection string of this instance's SQLite database.</summary>
    public string ConnectionString => $"Data Source={Path.Combine(_directory, "recognition.db")}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Recognition", ConnectionString);
        builder.UseSetting("Attachments:Root", Path.Combine(_directory, "attachments"));
        builder.UseSetting("Demo:Seed", "true");
        if (!PortalRegistersReview)
        {
            builder.ConfigureServices(services =>
            {
                services.AddNotifications();
                services.AddBureauReview();
                services.AddSingleton<IStartupFilter, ReviewEndpointsFilter>();
            });
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static string SolutionDirectory([System.Runtime.CompilerServices.CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (!File.Exists(Path.Combine(dir.FullName, "NuMeng.Recognition.sln")))
        {
            dir = dir.Parent!;
        }
        return dir.FullName;
    }

    /// <summary>/review/files/… in a branch with its own routing, authentication and authorisation (test-only glue).</summary>
    private sealed class ReviewEndpointsFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseWhen(c => c.Request.Path.StartsWithSegments("/review/files", StringComparison.OrdinalIgnoreCase), branch =>
            {
                branch.UseRouting();
                branch.UseAuthentication();
                branch.UseAuthorization();
                branch.UseEndpoints(e => e.MapReviewEndpoints());
            });
            next(app);
        };
    }
}
