using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Web.Tests.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Notices;

/// <summary>
/// The real portal (Kestrel on a free port, its own seeded SQLite demo database and attachment store) with a clock the
/// test sets (the portal takes <see cref="TimeProvider"/> from DI) and the objection rate limit of <see cref="PermitLimit"/>
/// submissions per hour.
/// </summary>
public class NoticesPortalFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "numeng-notices-portal-" + Guid.NewGuid().ToString("N"));

    public NoticesPortalFactory()
    {
        UseKestrel(0);
        Directory.CreateDirectory(_directory);
    }

    /// <summary>The portal's clock; starts at the real time (the demo's notice is published the day before).</summary>
    public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected virtual int PermitLimit => 1000;

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

    /// <summary>A context that sees everything, on this portal's database.</summary>
    public RecognitionDbContext SystemContext()
    {
        _ = RootUri;
        var options = (DbContextOptions<RecognitionDbContext>)RecognitionDatabaseOptions.Configure(
            new DbContextOptionsBuilder<RecognitionDbContext>(), DatabaseProvider.Sqlite, ConnectionString).Options;
        return new RecognitionDbContext(options, CurrentActor.System("公示测试"));
    }

    /// <summary>The demo's open notice (A9's).</summary>
    public async Task<PublicNotice> DemoNoticeAsync()
    {
        await using var db = SystemContext();
        return await db.PublicNotices.AsNoTracking().SingleAsync(n => n.Entries.Any(e => e.ApplicationId == NoticesArrange.A9));
    }

    /// <summary>Sets the portal's clock to <paramref name="hour"/>:00 Beijing time of <paramref name="day"/>.</summary>
    public void SetDay(DateOnly day, int hour = 10) =>
        Clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));

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
        builder.UseSetting("Notices:ObjectionRateLimit:PermitLimit", PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notices:ObjectionRateLimit:WindowMinutes", "60");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
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

/// <summary>The same portal with a rate limit of 2 objections per hour and address.</summary>
public sealed class TightRateLimitPortalFactory : NoticesPortalFactory
{
    protected override int PermitLimit => 2;
}
