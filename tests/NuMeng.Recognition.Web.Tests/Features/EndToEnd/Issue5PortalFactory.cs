using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.EndToEnd;

/// <summary>
/// The real portal on Kestrel with its own seeded SQLite demo and attachment folder (as <c>PortalFactory</c>), whose
/// <see cref="TimeProvider"/> is a clock the test moves forward: the portal takes its time from DI, so "after the notice
/// period" is a setting of <see cref="Clock"/>, not a wait.
/// </summary>
public sealed class Issue5PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "numeng-issue5-" + Guid.NewGuid().ToString("N"));

    public Issue5PortalFactory()
    {
        UseKestrel(0);
        Directory.CreateDirectory(_directory);
    }

    /// <summary>Real time plus an offset the test sets.</summary>
    public ShiftedClock Clock { get; } = new();

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

    public string ConnectionString => $"Data Source={Path.Combine(_directory, "recognition.db")}";

    /// <summary>A context that sees everything (arrangement of the steps done through the data layer, and assertions).</summary>
    public RecognitionDbContext SystemContext()
    {
        _ = RootUri;
        var options = (DbContextOptions<RecognitionDbContext>)RecognitionDatabaseOptions.Configure(
            new DbContextOptionsBuilder<RecognitionDbContext>(), DatabaseProvider.Sqlite, ConnectionString).Options;
        return new RecognitionDbContext(options, CurrentActor.System("第五项端到端测试"), Clock);
    }

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
        builder.UseSetting("Notifications:DeadlineReminders:Enabled", "false");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
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

/// <summary>The real clock moved forward by <see cref="Offset"/>.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + Offset;
}
