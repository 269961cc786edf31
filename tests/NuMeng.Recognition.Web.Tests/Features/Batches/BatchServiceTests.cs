using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Batches;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Reference;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Web.Features.Batches;
using NuMeng.Recognition.Web.Tests.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Batches;

/// <summary>
/// 申报批次 on the demo database: create (draft), open and close, the rule set fixed once applications are submitted,
/// entrusting the agency, concurrent edits, and the Chinese messages of bad input.
/// </summary>
public sealed class BatchServiceTests
{
    private const string Staff = "dept.staff";
    private const string Tech = "NM-2024-TECH@1";
    private const string Tier = "NM-2025-TIER@1";
    private const string Scenes = "NM-2025-SCENES@2025-provisional";

    private static BatchInput Valid(RecognitionKind kind = RecognitionKind.TierBasic, int year = 2027, int round = 1) => new(
        year, round, kind, $"{year}年第一批{RecognitionKinds.Label(kind)}认定", RecognitionKinds.IsTier(kind) ? Tier : Tech,
        RecognitionKinds.IsTier(kind) ? Scenes : null, new DateOnly(year, 3, 1), new DateOnly(year, 4, 30), new DateOnly(year, 5, 31),
        new DateOnly(year, 7, 31), 5, ScoreAggregationRule.TrimmedMeanFromFive);

    [Fact]
    public async Task SaveAsync_NewTierBatch_DraftSavedAndAudited()
    {
        await using var test = await ServiceHost.CreateAsync();

        var outcome = await test.Create<BatchService>(Staff).SaveAsync(null, null, Valid());

        Assert.Equal(DepartmentOutcomeKind.Done, outcome.Kind);
        await using var db = test.SystemContext();
        var batch = await db.Batches.SingleAsync(b => b.Id == outcome.Id);
        Assert.Equal((BatchState.Draft, "NM-2025-TIER", "1", "NM-2025-SCENES", "2025-provisional", 5),
            (batch.State, batch.RuleSetCode, batch.RuleSetVersion, batch.SceneCatalogueCode, batch.SceneCatalogueVersion, batch.PerLeagueCap));
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "batch.create" && e.EntityId == batch.Id.ToString("D"));
        Assert.Equal(DemoSeeder.UserId(Staff), entry.ActorUserId);
    }

    public static TheoryData<BatchInput, string, string> BadInputs => new()
    {
        // 申报截止日期不能早于开始日期 (close ≥ open; the same day is allowed).
        { Valid() with { ClosesOn = new DateOnly(2027, 2, 28) }, "closesOn", "申报截止日期不能早于开始日期（2027年3月1日）" },
        { Valid() with { BureauReviewDeadline = new DateOnly(2027, 4, 29) }, "bureauDeadline", "盟市初审截止日期不能早于申报截止日期（2027年4月30日）" },
        { Valid() with { ExpertReviewDeadline = new DateOnly(2027, 5, 30) }, "expertDeadline", "专家评审截止日期不能早于盟市初审截止日期（2027年5月31日）" },
        { Valid() with { SceneCatalogueKey = null }, "sceneCatalogue", "梯度培育批次须选择典型场景目录版本" },
        { Valid(RecognitionKind.DigitalWorkshop) with { SceneCatalogueKey = Scenes }, "sceneCatalogue", "数字化车间按2024年技术条件认定，不使用场景目录，请留空" },
        { Valid(RecognitionKind.DigitalWorkshop) with { RuleSetKey = Tier }, "ruleSet", "规则集“NM-2025-TIER@1”不适用于数字化车间，请从列表中选择" },
        { Valid() with { SceneCatalogueKey = "NM-2025-SCENES@9" }, "sceneCatalogue", "场景目录“NM-2025-SCENES@9”不存在或尚未启用，只能选择已启用的版本" },
        { Valid() with { PerLeagueCap = 0 }, "perLeagueCap", "每个盟市推荐名额至少为 1（不限名额请留空），收到 0" },
        { Valid() with { Title = " " }, "title", "请填写批次名称" },
        { Valid() with { Round = 5 }, "round", "批次应为 1 至 4（认定原则上每年组织一至两次），收到 5" },
        // The demo already has 2026年第一批数字化车间.
        { Valid(RecognitionKind.DigitalWorkshop, 2026), "round", "2026年第一批数字化车间批次已存在" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task SaveAsync_BadInput_RefusedWithMessageOnField(BatchInput input, string field, string message)
    {
        await using var test = await ServiceHost.CreateAsync();
        await using var before = test.SystemContext();
        var count = await before.Batches.CountAsync();

        var outcome = await test.Create<BatchService>(Staff).SaveAsync(null, null, input);

        Assert.Equal(DepartmentOutcomeKind.Invalid, outcome.Kind);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal((field, message), (error.Field, error.Message));
        await using var db = test.SystemContext();
        Assert.Equal(count, await db.Batches.CountAsync());
    }

    [Fact]
    public async Task SaveAsync_CloseOnOpenDay_Accepted()
    {
        await using var test = await ServiceHost.CreateAsync();

        var outcome = await test.Create<BatchService>(Staff).SaveAsync(null, null, Valid() with { ClosesOn = new DateOnly(2027, 3, 1), BureauReviewDeadline = null, ExpertReviewDeadline = null });

        Assert.Equal(DepartmentOutcomeKind.Done, outcome.Kind);
    }

    [Fact]
    public async Task OpenAndClose_DraftBatch_DraftOpenClosedEachAudited()
    {
        await using var test = await ServiceHost.CreateAsync();
        var service = test.Create<BatchService>(Staff);
        var id = (await service.SaveAsync(null, null, Valid())).Id!.Value;

        Assert.Equal(DepartmentOutcomeKind.Done, (await service.OpenAsync(id, (await service.LoadAsync(id))!.Stamp)).Kind);
        Assert.Equal(BatchState.Open, (await service.LoadAsync(id))!.State);
        // A second click changes nothing.
        Assert.Equal(DepartmentOutcomeKind.AlreadyDone, (await service.OpenAsync(id, (await service.LoadAsync(id))!.Stamp)).Kind);
        Assert.Equal(DepartmentOutcomeKind.Done, (await service.CloseAsync(id, (await service.LoadAsync(id))!.Stamp)).Kind);
        Assert.Equal(BatchState.Closed, (await service.LoadAsync(id))!.State);
        // 已截止 is final: it cannot be opened again.
        var reopen = await service.OpenAsync(id, (await service.LoadAsync(id))!.Stamp);
        Assert.Equal((DepartmentOutcomeKind.Refused, "本批次当前为“已截止”，只有“草稿”的批次可以改为“申报中”"), (reopen.Kind, reopen.Message));

        await using var db = test.SystemContext();
        var actions = await db.AuditEntries.Where(e => e.EntityId == id.ToString("D")).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        Assert.Equal(["batch.create", "batch.open", "batch.close"], actions);
    }

    [Fact]
    public async Task SaveAsync_StaleStamp_ConcurrentEditDetectedAndNothingOverwritten()
    {
        await using var test = await ServiceHost.CreateAsync();
        var first = test.Create<BatchService>(Staff);
        var second = test.Create<BatchService>("dept.leader");
        var id = (await first.SaveAsync(null, null, Valid())).Id!.Value;
        var shown = (await first.LoadAsync(id))!;

        // Two department users opened the same form; the leader saves first.
        Assert.Equal(DepartmentOutcomeKind.Done, (await second.SaveAsync(id, shown.Stamp, shown.Input with { Title = "领导改的名称" })).Kind);
        var late = await first.SaveAsync(id, shown.Stamp, shown.Input with { Title = "经办人改的名称" });

        Assert.Equal((DepartmentOutcomeKind.Conflict, ConcurrencyConflict.Message), (late.Kind, late.Message));
        Assert.Equal("领导改的名称", (await first.LoadAsync(id))!.Input.Title);
        Assert.Equal(DepartmentOutcomeKind.Conflict, (await first.OpenAsync(id, shown.Stamp)).Kind);
    }

    [Fact]
    public async Task SaveAsync_RuleSetChangedAfterSubmissions_RefusedWithReason()
    {
        await using var test = await ServiceHost.CreateAsync();
        await using (var arrange = test.SystemContext())
        {
            var v2 = new RuleSetRecord
            {
                Code = "NM-2024-TECH", Version = "2", Name = "技术条件（修订）", SourceDocument = "测试", EffectiveDate = new DateOnly(2027, 1, 1),
                Family = Domain.RuleSets.RuleSetFamily.Technical, BasedOnVersion = "1", ActivatedAt = test.Clock.GetUtcNow(),
            };
            v2.SetPayload(Domain.RuleSets.RuleSetJson.Serialize(Domain.Technical.TechnicalConditions2024.Create()));
            arrange.RuleSetRecords.Add(v2);
            await arrange.SaveChangesAsync();
        }
        var service = test.Create<BatchService>(Staff);
        // 2026年第一批数字化车间: A3 was submitted (and returned) in it, judged by NM-2024-TECH@1.
        var demo = DemoSeeder.BatchId(2026, 1, RecognitionKind.DigitalWorkshop);
        var shown = (await service.LoadAsync(demo))!;
        Assert.True(shown.VersionsLocked);

        var outcome = await service.SaveAsync(demo, shown.Stamp, shown.Input with { RuleSetKey = "NM-2024-TECH@2" });

        Assert.Equal(DepartmentOutcomeKind.Invalid, outcome.Kind);
        Assert.Equal("ruleSet", Assert.Single(outcome.Errors).Field);
        Assert.Matches(@"^本批次已有 \d+ 件申报提交，已按规则集 NM-2024-TECH@1 评价，规则集不能再更改$", outcome.Errors[0].Message);
        // Other settings still change, and a batch without submissions may take the new version.
        Assert.Equal(DepartmentOutcomeKind.Done, (await service.SaveAsync(demo, shown.Stamp, shown.Input with { PerLeagueCap = 6 })).Kind);
        var fresh = (await service.SaveAsync(null, null, Valid(RecognitionKind.DigitalWorkshop))).Id!.Value;
        var draft = (await service.LoadAsync(fresh))!;
        Assert.Equal(DepartmentOutcomeKind.Done, (await service.SaveAsync(fresh, draft.Stamp, draft.Input with { RuleSetKey = "NM-2024-TECH@2" })).Kind);
    }

    [Fact]
    public async Task EntrustAsync_Agency_RecordedNotifiedAndAudited()
    {
        await using var test = await ServiceHost.CreateAsync();
        var service = test.Create<BatchService>(Staff);
        var id = (await service.SaveAsync(null, null, Valid())).Id!.Value;

        var outcome = await service.EntrustAsync(id, (await service.LoadAsync(id))!.Stamp, DemoSeeder.Agency);

        Assert.Equal(DepartmentOutcomeKind.Done, outcome.Kind);
        await using var db = test.SystemContext();
        var batch = await db.Batches.SingleAsync(b => b.Id == id);
        Assert.Equal((DemoSeeder.Agency, test.Clock.GetUtcNow()), (batch.EntrustedAgencyId!.Value, batch.EntrustedAt!.Value));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "batch.entrust" && e.EntityId == id.ToString("D")));
        // Notifications are read through their user's own filter.
        await using var agency = test.ContextAs("agency");
        Assert.True(await agency.Notifications.AnyAsync(n => n.Text.Contains("已委托贵机构组织“2027年第一批基础级智能工厂认定”的专家评审")));
        Assert.Equal(DepartmentOutcomeKind.AlreadyDone, (await service.EntrustAsync(id, batch.ConcurrencyStamp, DemoSeeder.Agency)).Kind);
    }

    [Fact]
    public async Task EntrustAsync_EnterpriseInsteadOfAgency_Refused()
    {
        await using var test = await ServiceHost.CreateAsync();
        var service = test.Create<BatchService>(Staff);
        var id = (await service.SaveAsync(null, null, Valid())).Id!.Value;

        var outcome = await service.EntrustAsync(id, (await service.LoadAsync(id))!.Stamp, DemoSeeder.Enterprise(1));

        Assert.Equal(("agency", "请选择一家第三方机构"), (outcome.Errors[0].Field, outcome.Errors[0].Message));
    }

    [Theory]
    [InlineData("bureau.leader")]
    [InlineData("enterprise")]
    [InlineData("agency")]
    public async Task Actions_NotDepartment_Refused(string user)
    {
        await using var test = await ServiceHost.CreateAsync();
        var service = test.Create<BatchService>(user);
        var demo = DemoSeeder.BatchId(2026, 1, RecognitionKind.DigitalWorkshop);
        await using var db = test.SystemContext();
        var stamp = (await db.Batches.SingleAsync(b => b.Id == demo)).ConcurrencyStamp;

        var outcomes = new[]
        {
            await service.SaveAsync(null, null, Valid()),
            await service.CloseAsync(demo, stamp),
            await service.EntrustAsync(demo, stamp, DemoSeeder.Agency),
        };

        Assert.All(outcomes, o => Assert.Equal((DepartmentOutcomeKind.Refused, DepartmentActorMessage), (o.Kind, o.Message)));
        Assert.Equal(BatchState.Open, (await db.Batches.AsNoTracking().SingleAsync(b => b.Id == demo)).State);
    }

    private const string DepartmentActorMessage = "只有自治区工业和信息化厅的经办人和负责人可以办理此项业务";
}
