using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace NuMeng.Recognition.Data.Tests.Infrastructure;

/// <summary>PostgreSQL test databases on the run's server, created from template databases migrated (and seeded) once.</summary>
public sealed class PostgresDatabases : ITestDatabaseProvider
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresDatabases? _instance;
    private readonly PostgresServer _server;
    private readonly Lazy<Task<string>> _empty;
    private readonly Lazy<Task<string>> _seeded;
    private readonly Lazy<Task<TestDatabase>> _shared;

    private PostgresDatabases(PostgresServer server)
    {
        _server = server;
        _empty = new(() => CreateTemplateAsync("numeng_template_empty", seed: false));
        _shared = new(CreateSeededAsync);
        _seeded = new(() => CreateTemplateAsync("numeng_template_seeded", seed: true));
    }

    /// <summary>One instance per server (templates are made once per run).</summary>
    public static PostgresDatabases For(PostgresServer server)
    {
        Gate.Wait();
        try
        {
            if (_instance is null || !ReferenceEquals(_instance._server, server))
            {
                _instance = new PostgresDatabases(server);
            }
            return _instance;
        }
        finally
        {
            Gate.Release();
        }
    }

    public DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public async Task<TestDatabase> CreateEmptyAsync() => await CopyAsync(await _empty.Value);

    public Task<TestDatabase> SharedSeededAsync() => _shared.Value;

    public async Task<TestDatabase> CreateSeededAsync() => await CopyAsync(await _seeded.Value);

    private async Task<TestDatabase> CopyAsync(string template)
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await CreateDatabaseAsync(name, template);
        return new TestDatabase(Provider, _server.ConnectionString(name));
    }

    private async Task CreateDatabaseAsync(string name, string template)
    {
        // CREATE DATABASE … TEMPLATE needs no open connection to the template: templates are used with pooling off.
        await Gate.WaitAsync();
        try
        {
            await _server.ExecuteAdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<string> CreateTemplateAsync(string name, bool seed)
    {
        if (seed)
        {
            await CreateDatabaseAsync(name, await _empty.Value);
        }
        else
        {
            await _server.ExecuteAdminAsync($"CREATE DATABASE \"{name}\"");
            await using var db = new TestDatabase(Provider, _server.ConnectionString(name, pooling: false));
            await using var context = db.SystemContext();
            await context.Database.MigrateAsync();
        }
        await using (var db = new TestDatabase(Provider, _server.ConnectionString(name, pooling: false)))
        {
            await db.Services.InitializeRecognitionDatabaseAsync(seedDemo: seed);
        }
        NpgsqlConnection.ClearAllPools();
        return name;
    }
}
