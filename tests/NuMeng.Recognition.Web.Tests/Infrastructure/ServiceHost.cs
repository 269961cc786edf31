using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Applications;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Identity;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Domain.Regions;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Features.Applications;
using NuMeng.Recognition.Web.Features.Notifications;
using NuMeng.Recognition.Web.Features.Review;
using NuMeng.Recognition.Web.Infrastructure.Attachments;

namespace NuMeng.Recognition.Web.Tests.Infrastructure;

/// <summary>
/// The one host of the portal's services without the web server, for the service tests: a real SQLite database with the
/// demo seeded (a copy of a template migrated and seeded once per run), the data layer, audit, notifications and the
/// application and review features as the portal registers them, a file attachment store in the host's own folder, and a
/// clock the test sets (<see cref="FakeTimeProvider"/>, by default 2026-11-21 10:00 Beijing time, inside the open 2026
/// batches). <see cref="As{T}"/> resolves a service in a scope acting as a demo account, as the portal builds it from the
/// sign-in.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    /// <summary>The default start of the clock: 2026-11-21 10:00 Beijing time.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "numeng-service-tests-" + Environment.ProcessId);
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);
    private readonly List<AsyncServiceScope> _scopes = [];

    private ServiceHost(string file, FakeTimeProvider clock)
    {
        File = file;
        Clock = clock;
        Services = BuildServices(SqliteConnectionString(file), clock, Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file) + "-files"));
    }

    public string File { get; }

    /// <summary>The services' clock; set it with <see cref="FakeTimeProvider.AdjustTime"/> (forwards or back).</summary>
    public FakeTimeProvider Clock { get; }

    public ServiceProvider Services { get; }

    /// <summary>A fresh copy of the seeded demo; the clock starts at <paramref name="now"/> (default <see cref="DefaultNow"/>).</summary>
    public static async Task<ServiceHost> CreateAsync(DateTimeOffset? now = null)
    {
        var template = await Template.Value;
        var file = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".db");
        System.IO.File.Copy(template, file);
        return new ServiceHost(file, new FakeTimeProvider((now ?? DefaultNow).ToUniversalTime()));
    }

    /// <summary>A service resolved in a scope acting as the demo account <paramref name="userName"/>.</summary>
    public T As<T>(string userName)
        where T : notnull => Scope(Actor(userName)).GetRequiredService<T>();

    /// <summary>
    /// A <typeparamref name="T"/> built (not registered: e.g. a feature's service the test constructs as the portal would)
    /// from the services of a scope acting as the demo account <paramref name="userName"/>.
    /// </summary>
    public T Create<T>(string userName)
        where T : class => ActivatorUtilities.CreateInstance<T>(Scope(Actor(userName)));

    /// <summary>A context that sees everything (arrangement and assertions).</summary>
    public RecognitionDbContext SystemContext() => new(Options, CurrentActor.System("测试"), Clock);

    /// <summary>A context as the demo account sees the data.</summary>
    public RecognitionDbContext ContextAs(string userName) => new(Options, Actor(userName), Clock);

    private DbContextOptions<RecognitionDbContext> Options =>
        (DbContextOptions<RecognitionDbContext>)RecognitionDatabaseOptions.Configure(
            new DbContextOptionsBuilder<RecognitionDbContext>(), DatabaseProvider.Sqlite, SqliteConnectionString(File)).Options;

    /// <summary>The actor the portal builds from a demo account's sign-in.</summary>
    public static CurrentActor Actor(string userName)
    {
        var account = DemoSeeder.Accounts.Single(a => a.UserName == userName);
        var league = InnerMongoliaRegions.Leagues.FirstOrDefault(l => account.OrganisationId == WellKnownIds.Bureau(l.Code));
        return new CurrentActor
        {
            IsAuthenticated = true,
            UserId = DemoSeeder.UserId(userName),
            DisplayName = account.DisplayName,
            OrganisationId = account.OrganisationId,
            OrganisationName = league is null ? null : ReferenceDataSeeder.BureauName(league.Name),
            Roles = new HashSet<ActorRole> { account.Role },
            LeagueCode = league?.Code,
            ExpertId = account.ExpertId,
        };
    }

    /// <summary>
    /// Arrangement: an application of demo enterprise <paramref name="enterprise"/> submitted (version 1, one attachment)
    /// through the workflow's Submit row, as the enterprise half of the portal does.
    /// </summary>
    public async Task<Guid> SubmitApplicationAsync(int enterprise, Guid batchId, RecognitionKind kind, string name, string league = "1501")
    {
        await using var db = SystemContext();
        var app = new Application
        {
            EnterpriseId = DemoSeeder.Enterprise(enterprise),
            BatchId = batchId,
            Kind = kind,
            WorkshopOrFactoryName = name,
            LeagueCode = league,
            CurrentDraftJson = """{"project":{"name":"测试"}}""",
        };
        var bytes = "%PDF-1.4 test evidence"u8.ToArray();
        var attachment = new Attachment
        {
            OwnerOrganisationId = app.EnterpriseId, ApplicationId = app.Id, ItemKey = "technical.digitalEquipment",
            OriginalFileName = "装备清单.pdf", StoredName = $"{Guid.NewGuid():N}.pdf", ContentType = "application/pdf",
            SizeBytes = bytes.Length, Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
            UploadedAt = Clock.GetUtcNow(), UploadedByUserId = DemoSeeder.UserId(DemoSeeder.EnterpriseUserName(enterprise)),
        };
        var version = ApplicationVersion.Freeze(app.Id, 1, app.CurrentDraftJson, [attachment], Clock.GetUtcNow(), attachment.UploadedByUserId);
        app.Apply(ApplicationWorkflow.Decide(app.State, ApplicationAction.Submit, [ActorRole.EnterpriseApplicant]), version);
        app.LastSubmittedAt = Clock.GetUtcNow();
        db.AddRange(app, attachment, version);
        await db.SaveChangesAsync();
        return app.Id;
    }

    public async Task<Guid> StampOfAsync(Guid applicationId)
    {
        await using var db = SystemContext();
        return await db.Applications.Where(a => a.Id == applicationId).Select(a => a.ConcurrencyStamp).SingleAsync();
    }

    private IServiceProvider Scope(ICurrentActor actor)
    {
        var scope = Services.CreateAsyncScope();
        _scopes.Add(scope);
        scope.ServiceProvider.GetRequiredService<ActorHolder>().Actor = actor;
        return scope.ServiceProvider;
    }

    private static ServiceProvider BuildServices(string connectionString, TimeProvider clock, string files, bool migrate = false)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddScoped<ActorHolder>();
        services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<ActorHolder>().Actor);
        services.AddRecognitionData(new RecognitionDatabaseOptions(DatabaseProvider.Sqlite, connectionString, MigrateOnStartup: migrate));
        // The secrets kept outside the database (ADR 0010): the run's test certificate, this host's own checkpoints.
        services.AddRecognitionSecrets(PortalFactory.TestCertificate, new AuditOptions(), Path.Combine(files, "audit-anchors"));
        services.AddIdentityCore<AppUser>().AddRoles<AppRole>().AddEntityFrameworkStores<RecognitionDbContext>();
        services.AddSingleton<IAttachmentStore>(new FileSystemAttachmentStore(
            Microsoft.Extensions.Options.Options.Create(new AttachmentOptions { Root = Path.Combine(files, "attachments") }),
            new TestEnvironment(files), NullLogger<FileSystemAttachmentStore>.Instance));
        services.AddNotifications();
        services.AddBureauReview();
        services.AddApplicationFeatures();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static string SqliteConnectionString(string file) => $"Data Source={file};Pooling=False";

    private static async Task<string> CreateTemplateAsync()
    {
        Directory.CreateDirectory(Folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => PortalDirectory.Remove(Folder);
        var file = Path.Combine(Folder, "template.db");
        await using var services = BuildServices(SqliteConnectionString(file), TimeProvider.System, Path.Combine(Folder, "template-files"), migrate: true);
        await services.InitializeRecognitionDatabaseAsync(seedDemo: true);
        SqliteConnection.ClearAllPools();
        return file;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync();
        }
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The actor of a scope, set before anything in the scope asks for it.</summary>
    private sealed class ActorHolder
    {
        public ICurrentActor Actor { get; set; } = CurrentActor.Anonymous;
    }

    private sealed class TestEnvironment(string root) : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = Path.Combine(root, "wwwroot");
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ApplicationName { get; set; } = "NuMeng.Recognition.Web";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = root;
        public string EnvironmentName { get; set; } = "Testing";
    }
}
