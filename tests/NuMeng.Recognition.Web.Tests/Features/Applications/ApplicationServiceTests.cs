using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data.Applications;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Applications;
using NuMeng.Recognition.Domain.Kpi;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.RuleSets;
using NuMeng.Recognition.Domain.Technical;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Features.Applications;
using NuMeng.Recognition.Web.Infrastructure;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Applications;

/// <summary>The enterprise's application services on a real SQLite database with the demo seeded.</summary>
public sealed class ApplicationServiceTests : IAsyncLifetime
{
    private static readonly Guid Dw2026 = DemoSeeder.BatchId(2026, 1, RecognitionKind.DigitalWorkshop);

    private ServiceHost _host = null!;

    public async Task InitializeAsync() => _host = await ServiceHost.CreateAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Start_OpenBatch_CreatesADraftPrefilledFromTheOrganisationAndAudited()
    {
        var started = await _host.As<ApplicationDrafts>("enterprise").StartAsync(Dw2026, "  奶粉包装数字化车间 ");

        Assert.True(started.Succeeded, started.Error);
        Assert.False(started.Value!.AlreadyExisted);
        await using var db = _host.SystemContext();
        var app = await db.Applications.SingleAsync(a => a.Id == started.Value.Id);
        Assert.Equal(ApplicationState.Draft, app.State);
        Assert.Equal("奶粉包装数字化车间", app.WorkshopOrFactoryName);
        Assert.Equal(RecognitionKind.DigitalWorkshop, app.Kind);
        Assert.Equal("1501", app.LeagueCode);
        var content = ApplicationContent.Read(app.CurrentDraftJson, out _)!;
        Assert.Equal(DemoSeeder.CreditCodeOf(1), content.Enterprise!.CreditCode);
        Assert.Equal("奶粉包装数字化车间", content.Project!.Name);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "application.start" && e.EntityId == app.Id.ToString()));
    }

    [Fact]
    public async Task Start_SameBatchAndNameTwice_ReturnsTheFirst()
    {
        var drafts = _host.As<ApplicationDrafts>("enterprise");
        var first = await drafts.StartAsync(Dw2026, "奶粉包装数字化车间");
        var second = await drafts.StartAsync(Dw2026, "奶粉包装数字化车间");

        Assert.Equal(first.Value!.Id, second.Value!.Id);
        Assert.True(second.Value.AlreadyExisted);
    }

    [Theory]
    [InlineData("enterprise", 2025, "奶粉车间", "不在申报期内")]          // 2025 第一批 is closed
    [InlineData("bureau.reviewer", 2026, "奶粉车间", "仅企业申报人")]     // a bureau never applies
    [InlineData("enterprise", 2026, "", null)]                           // a name is required
    public async Task Start_NotAllowed_RefusedInChinese(string user, int year, string name, string? message)
    {
        var result = await _host.As<ApplicationDrafts>(user).StartAsync(DemoSeeder.BatchId(year, 1, RecognitionKind.DigitalWorkshop), name);

        Assert.False(result.Succeeded);
        if (message is null)
        {
            Assert.Equal("project.name", Assert.Single(result.Problems).Field);
        }
        else
        {
            Assert.Contains(message, result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OpenBatches_Today_ListsTheSixOpen2026Batches()
    {
        var batches = await _host.As<ApplicationDrafts>("enterprise").OpenBatchesAsync();

        Assert.Equal(6, batches.Count);
        Assert.All(batches, b => Assert.Equal(new DateOnly(2026, 12, 31), b.ClosesOn));
        Assert.Contains(batches, b => b.KindLabel == "数字化车间");
    }

    [Fact]
    public async Task Save_WithTheStampSeen_SavesAndLoadRestoresEverything()
    {
        var (id, draft) = await StartAsync();
        var drafts = _host.As<ApplicationDrafts>("enterprise");

        var saved = await drafts.SaveAsync(id, Complete(draft.Content), draft.Stamp);
        var loaded = await drafts.LoadAsync(id);

        Assert.True(saved.Succeeded, saved.Error);
        Assert.NotEqual(draft.Stamp, saved.Value!.Stamp);
        Assert.Equal(saved.Value.Stamp, loaded!.Stamp);
        Assert.Equal(Complete(draft.Content).ToJson(), loaded.Content.ToJson());
        Assert.Equal(21, loaded.Content.Technical!.DigitalEquipment);
    }

    // Autosave from a second tab: the first tab's next save is refused and nothing is overwritten.
    [Fact]
    public async Task Save_WithAStaleStamp_RefusedAndNothingOverwritten()
    {
        var (id, draft) = await StartAsync();
        var tab1 = _host.As<ApplicationDrafts>("enterprise");
        var tab2 = _host.As<ApplicationDrafts>("enterprise");
        var fromTab2 = draft.Content with { Consultancy = "第二个窗口填写的咨询机构" };

        var second = await tab2.SaveAsync(id, fromTab2, draft.Stamp);
        var first = await tab1.SaveAsync(id, draft.Content with { Consultancy = "第一个窗口" }, draft.Stamp);

        Assert.True(second.Succeeded);
        Assert.False(first.Succeeded);
        Assert.Equal(ApplicationDrafts.ConflictMessage, first.Error);
        Assert.Equal("第二个窗口填写的咨询机构", (await tab1.LoadAsync(id))!.Content.Consultancy);
    }

    [Theory]
    [InlineData("enterprise2")]      // another enterprise
    [InlineData("bureau.reviewer")]  // the bureau does not see drafts
    [InlineData("expert")]
    public async Task Load_SomeoneElsesDraft_NotFound(string user)
    {
        var draft = await _host.As<ApplicationDrafts>(user).LoadAsync(DemoSeeder.ApplicationId("A1"));
        var saved = await _host.As<ApplicationDrafts>(user).SaveAsync(DemoSeeder.ApplicationId("A1"), ApplicationContent.Empty, Guid.Empty);

        Assert.Null(draft);
        Assert.False(saved.Succeeded);
    }

    [Fact]
    public async Task Load_SeededDraftA1_OpensFilledWithoutANotice()
    {
        // The demo's drafts are written in the current ApplicationContent shape by the domain's own writer.
        var draft = await _host.As<ApplicationDrafts>("enterprise").LoadAsync(DemoSeeder.ApplicationId("A1"));

        Assert.NotNull(draft);
        Assert.Null(draft!.ReadProblem);
        Assert.True(draft.Editable);
        Assert.Equal("液态奶灌装数字化车间", draft.Content.Project?.Name);
        Assert.Equal(DemoSeeder.CreditCodeOf(1), draft.Content.Enterprise?.CreditCode);
        Assert.Equal(31, draft.Content.Technical?.EquipmentTotal); // the demo: 30 + the enterprise number
    }

    [Fact]
    public async Task Evidence_AddThenRemove_ListedThenMarkedRemovedNotDeleted()
    {
        var (id, draft) = await StartAsync();
        var evidence = _host.As<ApplicationEvidence>("enterprise");

        var added = await evidence.AddAsync(id, EvidenceItems.DigitalEquipment, Pdf(), "装备清单.pdf", draft.Content, draft.Stamp);
        var refused = await evidence.AddAsync(id, EvidenceItems.DigitalEquipment, Pdf(), "装备清单.exe", added.Value!.Content, added.Value.Stamp);
        var removed = await evidence.RemoveAsync(id, added.Value.File!.Id, added.Value.Content, added.Value.Stamp);

        Assert.True(added.Succeeded, added.Error);
        Assert.Equal([added.Value.File.Id], added.Value.Content.EvidenceFor(EvidenceItems.DigitalEquipment));
        Assert.Equal("evidence.technical.digitalEquipment", Assert.Single(refused.Problems).Field);
        Assert.True(removed.Succeeded, removed.Error);
        Assert.Empty(removed.Value!.Content.EvidenceFor(EvidenceItems.DigitalEquipment));
        await using var db = _host.SystemContext();
        var row = await db.Attachments.SingleAsync(a => a.Id == added.Value.File.Id);
        Assert.NotNull(row.RemovedAt);
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityId == id.ToString() && e.Action.StartsWith("application.evidence")));
    }

    [Fact]
    public async Task Submit_Incomplete_BlockedWithEveryProblemAndNothingFrozen()
    {
        var (id, draft) = await StartAsync();

        var result = await _host.As<ApplicationSubmission>("enterprise").SubmitAsync(id, draft.Stamp);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Field == "technical");
        Assert.Contains(result.Problems, p => p.Field == "commitment.accepted");
        await using var db = _host.SystemContext();
        Assert.Equal(ApplicationState.Draft, (await db.Applications.SingleAsync(a => a.Id == id)).State);
        Assert.False(await db.ApplicationVersions.AnyAsync(v => v.ApplicationId == id));
    }

    [Fact]
    public async Task Submit_Complete_FreezesAHashedVersionMovesToSubmittedAndAudits()
    {
        var (id, stamp) = await CompleteDraftAsync();

        var result = await _host.As<ApplicationSubmission>("enterprise").SubmitAsync(id, stamp);

        Assert.True(result.Succeeded, result.Error + string.Join("；", result.Problems));
        Assert.Equal(1, result.Value!.Number);
        Assert.Matches("^[0-9a-f]{64}$", result.Value.Hash);
        await using var db = _host.SystemContext();
        var app = await db.Applications.SingleAsync(a => a.Id == id);
        var version = await db.ApplicationVersions.Include(v => v.Attachments).SingleAsync(v => v.ApplicationId == id);
        Assert.Equal(ApplicationState.Submitted, app.State);
        Assert.Equal(1, app.LatestVersionNumber);
        Assert.Equal(version.ComputeHash(), version.ContentHash);
        Assert.Equal(result.Value.Hash, version.ContentHash);
        Assert.Equal(EvidenceItems.For(RecognitionKind.DigitalWorkshop, RuleSetCatalog.Current, Complete(ApplicationContent.Empty)).Count(i => i.Required), version.Attachments.Count);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "application.submit" && e.EntityId == id.ToString()));
        // Nothing submitted is ever edited.
        Assert.False((await _host.As<ApplicationDrafts>("enterprise").SaveAsync(id, ApplicationContent.Empty, app.ConcurrencyStamp)).Succeeded);
    }

    [Fact]
    public async Task Submit_DoubleClickInSequenceAndInParallel_OneVersion()
    {
        var (id, stamp) = await CompleteDraftAsync();

        var parallel = await Task.WhenAll(
            _host.As<ApplicationSubmission>("enterprise").SubmitAsync(id, stamp),
            _host.As<ApplicationSubmission>("enterprise").SubmitAsync(id, stamp));
        var later = await _host.As<ApplicationSubmission>("enterprise").SubmitAsync(id, stamp);

        Assert.All(parallel, r => Assert.True(r.Succeeded, r.Error));
        Assert.Single(parallel, r => !r.Value!.AlreadySubmitted);
        Assert.True(later.Value!.AlreadySubmitted);
        Assert.Equal(parallel[0].Value!.Hash, later.Value.Hash);
        await using var db = _host.SystemContext();
        Assert.Equal(1, await db.ApplicationVersions.CountAsync(v => v.ApplicationId == id));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "application.submit" && e.EntityId == id.ToString()));
    }

    [Fact]
    public async Task Resubmit_AfterAReturn_NeedsAReplyPerReasonThenFreezesVersionTwo()
    {
        var (id, stamp) = await CompleteDraftAsync();
        await _host.As<ApplicationSubmission>("enterprise").SubmitAsync(id, stamp);
        var reviewId = await ReturnAsync(id, ("technical.digitalEquipment", "请补充装备型号"), ("kpi.productionEfficiency", "请附产量台账"));
        var draft = (await _host.As<ApplicationDrafts>("enterprise").LoadAsync(id))!;
        var submission = _host.As<ApplicationSubmission>("enterprise");

        var withoutReplies = await submission.SubmitAsync(id, draft.Stamp);
        var oneReply = await submission.SubmitAsync(id, draft.Stamp, [new ReturnReply(reviewId, "technical.digitalEquipment", "请补充装备型号", "已补充")]);
        var answered = await submission.SubmitAsync(id, draft.Stamp,
        [
            new ReturnReply(reviewId, "technical.digitalEquipment", "请补充装备型号", "已在装备清单中补充型号"),
            new ReturnReply(reviewId, "kpi.productionEfficiency", "请附产量台账", "已上传 2023—2024 年产量台账"),
        ]);

        Assert.Equal(ApplicationState.Returned, draft.State);
        Assert.Equal(2, draft.Return!.Reasons.Count);
        Assert.Equal(["replies[0].reply", "replies[1].reply"], withoutReplies.Problems.Select(p => p.Field));
        Assert.Equal("replies[1].reply", Assert.Single(oneReply.Problems).Field);
        Assert.True(answered.Succeeded, answered.Error + string.Join("；", answered.Problems));
        Assert.Equal(2, answered.Value!.Number);
        var detail = (await _host.As<ApplicationQueries>("enterprise").DetailAsync(id))!;
        Assert.Equal(ApplicationState.Submitted, detail.Summary.State);
        Assert.Equal([2, 1], detail.Versions.Select(v => v.Number));
        Assert.Equal(2, detail.Versions[0].Replies.Count);
        Assert.Equal("退回修改", Assert.Single(detail.Reviews).DecisionLabel);
    }

    [Fact]
    public async Task Withdraw_Submitted_WithdrawnAndAudited_DraftCannotBeWithdrawn()
    {
        var (id, stamp) = await CompleteDraftAsync();
        var submission = _host.As<ApplicationSubmission>("enterprise");

        var fromDraft = await submission.WithdrawAsync(id, stamp);
        await submission.SubmitAsync(id, stamp);
        var detail = (await _host.As<ApplicationQueries>("enterprise").DetailAsync(id))!;
        var withdrawn = await submission.WithdrawAsync(id, detail.Stamp);

        Assert.False(fromDraft.Succeeded);
        Assert.Contains("草稿", fromDraft.Error, StringComparison.Ordinal);
        Assert.True(withdrawn.Succeeded, withdrawn.Error);
        Assert.Equal(ApplicationState.Withdrawn, withdrawn.Value);
        await using var db = _host.SystemContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "application.withdraw" && e.EntityId == id.ToString()));
    }

    [Fact]
    public async Task Mine_Enterprise_SeesOnlyItsOwnWithStateLabels()
    {
        var rows = (await _host.As<ApplicationList>("enterprise").ReadAsync(ListFilter.None, ListPaging.All)).Rows;

        Assert.Equal(new[] { "A1", "A7", "A13" }.Select(DemoSeeder.ApplicationId).Order(), rows.Select(r => r.Id).Order());
        Assert.Contains(rows, r => r.StateLabel == "草稿" && r.Editable);
        Assert.Contains(rows, r => r.StateLabel == "已授牌" && !r.Editable);
    }

    [Fact]
    public async Task Detail_AnotherEnterprisesApplication_Null()
    {
        Assert.Null(await _host.As<ApplicationQueries>("enterprise2").DetailAsync(DemoSeeder.ApplicationId("A7")));
    }

    private async Task<(Guid Id, DraftView Draft)> StartAsync()
    {
        var started = await _host.As<ApplicationDrafts>("enterprise").StartAsync(Dw2026, "奶粉包装数字化车间");
        var draft = await _host.As<ApplicationDrafts>("enterprise").LoadAsync(started.Value!.Id);
        return (started.Value.Id, draft!);
    }

    /// <summary>A draft that may be submitted: every section, one PDF per required item, the commitment accepted.</summary>
    private async Task<(Guid Id, Guid Stamp)> CompleteDraftAsync()
    {
        var (id, draft) = await StartAsync();
        var content = Complete(draft.Content);
        var stamp = draft.Stamp;
        var evidence = _host.As<ApplicationEvidence>("enterprise");
        foreach (var item in EvidenceItems.For(RecognitionKind.DigitalWorkshop, RuleSetCatalog.Current, content).Where(i => i.Required))
        {
            var added = await evidence.AddAsync(id, item.Key, Pdf(), item.Label + ".pdf", content, stamp);
            Assert.True(added.Succeeded, added.Error);
            (content, stamp) = (added.Value!.Content, added.Value.Stamp);
        }
        return (id, stamp);
    }

    /// <summary>The bureau's return, written as the bureau engineer's review service will (System actor here).</summary>
    private async Task<Guid> ReturnAsync(Guid id, params (string Item, string Reason)[] reasons)
    {
        await using var db = _host.SystemContext();
        var app = await db.Applications.SingleAsync(a => a.Id == id);
        var version = await db.ApplicationVersions.Where(v => v.ApplicationId == id).OrderByDescending(v => v.Number).FirstAsync();
        var review = new BureauReview
        {
            ApplicationId = id, ApplicationVersionId = version.Id, BureauOrganisationId = WellKnownIds.Bureau("1501"), Decision = BureauDecision.Return,
            OpinionText = "请按意见修改后重新提交。", ReviewedByUserId = DemoSeeder.UserId("bureau.reviewer"),
            ItemReasons = [.. reasons.Select(r => new BureauReviewItemReason { ItemKey = r.Item, Reason = r.Reason })],
        };
        db.BureauReviews.Add(review);
        app.Apply(ApplicationWorkflow.Decide(app.State, ApplicationAction.ReturnForRevision, [ActorRole.BureauReviewer]));
        await db.SaveChangesAsync();
        return review.Id;
    }

    internal static ApplicationContent Complete(ApplicationContent started) => started with
    {
        Project = new ProjectInfo("奶粉包装数字化车间", "呼和浩特市金川开发区乳业大道 1 号", "2023-03", "2024-10", 5800m, "奶粉包装线数字化改造。"),
        Enterprise = (started.Enterprise ?? new()) with
        {
            CreditCode = started.Enterprise?.CreditCode ?? DemoSeeder.CreditCodeOf(1),
            LegalStatus = Domain.Eligibility.LegalStatus.IndependentLegalPerson,
            SiteInInnerMongolia = true, BuiltAndInNormalUse = true, ProductsFitIndustrialPolicy = true, OperatingNormally = true,
        },
        Technical = new TechnicalIndicators(30, 21, 10, 8, 95m, EquipmentNetworked: true, RealTimeMonitoring: true,
            MesModules: [MesModule.ShopFloorScheduling, MesModule.ProcessExecution, MesModule.QualityAnalysisAndTracking, MesModule.EquipmentOperation],
            VisualManagement: true, WorkshopIntegration: true),
        Kpi = new KpiInputs(KpiBaseline.Renovation, new ProductionEfficiencyInput(100, 10, 120, 10), OperatingCostInput.FromUnitCosts(100m, 80m), null,
            DefectRateInput.FromRates(1m, 0.8m), new EnergyEfficiencyInput(50m, 55m)),
        Commitment = new Commitment(true, "张伟"),
    };

    private static MemoryStream Pdf() => new("%PDF-1.4 测试"u8.ToArray());
}
