using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NuMeng.Recognition.Data.Tests.Infrastructure;

/// <summary>SQLite test databases: files in a temp folder copied from templates migrated (and seeded) once per run.</summary>
public sealed class SqliteDatabases : ITestDatabaseProvider
{
    // Declared before Instance: static initialisers run in textual order.
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "numeng-sqlite-" + Environment.ProcessId);

    public static SqliteDatabases Instance { get; } = new();
    private readonly Lazy<Task<string>> _empty;
    private readonly Lazy<Task<string>> _seeded;
    private readonly Lazy<Task<TestDatabase>> _shared;

    private SqliteDatabases()
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
        _empty = new(() => CreateTemplateAsync("template-empty.db", seed: false));
        _shared = new(CreateSeededAsync);
        _seeded = new(() => CreateTemplateAsync("template-seeded.db", seed: true));
    }

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public static string ConnectionStringFor(string file) => $"Data Source={file};Pooling=False";

    public async Task<TestDatabase> CreateEmptyAsync() => new(Provider, ConnectionStringFor(Copy(await _empty.Value)));

    public Task<TestDatabase> SharedSeededAsync() => _shared.Value;

    public async Task<TestDatabase> CreateSeededAsync() => new(Provider, ConnectionStringFor(Copy(await _seeded.Value)));

    private static string Copy(string template)
    {
        var file = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".db");
        File.Copy(template, file);
        return file;
    }

    private async Task<string> CreateTemplateAsync(string name, bool seed)
    {
        var file = Path.Combine(Folder, name);
        if (seed)
        {
            File.Copy(await _empty.Value, file, overwrite: true);
        }
        else
        {
            File.Delete(file);
            await using var db = new TestDatabase(Provider, ConnectionStringFor(file));
            await using var context = db.SystemContext();
            await context.Database.MigrateAsync();
        }
        await using (var db = new TestDatabase(Provider, ConnectionStringFor(file)))
        {
            await db.Services.InitializeRecognitionDatabaseAsync(seedDemo: seed);
        }
        SqliteConnection.ClearAllPools();
        return file;
    }
}
