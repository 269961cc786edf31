using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Applications;
using NuMeng.Recognition.Data.Batches;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Documents;
using NuMeng.Recognition.Documents.Procedure;
using NuMeng.Recognition.Domain.Applications;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web;
using NuMeng.Recognition.Web.Features.Applications;
using NuMeng.Recognition.Web.Features.Batches;
using NuMeng.Recognition.Web.Features.Documents;
using NuMeng.Recognition.Web.Tests.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Batches;

/// <summary>
///  (ADR 0009): a batch is judged by the rule-set version it names. The department derives version 2 with the
/// smart-factory 装备数控化率 bar at 75 % (二（一）2 says 70 %); a batch on version 1 keeps its verdict and reprints its 申报书
/// with the same verdict and hash; a new batch on version 2 fails 72 %.
/// </summary>
public sealed class RuleSetVersionTests
{
    private const string Staff = "dept.staff";
    private const string Leader = "dept.leader";
    private const string EquipmentFinding = "2024.factory.equipment-nc-rate";
    private static readonly Guid Tech1 = WellKnownIds.For("ruleset:NM-2024-TECH@1");
    private static readonly Guid Sf26 = DemoSeeder.BatchId(2026, 1, RecognitionKind.SmartFactory);

    [Fact]
    public async Task NewVersion_FactoryBarAt75_Version1BatchKeepsVerdictAndFormNewBatchFails72()
    {
        await using var test = await ServiceHost.CreateAsync();
        var onVersion1 = await FreezeFactoryAt72Async(test, Sf26, "七二智能工厂");
        var before = await PrintFormAsync(test, onVersion1);
        Assert.Equal(Outcome.Pass, Equipment(before).Outcome); // 72 % ≥ 70 %

        var v2 = await CreateVersion2Async(test, "75");
        var activated = await test.Create<RuleSetVersionService>(Leader).ActivateAsync(v2, await StampAsync(test, v2), confirmed: true);
        Assert.Equal(OutcomeKind.Done, activated.Kind);

        // The version-1 batch: the same verdict, the same printed content and hash.
        var after = await PrintFormAsync(test, onVersion1);
        Assert.Equal(Outcome.Pass, Equipment(after).Outcome);
        Assert.Equal(JsonSerializer.Serialize(before.Model), JsonSerializer.Serialize(after.Model));
        Assert.Equal(JsonSerializer.Serialize(before.Stamp), JsonSerializer.Serialize(after.Stamp));

        // A new batch on version 2: 72 % fails the 75 % bar, in the live rules and on its 申报书.
        var batches = test.Create<BatchService>(Staff);
        var created = await batches.SaveAsync(null, null, new BatchInput(2027, 1, RecognitionKind.SmartFactory, "2027年第一批智能工厂认定",
            "NM-2024-TECH@2", null, new DateOnly(2027, 3, 1), new DateOnly(2027, 4, 30), null, null, null, ScoreAggregationRule.Mean));
        Assert.Equal(OutcomeKind.Done, created.Kind);
        var onVersion2 = await FreezeFactoryAt72Async(test, created.Id!.Value, "七二智能工厂（新批次）");
        var printed = await PrintFormAsync(test, onVersion2);
        var finding = Equipment(printed);
        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Equal("≥ 75%（含本数）", finding.Required);
        Assert.Equal("NM-2024-TECH@2", ((ApplicationFormModel)printed.Model).RuleSet.Key);
        Assert.Equal("NM-2024-TECH@1", ((ApplicationFormModel)after.Model).RuleSet.Key);

        // Both versions are listed on the rule reference page's service, the new one activated and named by one batch.
        var rows = await test.Create<RuleSetVersionService>(Staff).ListAsync();
        Assert.Contains(rows, r => r.Key == "NM-2024-TECH@1" && r.Active);
        Assert.Contains(rows, r => r.Key == "NM-2024-TECH@2" && r.Active && r.Batches == 1 && r.BasedOnVersion == "1");
    }

    [Fact]
    public async Task CreateDraft_ShowsDifferenceAndIsAudited_DraftNotOfferedToBatches()
    {
        await using var test = await ServiceHost.CreateAsync();

        var id = await CreateVersion2Async(test, "75", notice: "7");

        var comparison = (await test.Create<RuleSetVersionService>(Staff).CompareAsync(id))!;
        Assert.Equal(("NM-2024-TECH@1", "NM-2024-TECH@2"), (comparison.Before.Key, comparison.After.Key));
        Assert.Contains(comparison.Changes, c => c.Label == "智能工厂 · 装备数控化率 · 门槛 · 值" && c.Before == "70" && c.After == "75");
        Assert.Contains(comparison.Changes, c => c.Label == "程序规则 · 公示期长度" && c.Before == "5" && c.After == "7");
        await using var db = test.SystemContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "ruleset.draft" && e.EntityId == id.ToString("D")));
        // A draft is no option for a batch.
        var options = await test.Create<BatchService>(Staff).OptionsAsync();
        Assert.DoesNotContain(options.RuleSets, r => r.Key == "NM-2024-TECH@2");
    }

    [Theory]
    [InlineData("101", "factory.equipmentNcRate", "百分比不能超过 100")]
    [InlineData("abc", "factory.equipmentNcRate", "不是数字")]
    public async Task CreateDraft_BadFigure_RefusedWithChineseMessage(string value, string field, string message)
    {
        await using var test = await ServiceHost.CreateAsync();

        var outcome = await test.Create<RuleSetVersionService>(Staff).CreateDraftAsync(Tech1,
            new RuleSetDraftInput("2", "修订", new DateOnly(2027, 1, 1), new Dictionary<string, string?> { [field] = value }));

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Contains(outcome.Errors, e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal));
        await using var db = test.SystemContext();
        Assert.Equal(2, await db.RuleSetRecords.CountAsync());
    }

    [Fact]
    public async Task CreateDraft_ExistingVersion_Refused()
    {
        await using var test = await ServiceHost.CreateAsync();

        var outcome = await test.Create<RuleSetVersionService>(Staff).CreateDraftAsync(Tech1,
            new RuleSetDraftInput("1", "重复", new DateOnly(2027, 1, 1), new Dictionary<string, string?>()));

        Assert.Equal("规则集 NM-2024-TECH@1 已存在，请使用新的版本号", Assert.Single(outcome.Errors).Message);
    }

    [Theory]
    [InlineData("enterprise")]
    [InlineData("bureau.reviewer")]
    [InlineData("agency")]
    [InlineData("expert")]
    public async Task CreateDraftAndActivate_OtherRole_RefusedAndNothingStored(string user)
    {
        await using var test = await ServiceHost.CreateAsync();
        var service = test.Create<RuleSetVersionService>(user);

        var draft = await service.CreateDraftAsync(Tech1, new RuleSetDraftInput("9", "越权", new DateOnly(2027, 1, 1), new Dictionary<string, string?>()));
        var activate = await service.ActivateAsync(Tech1, Guid.NewGuid(), confirmed: true);

        Assert.Equal(OutcomeKind.Refused, draft.Kind);
        Assert.Equal(OutcomeKind.Refused, activate.Kind);
        await using var db = test.SystemContext();
        Assert.Equal(2, await db.RuleSetRecords.CountAsync());
    }

    [Fact]
    public async Task Activate_StaffOrDrafter_RefusedLeaderWithoutConfirmation_Invalid()
    {
        await using var test = await ServiceHost.CreateAsync();
        var id = await CreateVersion2Async(test, "75");
        var stamp = await StampAsync(test, id);

        var staff = await test.Create<RuleSetVersionService>(Staff).ActivateAsync(id, stamp, confirmed: true);
        var unconfirmed = await test.Create<RuleSetVersionService>(Leader).ActivateAsync(id, stamp, confirmed: false);

        Assert.Equal((OutcomeKind.Refused, RuleSetVersionService.LeaderOnlyMessage), (staff.Kind, staff.Message));
        Assert.Equal("confirm", Assert.Single(unconfirmed.Errors).Field);
        // The leader cannot activate a version the leader drafted (four eyes).
        var own = await test.Create<RuleSetVersionService>(Leader).CreateDraftAsync(Tech1,
            new RuleSetDraftInput("3", "负责人起草", new DateOnly(2027, 1, 1), new Dictionary<string, string?>()));
        var self = await test.Create<RuleSetVersionService>(Leader).ActivateAsync(own.Id!.Value, await StampAsync(test, own.Id!.Value), confirmed: true);
        Assert.Equal((OutcomeKind.Refused, RuleSetVersionService.FourEyesMessage), (self.Kind, self.Message));
    }

    [Fact]
    public async Task Activate_Twice_AlreadyDoneAndAuditedOnce()
    {
        await using var test = await ServiceHost.CreateAsync();
        var id = await CreateVersion2Async(test, "75");
        var leader = test.Create<RuleSetVersionService>(Leader);
        var stamp = await StampAsync(test, id);

        Assert.Equal(OutcomeKind.Done, (await leader.ActivateAsync(id, stamp, true)).Kind);
        Assert.Equal(OutcomeKind.AlreadyDone, (await leader.ActivateAsync(id, stamp, true)).Kind);
        var discard = await leader.DiscardAsync(id, await StampAsync(test, id));

        Assert.Equal(OutcomeKind.Refused, discard.Kind);
        await using var db = test.SystemContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "ruleset.activate" && e.EntityId == id.ToString("D"));
        Assert.Equal(DemoSeeder.UserId(Leader), entry.ActorUserId);
        Assert.NotNull((await db.RuleSetRecords.SingleAsync(r => r.Id == id)).ActivatedAt);
    }

    [Fact]
    public async Task SaveBatch_VersionChangedAfterSubmission_RefusedBeforeAllowed()
    {
        await using var test = await ServiceHost.CreateAsync();
        var id = await CreateVersion2Async(test, "75");
        await test.Create<RuleSetVersionService>(Leader).ActivateAsync(id, await StampAsync(test, id), true);
        var batches = test.Create<BatchService>(Staff);
        // 2026年第一批智能工厂 has A2 submitted under NM-2024-TECH@1.
        var shown = (await batches.LoadAsync(Sf26))!;

        var outcome = await batches.SaveAsync(Sf26, shown.Stamp, shown.Input with { RuleSetKey = "NM-2024-TECH@2" });

        Assert.Equal("ruleSet", Assert.Single(outcome.Errors).Field);
        Assert.Contains("规则集不能再更改", outcome.Errors[0].Message, StringComparison.Ordinal);
        await using var db = test.SystemContext();
        Assert.Equal("1", (await db.Batches.SingleAsync(b => b.Id == Sf26)).RuleSetVersion);
    }

    [Fact]
    public async Task Resolver_TamperedSnapshot_Refused()
    {
        await using var test = await ServiceHost.CreateAsync();
        var id = await CreateVersion2Async(test, "75");
        await using (var db = test.SystemContext())
        {
            // Tampering bypasses the entity (a draft row edited in the database): the hash no longer matches.
            await db.Database.ExecuteSqlRawAsync("UPDATE RuleSetRecords SET PayloadJson = replace(PayloadJson, '75', '50') WHERE Version = '2'");
        }
        await using var check = test.SystemContext();
        var record = await check.RuleSetRecords.AsNoTracking().SingleAsync(r => r.Id == id);

        var error = Assert.Throws<RuleSetUnavailableException>(() => RuleSetResolver.Parse(record));
        Assert.Contains("SHA-256 不符", error.Message, StringComparison.Ordinal);
    }

    private static async Task<Guid> CreateVersion2Async(ServiceHost test, string factoryBar, string? notice = null)
    {
        var figures = new Dictionary<string, string?> { ["factory.equipmentNcRate"] = factoryBar };
        if (notice is not null)
        {
            figures["procedure.noticeLength"] = notice;
        }
        var outcome = await test.Create<RuleSetVersionService>(Staff).CreateDraftAsync(Tech1,
            new RuleSetDraftInput("2", "2024年技术条件（2027年修订）", new DateOnly(2027, 1, 1), figures));
        Assert.True(outcome.Kind == OutcomeKind.Done, outcome.Message + string.Join("；", outcome.Errors));
        return outcome.Id!.Value;
    }

    private static async Task<Guid> StampAsync(ServiceHost test, Guid id)
    {
        await using var db = test.SystemContext();
        return await db.RuleSetRecords.Where(r => r.Id == id).Select(r => r.ConcurrencyStamp).SingleAsync();
    }

    /// <summary>A smart-factory application submitted in <paramref name="batchId"/>: A2's content with 72 of 100 digital machines.</summary>
    private static async Task<Guid> FreezeFactoryAt72Async(ServiceHost test, Guid batchId, string name)
    {
        await using var db = test.SystemContext();
        var a2 = DemoSeeder.ApplicationId("A2");
        var json = await db.ApplicationVersions.Where(v => v.ApplicationId == a2).OrderBy(v => v.Number).Select(v => v.ContentJson).FirstAsync();
        var content = ApplicationContent.Read(json, out _)!;
        content = content with { Technical = content.Technical! with { EquipmentTotal = 100, DigitalEquipment = 72 } };
        var template = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == a2);
        var app = new Application
        {
            EnterpriseId = template.EnterpriseId, BatchId = batchId, Kind = RecognitionKind.SmartFactory,
            WorkshopOrFactoryName = name, LeagueCode = template.LeagueCode, CurrentDraftJson = content.ToJson(), LatestVersionNumber = 1,
            LastSubmittedAt = test.Clock.GetUtcNow(),
        };
        var version = ApplicationVersion.Freeze(app.Id, 1, content.ToJson(), [], test.Clock.GetUtcNow(), DemoSeeder.UserId("enterprise"));
        app.SeedState(ApplicationState.Submitted);
        db.AddRange(app, version);
        await db.SaveChangesAsync();
        return app.Id;
    }

    private static async Task<PrintedDocument> PrintFormAsync(ServiceHost test, Guid applicationId)
    {
        await using var db = test.ContextAs(Staff);
        var loader = new ApplicationDocuments(db, new DocumentOptions(), test.Clock);
        return (await loader.ApplicationFormAsync(applicationId, 1, CancellationToken.None))!;
    }

    private static Finding Equipment(PrintedDocument document) =>
        Assert.Single(((ApplicationFormModel)document.Model).Report!.Requirements.Findings, f => f.Code == EquipmentFinding);
}
