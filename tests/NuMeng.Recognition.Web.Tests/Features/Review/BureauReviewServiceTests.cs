using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Review;

/// <summary>
/// Return for revision and the prepared recommendation/rejection (管理办法 第七条 初审), on a real SQLite database with the
/// demo: A2 (云谷电子智能工厂, 1501) waits for 呼和浩特市工业和信息化局.
/// </summary>
public sealed class BureauReviewServiceTests
{
    private static readonly Guid A2 = DemoSeeder.ApplicationId("A2");

    private static ReviewReason[] OneReason => [new("technical.digitalEquipment", "数字化装备清单缺少型号和联网方式")];

    [Theory]
    // 管理办法 第七条: the bureau runs the preliminary review; a return is a working step either bureau role may take.
    [InlineData("bureau.reviewer")]
    [InlineData("bureau.leader")]
    public async Task ReturnAsync_BureauUserWithReason_ReturnsAuditsAndNotifiesEnterprise(string user)
    {
        await using var test = await ServiceHost.CreateAsync();
        var stamp = await test.StampOfAsync(A2);

        var outcome = await test.As<BureauReviewService>(user).ReturnAsync(A2, stamp, OneReason, "请补充后重新提交");

        Assert.Equal(ReviewOutcomeKind.Done, outcome.Kind);
        await using var db = test.SystemContext();
        Assert.Equal(ApplicationState.Returned, (await db.Applications.SingleAsync(a => a.Id == A2)).State);
        var review = await db.BureauReviews.SingleAsync(r => r.ApplicationId == A2);
        Assert.Equal(BureauDecision.Return, review.Decision);
        Assert.Equal("technical.digitalEquipment", Assert.Single(review.ItemReasons).ItemKey);
        Assert.Equal(DemoSeeder.UserId(user), review.ReviewedByUserId);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "application.return" && e.EntityId == A2.ToString("D")));
        // A2 belongs to demo enterprise 2, whose applicant is enterprise.02.
        await using var enterprise = test.ContextAs("enterprise.02");
        var note = Assert.Single(await enterprise.Notifications.ToListAsync());
        Assert.Contains("已被呼和浩特市工业和信息化局退回修改", note.Text);
        Assert.Contains("数字化装备清单缺少型号和联网方式", note.Text);
        Assert.Equal($"/applications/{A2:D}", note.Link);
    }

    [Theory]
    [InlineData("", "缺少型号", "reasons[0].itemKey")]
    [InlineData("technical.digitalEquipment", "", "reasons[0].reason")]
    [InlineData("../etc", "缺少型号", "reasons[0].itemKey")]
    public async Task ReturnAsync_IncompleteReason_InvalidAndUnchanged(string item, string reason, string field)
    {
        await using var test = await ServiceHost.CreateAsync();

        var outcome = await test.As<BureauReviewService>("bureau.reviewer")
            .ReturnAsync(A2, await test.StampOfAsync(A2), [new(item, reason)], null);

        Assert.Equal(ReviewOutcomeKind.Invalid, outcome.Kind);
        Assert.Contains(outcome.Errors, e => e.Field == field);
        await AssertStillSubmittedAsync(test);
    }

    [Fact]
    public async Task ReturnAsync_NoReasonAtAll_InvalidNamingReasons()
    {
        await using var test = await ServiceHost.CreateAsync();

        var outcome = await test.As<BureauReviewService>("bureau.reviewer")
            .ReturnAsync(A2, await test.StampOfAsync(A2), [new(ReviewReason.GeneralItem, " ")], "整体意见");

        Assert.Equal(ReviewOutcomeKind.Invalid, outcome.Kind);
        Assert.Equal("退回修改须至少写明一条修改意见（针对哪一项、需要如何修改）", Assert.Single(outcome.Errors).Message);
        await AssertStillSubmittedAsync(test);
    }

    [Fact]
    public async Task ReturnAsync_StampOfAnEarlierPage_ConflictAndUnchanged()
    {
        await using var test = await ServiceHost.CreateAsync();

        var outcome = await test.As<BureauReviewService>("bureau.reviewer").ReturnAsync(A2, Guid.NewGuid(), OneReason, null);

        Assert.Equal(ReviewOutcomeKind.Conflict, outcome.Kind);
        Assert.Equal("该记录已被他人修改，请刷新后重试", outcome.Message);
        await AssertStillSubmittedAsync(test);
    }

    [Fact]
    public async Task ReturnAsync_SecondClick_AlreadyDoneAndOneReview()
    {
        await using var test = await ServiceHost.CreateAsync();
        var stamp = await test.StampOfAsync(A2);
        var service = test.As<BureauReviewService>("bureau.reviewer");

        await service.ReturnAsync(A2, stamp, OneReason, null);
        var second = await service.ReturnAsync(A2, stamp, OneReason, null);

        Assert.Equal(ReviewOutcomeKind.AlreadyDone, second.Kind);
        await using var db = test.SystemContext();
        Assert.Equal(1, await db.BureauReviews.CountAsync(r => r.ApplicationId == A2));
    }

    [Theory]
    // Tenancy: a bureau sees only its own 盟市's applications; the department may not act as a bureau.
    [InlineData("bureau2.reviewer", ReviewOutcomeKind.NotFound)]
    [InlineData("dept.staff", ReviewOutcomeKind.Refused)]
    [InlineData("enterprise.02", ReviewOutcomeKind.Refused)]
    public async Task ReturnAsync_NotThisBureau_RefusedOrNotFound(string user, ReviewOutcomeKind expected)
    {
        await using var test = await ServiceHost.CreateAsync();

        var outcome = await test.As<BureauReviewService>(user).ReturnAsync(A2, await test.StampOfAsync(A2), OneReason, null);

        Assert.Equal(expected, outcome.Kind);
        await AssertStillSubmittedAsync(test);
    }

    [Fact]
    public async Task ReturnAsync_DraftApplication_NotFound()
    {
        // A1 is 青城智造乳业's draft in 1501: drafts are the enterprise's own business (tenancy).
        await using var test = await ServiceHost.CreateAsync();
        var a1 = DemoSeeder.ApplicationId("A1");

        var outcome = await test.As<BureauReviewService>("bureau.reviewer").ReturnAsync(a1, await test.StampOfAsync(a1), OneReason, null);

        Assert.Equal(ReviewOutcomeKind.NotFound, outcome.Kind);
    }

    [Fact]
    public async Task PrepareAsync_ReviewerRecommends_DraftSavedStateUnchangedLeaderNotified()
    {
        await using var test = await ServiceHost.CreateAsync();

        var outcome = await test.As<BureauReviewService>("bureau.reviewer").PrepareAsync(A2, await test.StampOfAsync(A2), null,
            new ReviewDraft(BureauDecision.Recommend, "经初审，同意推荐。", 1, []));

        Assert.Equal(ReviewOutcomeKind.Done, outcome.Kind);
        await AssertStillSubmittedAsync(test);
        await using var db = test.SystemContext();
        var draft = await db.BureauReviews.SingleAsync(r => r.ApplicationId == A2);
        Assert.Null(draft.SignedAt);
        Assert.Equal(1, draft.Ranking);
        await using var leader = test.ContextAs("bureau.leader");
        Assert.Contains("请审核签发", Assert.Single(await leader.Notifications.ToListAsync()).Text);
    }

    [Fact]
    public async Task PrepareAsync_DraftChangedByAnother_Conflict()
    {
        await using var test = await ServiceHost.CreateAsync();
        var stamp = await test.StampOfAsync(A2);
        var input = new ReviewDraft(BureauDecision.Recommend, "同意推荐。", 1, []);
        await test.As<BureauReviewService>("bureau.reviewer").PrepareAsync(A2, stamp, null, input);

        // The leader's form was rendered before the draft existed.
        var outcome = await test.As<BureauReviewService>("bureau.leader").PrepareAsync(A2, stamp, null, input with { Ranking = 2 });

        Assert.Equal(ReviewOutcomeKind.Conflict, outcome.Kind);
    }

    [Theory]
    [InlineData(BureauDecision.Recommend, "", 1, "opinion")]
    [InlineData(BureauDecision.Recommend, "同意推荐", null, "ranking")]
    [InlineData(BureauDecision.Recommend, "同意推荐", 0, "ranking")]
    [InlineData(BureauDecision.Reject, "不同意", null, "reasons")]
    public async Task PrepareAsync_MissingPart_Invalid(BureauDecision decision, string opinion, int? ranking, string field)
    {
        await using var test = await ServiceHost.CreateAsync();

        var outcome = await test.As<BureauReviewService>("bureau.reviewer").PrepareAsync(A2, await test.StampOfAsync(A2), null,
            new ReviewDraft(decision, opinion, ranking, []));

        Assert.Equal(ReviewOutcomeKind.Invalid, outcome.Kind);
        Assert.Contains(outcome.Errors, e => e.Field == field);
    }

    [Fact]
    public async Task PrepareAsync_AlreadyRecommended_RefusedByWorkflow()
    {
        // A7 is already 盟市已推荐: nothing can be prepared on it any more.
        await using var test = await ServiceHost.CreateAsync();
        var a7 = DemoSeeder.ApplicationId("A7");

        var outcome = await test.As<BureauReviewService>("bureau.reviewer").PrepareAsync(a7, await test.StampOfAsync(a7), null,
            new ReviewDraft(BureauDecision.Recommend, "同意", 2, []));

        Assert.Equal(ReviewOutcomeKind.Refused, outcome.Kind);
        Assert.Equal("当前状态“盟市已推荐”下不能执行“推荐”", outcome.Message);
    }

    private static async Task AssertStillSubmittedAsync(ServiceHost test)
    {
        await using var db = test.SystemContext();
        Assert.Equal(ApplicationState.Submitted, (await db.Applications.SingleAsync(a => a.Id == A2)).State);
    }
}
