using NuMeng.Recognition.Web.Tests.Infrastructure;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Identity;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Features.Applications;
using NuMeng.Recognition.Web.Infrastructure.Attachments;

namespace NuMeng.Recognition.Web.Tests.Features.Applications;

/// <summary>
/// The application services over a real SQLite database with the demo seeded (a copy of a template migrated and seeded
/// once per run), a fixed clock (2026-11-21 10:00 Beijing time, inside the open 2026 batches) and an in-memory
/// attachment store. <see cref="As"/> gives a scope acting as a demo account, as the portal builds it from the sign-in.
/// </summary>
internal sealed class ApplicationTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "numeng-apply-tests-" + Environment.ProcessId);
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);
    private readonly List<AsyncServiceScope> _scopes = [];

    private ApplicationTestHost(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public MemoryAttachmentStore Store => (MemoryAttachmentStore)Services.GetRequiredService<IAttachmentStore>();

    public static Guid Dw2026 => DemoSeeder.BatchId(2026, 1, RecognitionKind.DigitalWorkshop);

    public static async Task<ApplicationTestHost> CreateAsync()
    {
        var file = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".db");
        File.Copy(await Template.Value, file);
        return new ApplicationTestHost(Build(file));
    }

    /// <summary>A scope acting as the demo account <paramref name="userName"/>.</summary>
    public IServiceProvider As(string userName)
    {
        var scope = Services.CreateAsyncScope();
        _scopes.Add(scope);
        scope.ServiceProvider.GetRequiredService<ActorHolder>().Actor = Actor(userName);
        return scope.ServiceProvider;
    }

    public T As<T>(string userName)
        where T : notnull => As(userName).GetRequiredService<T>();

    /// <summary>A context of the System actor, to look behind the filters in assertions and to play the bureau's part.</summary>
    public RecognitionDbContext System()
    {
        var scope = Services.CreateAsyncScope();
        _scopes.Add(scope);
        scope.ServiceProvider.GetRequiredService<ActorHolder>().Actor = CurrentActor.System("测试");
        return scope.ServiceProvider.GetRequiredService<IDbContextFactory<RecognitionDbContext>>().CreateDbContext();
    }

    public static CurrentActor Actor(string userName)
    {
        var account = DemoSeeder.Accounts.Single(a => a.UserName == userName);
        var league = Domain.Regions.InnerMongoliaRegions.Leagues.FirstOrDefault(l => account.OrganisationId == WellKnownIds.Bureau(l.Code))?.Code;
        return new CurrentActor
        {
            IsAuthenticated = true,
            UserId = DemoSeeder.UserId(userName),
            DisplayName = account.DisplayName,
            OrganisationId = account.OrganisationId,
            Roles = new HashSet<ActorRole> { account.Role },
            LeagueCode = league,
            ExpertId = account.ExpertId,
        };
    }

    private static ServiceProvider Build(string file)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FixedClock(Now));
        services.AddScoped<ActorHolder>();
        services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<ActorHolder>().Actor);
        services.AddRecognitionData(new RecognitionDatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False", MigrateOnStartup: true));
        services.AddTestSecrets(file + ".audit-anchors");
        services.AddIdentityCore<AppUser>().AddRoles<AppRole>().AddEntityFrameworkStores<RecognitionDbContext>();
        services.AddSingleton<IAttachmentStore, MemoryAttachmentStore>();
        services.AddApplicationFeatures();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static async Task<string> CreateTemplateAsync()
    {
        Directory.CreateDirectory(Folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        var file = Path.Combine(Folder, "template.db");
        await using (var services = Build(file))
        {
            await services.InitializeRecognitionDatabaseAsync(seedDemo: true);
        }
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

    private sealed class ActorHolder
    {
        public ICurrentActor Actor { get; set; } = CurrentActor.Anonymous;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>An attachment store in memory: accepts files whose name ends in .pdf, .png or .jpg and refuses the rest in Chinese.</summary>
internal sealed class MemoryAttachmentStore : IAttachmentStore
{
    private readonly Dictionary<string, byte[]> _files = [];

    public int Count => _files.Count;

    public async Task<AttachmentSaveResult> SaveAsync(Stream content, string originalFileName, string field, CancellationToken cancellationToken = default)
    {
        var extension = Path.GetExtension(originalFileName).ToLowerInvariant();
        if (extension is not (".pdf" or ".png" or ".jpg"))
        {
            return AttachmentSaveResult.Refused(new InputError(field, "仅支持 PDF、JPEG 或 PNG 文件。"));
        }
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var name = Guid.CreateVersion7() + extension;
        _files[name] = bytes;
        return AttachmentSaveResult.Stored(new StoredFile(name, originalFileName, extension == ".pdf" ? "application/pdf" : "image/png", bytes.Length,
            Convert.ToHexStringLower(SHA256.HashData(bytes))));
    }

    public Task<Stream> OpenReadAsync(StoredFileReference file, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream>(new MemoryStream(_files[file.StoredName]));
}
