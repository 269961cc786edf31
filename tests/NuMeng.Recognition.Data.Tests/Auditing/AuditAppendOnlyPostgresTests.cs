using System.Diagnostics;
using Npgsql;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Tests.Infrastructure;

namespace NuMeng.Recognition.Data.Tests.Auditing;

/// <summary>
/// on PostgreSQL the portal's own database role may append to the audit log and read it, never rewrite it.
/// Applies deploy/postgresql/audit-append-only.sql with psql, exactly as an operator would, on the tests' real server.
/// </summary>
[RequiresPostgres]
[Collection(PostgresServer.CollectionName)]
public sealed class AuditAppendOnlyPostgresTests(PostgresServer server)
{
    [ProviderFact]
    public async Task AppendOnlyScript_PortalRole_AppendsAndReadsButCannotUpdateDeleteOrTruncate()
    {
        await using var owned = await PostgresDatabases.For(server).CreateEmptyAsync();
        var name = new NpgsqlConnectionStringBuilder(owned.ConnectionString).Database!;
        var role = "numeng_portal_" + Guid.NewGuid().ToString("N")[..8];
        await server.ExecuteAdminAsync($"CREATE ROLE \"{role}\" LOGIN");

        await PsqlAsync(name, "-v", "owner_role=postgres", "-v", $"portal_role={role}", "-f", ScriptPath());

        var asPortal = new NpgsqlConnectionStringBuilder(owned.ConnectionString) { Username = role }.ConnectionString;
        await using var portal = new TestDatabase(DatabaseProvider.PostgreSql, asPortal);
        var entry = await portal.AuditLog().AppendAsync(new AuditEvent("test.append", "Test", "1"));
        var businessUpdated = await portal.ExecuteSqlAsync("""UPDATE "Organisations" SET "Name" = "Name" """);
        var refused = new List<string>();
        foreach (var sql in new[]
        {
            $"""UPDATE "AuditEntries" SET "ActorDisplayName" = '他人' WHERE "Sequence" = {entry.Sequence}""",
            $"""DELETE FROM "AuditEntries" WHERE "Sequence" = {entry.Sequence}""",
            """TRUNCATE "AuditEntries" """,
        })
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => portal.ExecuteSqlAsync(sql));
            refused.Add(error.SqlState);
        }
        var report = await portal.AuditLog().VerifyChainAsync();

        Assert.True(businessUpdated > 0, "the portal role still writes the business tables");
        Assert.Equal([PostgresErrorCodes.InsufficientPrivilege, PostgresErrorCodes.InsufficientPrivilege, PostgresErrorCodes.InsufficientPrivilege], refused);
        Assert.True(report.IsIntact, report.Describe());
        Assert.Equal(entry.Sequence, report.Head!.Sequence);
    }

    [ProviderFact]
    public async Task AppendOnlyScript_PortalRoleOwnsTheTables_RefusesToRun()
    {
        await using var owned = await PostgresDatabases.For(server).CreateEmptyAsync();
        var name = new NpgsqlConnectionStringBuilder(owned.ConnectionString).Database!;
        var role = "numeng_owner_" + Guid.NewGuid().ToString("N")[..8];
        await server.ExecuteAdminAsync($"CREATE ROLE \"{role}\" LOGIN");
        await owned.ExecuteSqlAsync($"""ALTER TABLE "AuditEntries" OWNER TO "{role}" """);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PsqlAsync(name, "-v", "owner_role=postgres", "-v", $"portal_role={role}", "-f", ScriptPath()));

        Assert.Contains("拥有 \"AuditEntries\" 表", error.Message, StringComparison.Ordinal);
    }

    private async Task PsqlAsync(string database, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(PostgresServer.Binaries!, "psql"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-h", "127.0.0.1", "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", "postgres", "-d", database, "-X", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"psql 失败（{process.ExitCode}）：{await errors}{await output}");
        }
    }

    private static string ScriptPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var script = Path.Combine(directory.FullName, "deploy", "postgresql", "audit-append-only.sql");
            if (File.Exists(script))
            {
                return script;
            }
        }
        throw new FileNotFoundException("deploy/postgresql/audit-append-only.sql");
    }
}
