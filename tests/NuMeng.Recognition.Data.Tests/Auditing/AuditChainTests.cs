using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Data.Tests.Infrastructure;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Data.Tests.Auditing;

/// <summary>
/// "Every state change is recorded in an append-only audit log whose rows are hash-chained, with a verification
/// routine that detects an edited or deleted row." the chain is keyed (HMAC, key outside the database) and
/// anchored by signed checkpoints outside it. Tampering is done with raw SQL, as an attacker with database access would.
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

    // The six tampering cases of a database administrator: edit, delete, reorder, truncate the tail, and
    // recompute the tail without the MAC key (caught by the MAC) or with it (caught by the checkpoint outside the database).

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
        Assert.Contains("第 3 条记录的内容与其密钥校验码（HMAC）不符", report.Describe());
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
        Assert.Contains("第 4 条记录缺失", report.Describe());
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
    public async Task VerifyChain_TailTruncatedAfterCheckpoint_ReportsTheMissingRange()
    {
        await using var database = await databases.CreateEmptyAsync();
        var log = await AppendAsync(database, 5);
        var checkpoint = (await log.CheckpointAsync()).Written;

        await database.ExecuteSqlAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" >= 4""");
        var report = await log.VerifyChainAsync();

        // The remaining rows 1–3 chain perfectly: only the checkpoint outside the database knows there were 5.
        Assert.Equal(5, checkpoint!.Sequence);
        Assert.False(report.IsIntact);
        Assert.Equal(AuditBreakKind.AnchorMismatch, report.FirstBreak!.Kind);
        Assert.Equal((4L, 5L), (report.FirstBreak.Sequence, report.FirstBreak.ToSequence!.Value));
        Assert.Contains("第 4 至 5 条记录缺失", report.Describe());
    }

    [ProviderFact]
    public async Task VerifyChain_TailRecomputedWithoutTheMacKey_ReportsEditedAtFirstRewrittenRow()
    {
        // The attacker edits row 3 and recomputes rows 3–5 with everything public: the old SHA-256 scheme, or a key of their own.
        await using var database = await databases.CreateEmptyAsync();
        var log = await AppendAsync(database, 5);
        using var attackerKey = new AuditKeys(global::NuMeng.Recognition.Data.Keys.PortalCertificate.Generate());

        await RewriteTailAsync(database, from: 3, e => AuditHashing.ComputeHash(e));
        var withSha = await log.VerifyChainAsync();
        await RewriteTailAsync(database, from: 3, e => AuditHashing.ComputeMac(e, attackerKey));
        var withOwnKey = await log.VerifyChainAsync();

        foreach (var report in new[] { withSha, withOwnKey })
        {
            Assert.False(report.IsIntact);
            Assert.Equal(AuditBreakKind.Edited, report.FirstBreak!.Kind);
            Assert.Equal(3, report.FirstBreak.Sequence);
        }
    }

    [ProviderFact]
    public async Task VerifyChain_TailRecomputedWithTheMacKey_ReportsTheRangeSinceTheLastMatchingCheckpoint()
    {
        // Worst case: the attacker also holds the MAC key. The chain is then self-consistent; the signed checkpoints are not.
        await using var database = await databases.CreateEmptyAsync();
        var log = await AppendAsync(database, 2);
        await log.CheckpointAsync();
        await AppendAsync(database, 3);
        await log.CheckpointAsync();
        var keys = database.Services.GetRequiredService<AuditKeys>();

        await RewriteTailAsync(database, from: 4, e => AuditHashing.ComputeMac(e, keys));
        var report = await log.VerifyChainAsync();
        var withoutCheckpoints = await log.VerifyChainAsync(AuditAnchorSet.Empty);

        Assert.True(withoutCheckpoints.IsIntact, "the MAC alone cannot see a rewrite by the key's holder");
        Assert.False(report.IsIntact);
        Assert.Equal(AuditBreakKind.AnchorMismatch, report.FirstBreak!.Kind);
        Assert.Equal((3L, 5L), (report.FirstBreak.Sequence, report.FirstBreak.ToSequence!.Value));
        Assert.Contains("第 3 至 5 条之间的记录与外部检查点不符", report.Describe());
    }

    [ProviderFact]
    public async Task Checkpoint_BrokenChain_IsNotAnchored()
    {
        await using var database = await databases.CreateEmptyAsync();
        var log = await AppendAsync(database, 3);
        await database.ExecuteSqlAsync("""UPDATE "AuditEntries" SET "ActorDisplayName" = '他人' WHERE "Sequence" = 2""");

        var outcome = await log.CheckpointAsync();

        Assert.Null(outcome.Written);
        Assert.False(outcome.Report.IsIntact);
        Assert.Null((await database.Services.GetRequiredService<AuditIntegrity>().ReadAnchorsAsync()).Latest);
    }

    [ProviderFact]
    public async Task VerifyChain_CheckpointLineEdited_ReportsTheInvalidLine()
    {
        await using var database = await databases.CreateEmptyAsync();
        var log = await AppendAsync(database, 3);
        await log.CheckpointAsync();
        var file = Path.Combine(database.AnchorDirectory, FileAuditAnchorStore.FileName);

        // Moving the checkpoint back to sequence 2 (to hide a truncation) breaks its signature.
        var line = (await File.ReadAllLinesAsync(file)).Single().Split('\t');
        line[1] = "2";
        await File.WriteAllLinesAsync(file, [string.Join('\t', line)]);
        var report = await log.VerifyChainAsync();

        Assert.Equal(AuditBreakKind.AnchorInvalid, report.FirstBreak!.Kind);
        Assert.Contains("检查点文件第 1 行的签名无效", report.Describe());
    }

    [ProviderFact]
    public async Task Checkpoint_LegacyV1Prefix_IsSealedAndAV1RewriteAfterTheSealIsRefused()
    {
        // A database from before the keyed format holds v1 rows (plain SHA-256). The first checkpoint seals them; afterwards a row
        // recomputed with SHA-256 is an edit, even beyond the sealed prefix.
        await using var database = await databases.CreateEmptyAsync();
        var log = await AppendAsync(database, 4);
        await RewriteTailAsync(database, from: 1, e => AuditHashing.ComputeHash(e), sequences: 2);
        await RewriteTailAsync(database, from: 3, e => AuditHashing.ComputeMac(e, database.Services.GetRequiredService<AuditKeys>()));

        var sealedBy = (await log.CheckpointAsync()).Written;
        var afterSeal = await log.VerifyChainAsync();
        await RewriteTailAsync(database, from: 3, e => AuditHashing.ComputeHash(e));
        var v1Rewrite = await log.VerifyChainAsync();

        Assert.Equal(2, sealedBy!.LegacyThrough);
        Assert.True(afterSeal.IsIntact, afterSeal.Describe());
        Assert.Equal(2, afterSeal.LegacyEntries);
        Assert.Equal((AuditBreakKind.Edited, 3L), (v1Rewrite.FirstBreak!.Kind, v1Rewrite.FirstBreak.Sequence));
    }

    [ProviderFact]
    public async Task CheckpointService_HeadPastCheckpointEvery_WritesACheckpointWithoutWaitingForTheInterval()
    {
        await using var database = await databases.CreateEmptyAsync();
        database.Services.GetRequiredService<AuditOptions>().CheckpointEvery = 3;
        var service = database.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<AuditCheckpointService>().Single();
        var integrity = database.Services.GetRequiredService<AuditIntegrity>();
        await service.StartAsync(CancellationToken.None);
        try
        {
            // The service's first round at start-up finds an empty log.
            await Until(() => Task.FromResult(integrity.LastCheckpointed == 0));
            await AppendAsync(database, 2);
            await Task.Delay(300);
            var afterTwo = (await integrity.ReadAnchorsAsync()).Latest;
            await AppendAsync(database, 1);
            var afterThree = await Until(async () => (await integrity.ReadAnchorsAsync()).Latest?.Sequence == 3);

            Assert.Null(afterTwo);
            Assert.True(afterThree, "no checkpoint at sequence 3 within 10 s");
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
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

        application.Apply(ApplicationWorkflow.Decide(application.State, ApplicationAction.ReturnForRevision, [ActorRole.BureauReviewer]));
        var entry = await log.AppendAsync(db, new AuditEvent("application.return", "Application", application.Id.ToString("D"), new { to = "Returned" }));

        await using var check = database.SystemContext();
        Assert.Equal(ApplicationState.Returned, (await check.Applications.SingleAsync(a => a.Id == application.Id)).State);
        Assert.Equal(before + 1, await check.AuditEntries.CountAsync());
        Assert.Equal(entry.Hash, (await check.AuditEntries.SingleAsync(e => e.Sequence == entry.Sequence)).Hash);
        Assert.True((await log.VerifyChainAsync()).IsIntact);
    }

    private static async Task<bool> Until(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>As an attacker with write access would: edit row <paramref name="from"/> and reseal it and every later row.</summary>
    private static async Task RewriteTailAsync(TestDatabase database, long from, Func<AuditEntry, string> seal, int? sequences = null)
    {
        await using var db = database.SystemContext();
        var rows = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= from - 1).OrderBy(e => e.Sequence).ToListAsync();
        var previous = rows[0].Sequence == from ? AuditHashing.GenesisHash : rows[0].Hash;
        foreach (var row in rows.Where(r => r.Sequence >= from).Take(sequences ?? int.MaxValue))
        {
            row.PreviousHash = previous;
            if (row.Sequence == from)
            {
                row.ActorDisplayName = "他人";
            }
            row.Hash = seal(row);
            await database.ExecuteSqlAsync(
                $"""UPDATE "AuditEntries" SET "ActorDisplayName" = '{row.ActorDisplayName}', "PreviousHash" = '{row.PreviousHash}', "Hash" = '{row.Hash}' WHERE "Sequence" = {row.Sequence}""");
            previous = row.Hash;
        }
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
