using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Data.Tests.Infrastructure;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Data.Tests.Auditing;

/// <summary>
/// Issue 3: "Every state change is recorded in an append-only audit log whose rows are hash-chained, with a verification
/// routine that detects an edited or deleted row." Tampering is done with raw SQL, as an attacker with database access would.
/// </summary>
public abstract class AuditChainTests(ITestDatabaseProvider databases)
{
    private static readonly CurrentActor Enterprise = DemoActors.For("enterprise");

    [ProviderFact]
    public async Task VerifyChain_UntouchedLog_IsIntact()
    {
        await using var database = await databases.CreateEmptyAsync();
        var log = await AppendAsync(database, 5);

        var report = await log.VerifyChainAsync();

        Assert.True(report.IsIntact, report.Describe());
        Assert.Equal(5, report.EntriesChecked);
        Assert.Equal(5, report.Head!.Sequence);
        Assert.StartsWith("审计日志完整", report.Describe());
    }

    [ProviderFact]
    public async Task Append_RecordsActorAndLinksToPreviousHash()
    {
        await using var database = await databases.CreateEmptyAsync();
        await AppendAsync(database, 2);
        await using var db = database.SystemContext();
        var entries = await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();

        Assert.Equal(AuditHashing.GenesisHash, entries[0].PreviousHash);
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.Equal(Enterprise.DisplayName, entries[1].ActorDisplayName);
        Assert.Equal(Enterprise.OrganisationId, entries[1].ActorOrganisationId);
        Assert.Equal("""{"n":2,"state":"Submitted"}""", entries[1].SummaryJson);
        Assert.Equal(64, entries[1].Hash.Length);
    }

    [ProviderFact]
    public async Task VerifyChain_RowEditedWithRawSql_ReportsEditedAtThatRow()
    {
        await using var database = await databases.CreateEmptyAsync();
        var log = await AppendAsync(database, 5);

        await database.ExecuteSqlAsync("""UPDATE "AuditEntries" SET "SummaryJson" = '{"n":3,"state":"Recognised"}' WHERE "Sequence" = 3""");
        var report = await log.VerifyChainAsync();

        Assert.False(report.IsIntact);
        Assert.Equal(3, report.FirstBreak!.Sequence);
        Assert.Equal(AuditBreakKind.Edited, report.FirstBreak.Kind);
        Assert.Contains("第 3 条记录的内容与其哈希不符", report.Describe());
    }

    [ProviderFact]
    public async Task VerifyChain_RowEditedAndItsHashRecomputed_ReportsBrokenLinkAtNextRow()
    {
        await using var database = await databases.CreateEmptyAsync();
        var log = await AppendAsync(database, 5);
        await using (var db = database.SystemContext())
        {
            var row = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == 2);
            row.ActorDisplayName = "他人";
            var forged = AuditHashing.ComputeHash(row);
            await database.ExecuteSqlAsync(
                $"""UPDATE "AuditEntries" SET "ActorDisplayName" = '他人', "Hash" = '{forged}' WHERE "Sequence" = 2""");
        }

        var report = await log.VerifyChainAsync();

        Assert.Equal(3, report.FirstBreak!.Sequence);
        Assert.Equal(AuditBreakKind.LinkBroken, report.FirstBreak.Kind);
    }

    [ProviderFact]
    public async Task VerifyChain_RowDeletedWithRawSql_ReportsMissingRow()
    {
        await using var database = await databases.CreateEmptyAsync();
        var log = await AppendAsync(database, 5);

        await database.ExecuteSqlAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" = 4""");
        var report = await log.VerifyChainAsync();

        Assert.Equal(4, report.FirstBreak!.Sequence);
        Assert.Equal(AuditBreakKind.Missing, report.FirstBreak.Kind);
        Assert.Equal(3, report.EntriesChecked);
    }

    [ProviderFact]
    public async Task VerifyChain_RowsReordered_ReportsFirstSwappedRow()
    {
        await using var database = await databases.CreateEmptyAsync();
        var log = await AppendAsync(database, 5);

        // Swap rows 2 and 3 by renumbering them.
        await database.ExecuteSqlAsync("""UPDATE "AuditEntries" SET "Sequence" = 100 WHERE "Sequence" = 2""");
        await database.ExecuteSqlAsync("""UPDATE "AuditEntries" SET "Sequence" = 2 WHERE "Sequence" = 3""");
        await database.ExecuteSqlAsync("""UPDATE "AuditEntries" SET "Sequence" = 3 WHERE "Sequence" = 100""");
        var report = await log.VerifyChainAsync();

        Assert.False(report.IsIntact);
        Assert.Equal(2, report.FirstBreak!.Sequence);
    }

    [ProviderFact]
    public async Task VerifyChain_TailDeletedButAnchorRecorded_ReportsAnchorMismatch()
    {
        await using var database = await databases.CreateEmptyAsync();
        var log = await AppendAsync(database, 5);
        var anchor = await log.GetHeadAsync();

        await database.ExecuteSqlAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" = 5""");
        var withoutAnchor = await log.VerifyChainAsync();
        var withAnchor = await log.VerifyChainAsync(anchor);

        // A chain alone cannot see that its last rows are gone; the anchor recorded elsewhere can.
        Assert.True(withoutAnchor.IsIntact);
        Assert.Equal(AuditBreakKind.AnchorMismatch, withAnchor.FirstBreak!.Kind);
    }

    [ProviderFact]
    public async Task Append_ConcurrentWritersInOneProcess_ChainStaysLinear()
    {
        await using var database = await databases.CreateEmptyAsync();
        var log = database.AuditLog();
        var lockShared = database.Services.GetRequiredService<AuditAppendLock>();

        await Task.WhenAll(Enumerable.Range(1, 20).Select(async i =>
        {
            await using var scope = database.Services.CreateAsyncScope();
            var scoped = scope.ServiceProvider.GetRequiredService<IAuditLog>();
            await scoped.AppendAsync(new AuditEvent("test.concurrent", "Test", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }));
        var report = await log.VerifyChainAsync();

        Assert.NotNull(lockShared);
        Assert.True(report.IsIntact, report.Describe());
        Assert.Equal(20, report.EntriesChecked);
    }

    [ProviderFact]
    public async Task Append_TwoInstancesWithSeparateLocks_KeyCollisionRetriesAndChainStaysLinear()
    {
        // Two application instances do not share the in-process lock: the primary key on Sequence makes the loser of a
        // race fail and retry (IAuditLog remarks).
        await using var database = await databases.CreateEmptyAsync();
        await using var other = TestDatabase.BuildServices(database.Provider, database.ConnectionString);

        var first = database.AuditLog();
        await Task.WhenAll(Enumerable.Range(1, 24).Select(async i =>
        {
            var services = i % 2 == 0 ? database.Services : other;
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IAuditLog>()
                .AppendAsync(new AuditEvent("test.instances", "Test", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }));
        var report = await first.VerifyChainAsync();

        Assert.True(report.IsIntact, report.Describe());
        Assert.Equal(24, report.EntriesChecked);
    }

    [ProviderFact]
    public async Task Append_WithBusinessChange_CommitsBothTogether()
    {
        await using var database = await databases.CreateSeededAsync();
        var log = database.AuditLog();
        await using var db = database.SystemContext();
        var application = await db.Applications.FirstAsync(a => a.State == ApplicationState.Submitted);
        var before = await db.AuditEntries.CountAsync();

        application.State = ApplicationState.Returned;
        var entry = await log.AppendAsync(db, new AuditEvent("application.return", "Application", application.Id.ToString("D"), new { to = "Returned" }));

        await using var check = database.SystemContext();
        Assert.Equal(ApplicationState.Returned, (await check.Applications.SingleAsync(a => a.Id == application.Id)).State);
        Assert.Equal(before + 1, await check.AuditEntries.CountAsync());
        Assert.Equal(entry.Hash, (await check.AuditEntries.SingleAsync(e => e.Sequence == entry.Sequence)).Hash);
        Assert.True((await log.VerifyChainAsync()).IsIntact);
    }

    private static async Task<IAuditLog> AppendAsync(TestDatabase database, int count)
    {
        var log = database.AuditLog();
        for (var i = 1; i <= count; i++)
        {
            await using var db = database.Context(Enterprise);
            await log.AppendAsync(db, new AuditEvent("application.submit", "Application", Guid.NewGuid().ToString("D"),
                new { state = "Submitted", n = i }));
        }
        return log;
    }
}

public sealed class SqliteAuditChainTests() : AuditChainTests(SqliteDatabases.Instance);

[RequiresPostgres]
[Collection(PostgresServer.CollectionName)]
public sealed class PostgresAuditChainTests(PostgresServer server) : AuditChainTests(PostgresDatabases.For(server));
