using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web;
using NuMeng.Recognition.Web.Features.Applications;
using NuMeng.Recognition.Web.Features.Batches;
using NuMeng.Recognition.Web.Tests.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Batches;

/// <summary>
/// 受理 (管理办法 第八条) on the demo database: A4 (包头, 1502) and A7 (呼和浩特, 1501) are 盟市已推荐 in 2026年第一批基础级.
/// Workflow rows: 盟市已推荐 --DepartmentAccept/经办人--> 已受理; 盟市已推荐 --ReturnForRevision/经办人--> 退回修改.
/// </summary>
public sealed class IntakeServiceTests
{
    private const string Staff = "dept.staff";
    private static readonly Guid A4 = DemoSeeder.ApplicationId("A4");
    private static readonly Guid A7 = DemoSeeder.ApplicationId("A7");
    private static readonly Guid Basic26 = DemoSeeder.BatchId(2026, 1, RecognitionKind.TierBasic);

    [Fact]
    public async Task ListAsync_Forwarded_ByLeagueWithRankingOpinionAndVerdict()
    {
        await using var test = await ServiceHost.CreateAsync();

        var result = await test.Create<IntakeService>(Staff).ListAsync();

        var rows = result.Rows.Where(r => r.BatchId == Basic26).ToList();
        // 呼和浩特市 (1501) before 包头市 (1502).
        Assert.Equal([A7, A4], rows.Select(r => r.ApplicationId));
        Assert.All(rows, r => Assert.NotEqual("", r.VerdictSummary));
        Assert.Contains(("1502", "包头市"), result.Leagues);
        Assert.Equal([A4], (await test.Create<IntakeService>(Staff).ListAsync(Basic26, "1502")).Rows.Select(r => r.ApplicationId));
    }

    [Fact]
    public async Task ReturnToBureauAsync_Accepted_BackToBureauReviewAuditedBureauAndEnterpriseNotified()
    {
        await using var test = await ServiceHost.CreateAsync();
        var intake = test.Create<IntakeService>(Staff);
        Assert.Equal(OutcomeKind.Done, (await intake.AcceptAsync(A7, await test.StampOfAsync(A7))).Kind);
        Assert.Contains(A7, (await intake.ListAcceptedAsync()).Select(r => r.ApplicationId));

        var empty = await intake.ReturnToBureauAsync(A7, await test.StampOfAsync(A7), "  ");
        var leader = await test.Create<IntakeService>("dept.leader").ReturnToBureauAsync(A7, await test.StampOfAsync(A7), "盖章意见与版本不符");
        var stale = await intake.ReturnToBureauAsync(A7, Guid.NewGuid(), "盖章意见与版本不符");
        var outcome = await intake.ReturnToBureauAsync(A7, await test.StampOfAsync(A7), "盟市推荐意见未覆盖第 1 版的全部指标，请重新初审");

        Assert.Equal(("reason", OutcomeKind.Invalid), (Assert.Single(empty.Errors).Field, empty.Kind));
        Assert.Equal(OutcomeKind.Refused, leader.Kind);
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        await using var db = test.SystemContext();
        Assert.Equal(ApplicationState.Submitted, (await db.Applications.SingleAsync(a => a.Id == A7)).State);
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "application.return-to-bureau" && e.EntityId == A7.ToString("D"));
        Assert.Contains("\"from\":\"Accepted\"", entry.SummaryJson, StringComparison.Ordinal);
        Assert.Contains("请重新初审", entry.SummaryJson, StringComparison.Ordinal);
        foreach (var user in new[] { "enterprise", "bureau.reviewer", "bureau.leader" })
        {
            await using var own = test.ContextAs(user);
            Assert.True(await own.Notifications.AnyAsync(n => n.Text.Contains("退回") && n.Text.Contains("重新初审")), user);
        }
        // The bureau sees it in its queue again; a second click does nothing.
        await using (var bureau = test.ContextAs("bureau.reviewer"))
        {
            Assert.True(await bureau.Applications.AnyAsync(a => a.Id == A7 && a.State == ApplicationState.Submitted));
        }
        Assert.Equal(OutcomeKind.AlreadyDone, (await intake.ReturnToBureauAsync(A7, await test.StampOfAsync(A7), "x")).Kind);
        Assert.Equal("自治区工信厅退回盟市重新初审", ApplicationHistoryLabels.Action("application.return-to-bureau"));
    }

    [Fact]
    public async Task ReturnToBureauAsync_PanelAlreadyFormed_RefusedAndStillAccepted()
    {
        await using var test = await ServiceHost.CreateAsync();
        var intake = test.Create<IntakeService>(Staff);
        Assert.Equal(OutcomeKind.Done, (await intake.AcceptAsync(A7, await test.StampOfAsync(A7))).Kind);
        await using (var db = test.SystemContext())
        {
            var app = await db.Applications.SingleAsync(a => a.Id == A7);
            db.ExpertAssignments.Add(new ExpertAssignment
            {
                ExpertId = DemoSeeder.ExpertId(1), ApplicationId = A7, BatchId = app.BatchId, PanelName = "第一评审组", Role = PanelRole.Leader,
                AssignedByUserId = DemoSeeder.UserId("dept.staff"),
            });
            await db.SaveChangesAsync();
        }

        var outcome = await intake.ReturnToBureauAsync(A7, await test.StampOfAsync(A7), "盟市推荐意见不完整，请重新初审");

        Assert.Equal((OutcomeKind.Refused, "该申报已组建专家组，不能退回盟市重新初审"), (outcome.Kind, outcome.Message));
        await using var check = test.SystemContext();
        Assert.Equal(ApplicationState.Accepted, (await check.Applications.SingleAsync(a => a.Id == A7)).State);
        Assert.False(await check.AuditEntries.AnyAsync(e => e.Action == "application.return-to-bureau"));
    }

    [Fact]
    public async Task AcceptAsync_Forwarded_AcceptedAuditedEnterpriseAndBureauNotified()
    {
        await using var test = await ServiceHost.CreateAsync();

        var outcome = await test.Create<IntakeService>(Staff).AcceptAsync(A7, await test.StampOfAsync(A7));

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        await using var db = test.SystemContext();
        Assert.Equal(ApplicationState.Accepted, (await db.Applications.SingleAsync(a => a.Id == A7)).State);
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "application.accept" && e.EntityId == A7.ToString("D"));
        Assert.Contains("\"to\":\"Accepted\"", entry.SummaryJson, StringComparison.Ordinal);
        // A7 is the demo enterprise's (account "enterprise"); its bureau is 呼和浩特 (bureau.reviewer, bureau.leader).
        foreach (var user in new[] { "enterprise", "bureau.reviewer", "bureau.leader" })
        {
            // Notifications are read through their user's own filter.
            await using var own = test.ContextAs(user);
            Assert.True(await own.Notifications.AnyAsync(n => n.Text.Contains("已由自治区工业和信息化厅受理")), user);
        }
        // A second click does nothing.
        Assert.Equal(OutcomeKind.AlreadyDone, (await test.Create<IntakeService>(Staff).AcceptAsync(A7, await test.StampOfAsync(A7))).Kind);
    }

    [Fact]
    public async Task AcceptAsync_StaleStamp_ConflictAndStillForwarded()
    {
        await using var test = await ServiceHost.CreateAsync();

        var outcome = await test.Create<IntakeService>(Staff).AcceptAsync(A7, Guid.NewGuid());

        Assert.Equal((OutcomeKind.Conflict, ConcurrencyConflict.Message), (outcome.Kind, outcome.Message));
        await using var db = test.SystemContext();
        Assert.Equal(ApplicationState.BureauRecommended, (await db.Applications.SingleAsync(a => a.Id == A7)).State);
    }

    [Fact]
    public async Task AcceptAsync_DepartmentLeader_RefusedByWorkflow()
    {
        await using var test = await ServiceHost.CreateAsync();

        // The workflow gives 受理 to 工信厅经办人 only.
        var outcome = await test.Create<IntakeService>("dept.leader").AcceptAsync(A7, await test.StampOfAsync(A7));

        Assert.Equal(OutcomeKind.Refused, outcome.Kind);
        Assert.Contains("工信厅负责人", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptBatchAsync_ShownList_AllAcceptedOneAuditRowEach()
    {
        await using var test = await ServiceHost.CreateAsync();
        var shown = new Dictionary<Guid, Guid> { [A4] = await test.StampOfAsync(A4), [A7] = await test.StampOfAsync(A7) };

        var outcome = await test.Create<IntakeService>(Staff).AcceptBatchAsync(Basic26, shown);

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        Assert.Equal("已整批受理“2026年第一批基础级智能工厂认定（演示）”的 2 件申报，已通知申报企业和盟市", outcome.Message);
        await using var db = test.SystemContext();
        Assert.All(await db.Applications.Where(a => a.Id == A4 || a.Id == A7).ToListAsync(), a => Assert.Equal(ApplicationState.Accepted, a.State));
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "application.accept"));
    }

    [Fact]
    public async Task AcceptBatchAsync_ListChangedSinceShown_NothingAccepted()
    {
        await using var test = await ServiceHost.CreateAsync();
        // The confirmation showed only A7 (A4 was forwarded in between, or its stamp changed).
        var shown = new Dictionary<Guid, Guid> { [A7] = await test.StampOfAsync(A7) };

        var outcome = await test.Create<IntakeService>(Staff).AcceptBatchAsync(Basic26, shown);

        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        await using var db = test.SystemContext();
        Assert.Equal(0, await db.Applications.CountAsync(a => a.State == ApplicationState.Accepted && (a.Id == A4 || a.Id == A7)));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "application.accept"));
    }

    [Fact]
    public async Task ReturnAsync_WithReason_ReturnedReasonRecordedForEnterprise()
    {
        await using var test = await ServiceHost.CreateAsync();

        var outcome = await test.Create<IntakeService>(Staff).ReturnAsync(A4, await test.StampOfAsync(A4), "盖章推荐意见与申报版本不一致，请企业核对后重新提交");

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        await using var db = test.SystemContext();
        Assert.Equal(ApplicationState.Returned, (await db.Applications.SingleAsync(a => a.Id == A4)).State);
        var review = await db.BureauReviews.Where(r => r.ApplicationId == A4 && r.Decision == BureauDecision.Return).SingleAsync();
        Assert.Equal("盖章推荐意见与申报版本不一致，请企业核对后重新提交", Assert.Single(review.ItemReasons).Reason);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "application.department-return" && e.EntityId == A4.ToString("D")));
        await using var bureau = test.ContextAs("bureau2.reviewer");
        Assert.True(await bureau.Notifications.AnyAsync(n => n.Text.Contains("已被自治区工业和信息化厅退回企业修改")));
        // A4 is demo enterprise 4's (account enterprise.04).
        await using var enterprise = test.ContextAs("enterprise.04");
        Assert.True(await enterprise.Notifications.AnyAsync(n => n.Text.Contains("盖章推荐意见与申报版本不一致")));
    }

    [Theory]
    [InlineData("", "请填写退回理由，企业和盟市将看到这段文字")]
    [InlineData("   ", "请填写退回理由，企业和盟市将看到这段文字")]
    public async Task ReturnAsync_NoReason_Invalid(string reason, string message)
    {
        await using var test = await ServiceHost.CreateAsync();

        var outcome = await test.Create<IntakeService>(Staff).ReturnAsync(A4, await test.StampOfAsync(A4), reason);

        Assert.Equal(("reason", message), (outcome.Errors[0].Field, outcome.Errors[0].Message));
    }

    [Theory]
    [InlineData(1000, OutcomeKind.Done)]
    [InlineData(1001, OutcomeKind.Invalid)]
    public async Task ReturnAsync_ReasonLength_AtAndAboveTheLimit(int length, OutcomeKind expected)
    {
        await using var test = await ServiceHost.CreateAsync();

        var outcome = await test.Create<IntakeService>(Staff).ReturnAsync(A4, await test.StampOfAsync(A4), new string('退', length));

        Assert.Equal(expected, outcome.Kind);
    }

    [Fact]
    public async Task AcceptAsync_Bureau_Refused()
    {
        await using var test = await ServiceHost.CreateAsync();

        var outcome = await test.Create<IntakeService>("bureau.leader").AcceptAsync(A7, await test.StampOfAsync(A7));

        Assert.Equal(OutcomeKind.Refused, outcome.Kind);
    }
}
