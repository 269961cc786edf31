using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Hashing;
using NuMeng.Recognition.Data.Reference;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tests.Infrastructure;
using NuMeng.Recognition.Domain.RuleSets;
using NuMeng.Recognition.Domain.Technical;
using NuMeng.Recognition.Domain.Tiers;

namespace NuMeng.Recognition.Data.Tests.Reference;

/// <summary>
/// ADR 0009: every rule-set version is an immutable snapshot (canonical JSON + SHA-256); the code's built-in versions are
/// the first snapshots; an activated version — the only kind a batch may name — is never changed nor deleted.
/// </summary>
public abstract class RuleSetSnapshotTests(ITestDatabaseProvider databases)
{
    [ProviderFact]
    public async Task Seed_BuiltInVersions_StoredActiveWithCanonicalJsonAndHash()
    {
        await using var database = await databases.CreateSeededAsync();
        await using var db = database.SystemContext();

        var records = await db.RuleSetRecords.AsNoTracking().ToListAsync();

        var tech = Assert.Single(records, r => r.Code == TechnicalConditions2024.Code && r.Version == "1");
        var tier = Assert.Single(records, r => r.Code == TierConditions2025.RuleSetCode && r.Version == "1");
        Assert.Equal(RuleSetFamily.Technical, tech.Family);
        Assert.Equal(RuleSetFamily.Tiers, tier.Family);
        Assert.NotNull(tech.ActivatedAt);
        Assert.Equal(CanonicalJson.Canonicalize(RuleSetJson.Serialize(TechnicalConditions2024.Create())), tech.PayloadJson);
        Assert.Equal(Sha256Hex.Of(tech.PayloadJson), tech.PayloadSha256);
        Assert.True(tier.HashMatches());
        Assert.Equal(70m, RuleSetJson.ReadTechnical(tech.PayloadJson).Factory.EquipmentNcRate.Threshold.Value);
    }

    [ProviderFact]
    public async Task Seed_RunTwice_KeepsTheStoredSnapshot()
    {
        await using var database = await databases.CreateSeededAsync();
        string before;
        await using (var db = database.SystemContext())
        {
            before = (await db.RuleSetRecords.SingleAsync(r => r.Code == TechnicalConditions2024.Code && r.Version == "1")).PayloadSha256;
            await ReferenceDataSeeder.SeedRuleSetsAsync(db);
            await db.SaveChangesAsync();
        }

        await using var check = database.SystemContext();
        Assert.Equal(2, await check.RuleSetRecords.CountAsync());
        Assert.Equal(before, (await check.RuleSetRecords.SingleAsync(r => r.Code == TechnicalConditions2024.Code && r.Version == "1")).PayloadSha256);
    }

    [ProviderFact]
    public async Task SaveChanges_ModifyOrDeleteActivatedVersion_IsRefused()
    {
        await using var database = await databases.CreateSeededAsync();
        await using (var db = database.SystemContext())
        {
            var record = await db.RuleSetRecords.SingleAsync(r => r.Code == TechnicalConditions2024.Code && r.Version == "1");
            record.SetPayload(RuleSetJson.Serialize(TechnicalConditions2024.Create() with { Kpi = Domain.Kpi.KpiSettings.Default with { ResultDecimals = 3 } }));
            await Assert.ThrowsAsync<ImmutableRowException>(() => db.SaveChangesAsync());
        }
        await using (var db = database.SystemContext())
        {
            db.RuleSetRecords.Remove(await db.RuleSetRecords.SingleAsync(r => r.Code == TechnicalConditions2024.Code && r.Version == "1"));
            await Assert.ThrowsAsync<ImmutableRowException>(() => db.SaveChangesAsync());
        }

        await using var check = database.SystemContext();
        Assert.True((await check.RuleSetRecords.SingleAsync(r => r.Code == TechnicalConditions2024.Code && r.Version == "1")).HashMatches());
    }

    [ProviderFact]
    public async Task SaveChanges_Draft_EditableUntilActivatedThenLocked()
    {
        await using var database = await databases.CreateSeededAsync();
        var draft = new RuleSetRecord
        {
            Code = TechnicalConditions2024.Code, Version = "2", Name = "草稿", SourceDocument = "测试", Family = RuleSetFamily.Technical,
            EffectiveDate = new DateOnly(2026, 1, 1), BasedOnVersion = "1",
        };
        draft.SetPayload(RuleSetJson.Serialize(TechnicalConditions2024.Create()));
        await using (var db = database.SystemContext())
        {
            db.RuleSetRecords.Add(draft);
            await db.SaveChangesAsync();
        }
        await using (var db = database.SystemContext())
        {
            var stored = await db.RuleSetRecords.SingleAsync(r => r.Id == draft.Id);
            stored.Name = "草稿（改名）";
            stored.ActivatedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(); // a draft may change, and activating it is its last change
        }
        await using (var db = database.SystemContext())
        {
            var stored = await db.RuleSetRecords.SingleAsync(r => r.Id == draft.Id);
            stored.Name = "启用后改名";
            await Assert.ThrowsAsync<ImmutableRowException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public void HashMatches_TamperedPayload_False()
    {
        var record = new RuleSetRecord();
        record.SetPayload("""{ "b": 1.50, "a": "装备" }""");

        Assert.Equal("""{"a":"装备","b":1.5}""", record.PayloadJson);
        Assert.True(record.HashMatches());
        record.PayloadJson = record.PayloadJson.Replace("1.5", "1.6", StringComparison.Ordinal);
        Assert.False(record.HashMatches());
    }
}

public sealed class SqliteRuleSetSnapshotTests() : RuleSetSnapshotTests(SqliteDatabases.Instance);

[RequiresPostgres]
[Collection(PostgresServer.CollectionName)]
public sealed class PostgresRuleSetSnapshotTests(PostgresServer server) : RuleSetSnapshotTests(PostgresDatabases.For(server));
