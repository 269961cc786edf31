using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Review;

/// <summary>
/// The real portal (as <see cref="Infrastructure.PortalFactory"/>: Kestrel on a free port, its own seeded SQLite demo
/// database), with its attachment store in the same temporary folder, and the addresses and database the review tests
/// arrange their data in.
/// </summary>
public sealed class ReviewPortalFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "numeng-review-portal-" + Guid.NewGuid().ToString("N"));

    public ReviewPortalFactory()
    {
        UseKestrel(0);
        Directory.CreateDirectory(_directory);
    }

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
        builder.ValidateLikeDevelopment();
        builder.UseStaticWebAssets();
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Recognition", ConnectionString);
        builder.UseSetting("Attachments:Root", Path.Combine(_directory, "attachments"));
        builder.UseSetting("Demo:Seed", "true");
        // Deadline reminders run at start-up and on the real clock: the demo deadlines would add notifications on some days.
        builder.UseSetting("Notifications:DeadlineReminders:Enabled", "false");
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
