using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web;
using NuMeng.Recognition.Web.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Review;

/// <summary>
/// The leader's signature (管理办法 第七条: 出具加盖公章的初审意见并报送), the ranking within the bureau's list and the
/// batch's per-league cap (docs/rule-reference.md §10), and the lock on a signed review.
/// </summary>
public sealed class BureauSigningTests
{
    private static readonly Guid A2 = DemoSeeder.ApplicationId("A2");

    /// <summary>2026 第一批 基础级: A7 (1501) is on 呼和浩特's list at place 1; the cap is 5.</summary>
    private static readonly Guid Basic26 = DemoSeeder.BatchId(2026, 1, RecognitionKind.TierBasic);

    private static StampedScanUpload Pdf(string name = "初审意见（盖章）.pdf") =>
        new(new MemoryStream("%PDF-1.4 stamped opinion"u8.ToArray()), name);

    private static ReviewDraft Recommend(int ranking) => new(BureauDecision.Recommend, "经初审，该企业符合申报条件，同意推荐。", ranking, []);

    [Fact]
    public async Task SignAsync_Reviewer_RefusedByWorkflow()
    {
        // ApplicationWorkflow: Submitted —BureauRecommend→ BureauRecommended is the leader's row only.
        await using var test = await ServiceHost.CreateAsync();

        var outcome = await test.As<BureauSigning>("bureau.reviewer").SignAsync(A2, await test.StampOfAsync(A2), null, Recommend(1), Pdf());

        Assert.Equal(OutcomeKind.Refused, outcome.Kind);
        Assert.Equal("“盟市审核员”无权执行“推荐”", outcome.Message);
        await using var db = test.SystemContext();
        Assert.Equal(ApplicationState.Submitted, (await db.Applications.SingleAsync(a => a.Id == A2)).State);
        Assert.False(await db.BureauReviews.AnyAsync(r => r.ApplicationId == A2));
    }

    [Fact]
    public async Task SignAsync_LeaderRecommendsPreparedDraft_ForwardedLockedNotified()
    {
        await using var test = await ServiceHost.CreateAsync();
        await test.As<BureauReviewService>("bureau.reviewer").PrepareAsync(A2, await test.StampOfAsync(A2), null, Recommend(1));
        Guid draftStamp;
        await using (var db = test.SystemContext())
        {
            draftStamp = (await db.BureauReviews.SingleAsync(r => r.ApplicationId == A2)).ConcurrencyStamp;
        }

        var outcome = await test.As<BureauSigning>("bureau.leader").SignAsync(A2, await test.StampOfAsync(A2), draftStamp, Recommend(1), Pdf());

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        await using (var db = test.SystemContext())
        {
            Assert.Equal(ApplicationState.BureauRecommended, (await db.Applications.SingleAsync(a => a.Id == A2)).State);
            var review = await db.BureauReviews.SingleAsync(r => r.ApplicationId == A2);
            Assert.Equal(DemoSeeder.UserId("bureau.reviewer"), review.ReviewedByUserId);
            Assert.Equal(DemoSeeder.UserId("bureau.leader"), review.SignedByLeaderUserId);
            Assert.Equal(test.Clock.GetUtcNow(), review.SignedAt);
            Assert.Equal(1, review.Ranking);
            var scan = await db.Attachments.SingleAsync(x => x.Id == review.StampedScanAttachmentId);
            Assert.Equal(("初审意见（盖章）.pdf", "application/pdf", BureauSigning.ScanItemKey, WellKnownIds.Bureau("1501")),
                (scan.OriginalFileName, scan.ContentType, scan.ItemKey, scan.OwnerOrganisationId));
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("%PDF-1.4 stamped opinion"u8.ToArray())), scan.Sha256);
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "bureau-review.sign" && e.EntityId == A2.ToString("D")));

            // Locked: the data layer refuses any change to a signed review (ILockableRow).
            review.OpinionText = "改动";
            var locked = await Assert.ThrowsAsync<ImmutableRowException>(() => db.SaveChangesAsync());
            Assert.Equal("BureauReview 已提交或已签发，不能再修改或删除", locked.Message);
        }
        await using var enterprise = test.ContextAs("enterprise.02");
        Assert.Contains("已推荐上报自治区工业和信息化厅", Assert.Single(await enterprise.Notifications.ToListAsync()).Text);
        await using var department = test.ContextAs("dept.staff");
        Assert.Contains("请受理", Assert.Single(await department.Notifications.ToListAsync()).Text);
    }

    [Fact]
    public async Task SignAsync_SecondClick_AlreadyDoneOneReviewOneScan()
    {
        await using var test = await ServiceHost.CreateAsync();
        var stamp = await test.StampOfAsync(A2);
        var signing = test.As<BureauSigning>("bureau.leader");

        await signing.SignAsync(A2, stamp, null, Recommend(1), Pdf());
        var second = await signing.SignAsync(A2, stamp, null, Recommend(1), Pdf());

        Assert.Equal(OutcomeKind.AlreadyDone, second.Kind);
        await using var db = test.SystemContext();
        Assert.Equal(1, await db.BureauReviews.CountAsync(r => r.ApplicationId == A2));
        Assert.Equal(1, await db.Attachments.CountAsync(x => x.ApplicationId == A2 && x.ItemKey == BureauSigning.ScanItemKey));
    }

    [Fact]
    public async Task SignAsync_AfterSigning_PrepareRefusedAndReviewUnchanged()
    {
        await using var test = await ServiceHost.CreateAsync();
        await test.As<BureauSigning>("bureau.leader").SignAsync(A2, await test.StampOfAsync(A2), null, Recommend(1), Pdf());

        var outcome = await test.As<BureauReviewService>("bureau.reviewer")
            .PrepareAsync(A2, await test.StampOfAsync(A2), null, Recommend(2));

        Assert.Equal(OutcomeKind.Refused, outcome.Kind);
        await using var db = test.SystemContext();
        Assert.Equal(1, (await db.BureauReviews.SingleAsync(r => r.ApplicationId == A2)).Ranking);
    }

    [Theory]
    [InlineData(null, "stampedScan", "请上传加盖公章的初审意见扫描件（PDF、JPG 或 PNG）")]
    [InlineData("意见.docx", "stampedScan", "只接受 PDF、JPG、PNG 格式的文件（收到：.docx）。")]
    [InlineData("伪装.pdf", "stampedScan", "文件“伪装.pdf”的内容不是有效的 PDF 文件，与扩展名 .pdf 不符。")]
    public async Task SignAsync_RecommendWithoutValidScan_InvalidNothingSaved(string? fileName, string field, string message)
    {
        await using var test = await ServiceHost.CreateAsync();
        var scan = fileName is null ? null : new StampedScanUpload(new MemoryStream("not a pdf"u8.ToArray()), fileName);

        var outcome = await test.As<BureauSigning>("bureau.leader").SignAsync(A2, await test.StampOfAsync(A2), null, Recommend(1), scan);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal((field, message), (error.Field, error.Message));
        await using var db = test.SystemContext();
        Assert.Equal(ApplicationState.Submitted, (await db.Applications.SingleAsync(a => a.Id == A2)).State);
        Assert.False(await db.BureauReviews.AnyAsync(r => r.ApplicationId == A2));
    }

    [Fact]
    public async Task SignAsync_LeaderRejectsWithReasonWithoutScan_RejectedAndEnterpriseToldWhy()
    {
        await using var test = await ServiceHost.CreateAsync();
        var reject = new ReviewDraft(BureauDecision.Reject, "不予推荐。", null, [new("kpi.productionEfficiency", "生产效率提高未达到 10%")]);

        var outcome = await test.As<BureauSigning>("bureau.leader").SignAsync(A2, await test.StampOfAsync(A2), null, reject, null);

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        await using var db = test.SystemContext();
        Assert.Equal(ApplicationState.BureauRejected, (await db.Applications.SingleAsync(a => a.Id == A2)).State);
        await using var enterprise = test.ContextAs("enterprise.02");
        Assert.Contains("生产效率提高未达到 10%", Assert.Single(await enterprise.Notifications.ToListAsync()).Text);
    }

    [Theory]
    // docs/rule-reference.md §10: the ranking orders the bureau's list; A7 holds place 1 of 1501's 2026 基础级 list.
    [InlineData(1, false, "排名第 1 位已由“乳制品基础级智能工厂”占用（已签发推荐），请另选排名")]
    [InlineData(2, true, null)]
    public async Task SignAsync_RankingTakenBySignedRecommendation_RefusedOtherwiseSigned(int ranking, bool accepted, string? message)
    {
        await using var test = await ServiceHost.CreateAsync();
        var app = await test.SubmitApplicationAsync(1, Basic26, RecognitionKind.TierBasic, "液态奶基础级智能工厂");

        var outcome = await test.As<BureauSigning>("bureau.leader").SignAsync(app, await test.StampOfAsync(app), null, Recommend(ranking), Pdf());

        Assert.Equal(accepted, outcome.Succeeded);
        Assert.Equal(message, outcome.Errors.SingleOrDefault()?.Message);
    }

    [Fact]
    public async Task SignAsync_RankingHeldByAnotherDraft_Refused()
    {
        await using var test = await ServiceHost.CreateAsync();
        var first = await test.SubmitApplicationAsync(1, Basic26, RecognitionKind.TierBasic, "第一家");
        var second = await test.SubmitApplicationAsync(1, Basic26, RecognitionKind.TierBasic, "第二家");
        await test.As<BureauReviewService>("bureau.reviewer").PrepareAsync(first, await test.StampOfAsync(first), null, Recommend(2));

        var outcome = await test.As<BureauSigning>("bureau.leader").SignAsync(second, await test.StampOfAsync(second), null, Recommend(2), Pdf());

        Assert.Equal("排名第 2 位已由“第一家”的推荐意见草稿占用，请另选排名或先调整该草稿", Assert.Single(outcome.Errors).Message);
    }

    [Theory]
    // Cap per 盟市 (docs/rule-reference.md §10). A7 already uses one place. Rankings run from 1 to the cap (inclusive).
    [InlineData(3, 3, true, null)]
    [InlineData(3, 4, false, "排名不能超过本批次每个盟市的推荐名额（3 个），收到第 4 位")]
    [InlineData(2, 2, true, null)]
    [InlineData(1, 1, false, "本盟市在本批次已推荐 1 个，已达到每个盟市的推荐名额上限（1 个），不能再推荐")]
    public async Task SignAsync_PerLeagueCap_RespectedAtAndAboveTheBound(int cap, int ranking, bool accepted, string? message)
    {
        await using var test = await ServiceHost.CreateAsync();
        await using (var db = test.SystemContext())
        {
            (await db.Batches.SingleAsync(b => b.Id == Basic26)).PerLeagueCap = cap;
            await db.SaveChangesAsync();
        }
        var app = await test.SubmitApplicationAsync(1, Basic26, RecognitionKind.TierBasic, "液态奶基础级智能工厂");

        var outcome = await test.As<BureauSigning>("bureau.leader").SignAsync(app, await test.StampOfAsync(app), null, Recommend(ranking), Pdf());

        Assert.Equal(accepted, outcome.Succeeded);
        Assert.Equal(message, (outcome.Errors.Count > 0 ? outcome.Errors[0].Message : null));
    }

    [Fact]
    public async Task SignAsync_CapFilledByThisBureau_OtherLeagueUnaffected()
    {
        // The cap counts per 盟市: 包头 (1502) has A4 at place 1 of the same batch; 呼和浩特's place 2 is free.
        await using var test = await ServiceHost.CreateAsync();
        await using (var db = test.SystemContext())
        {
            (await db.Batches.SingleAsync(b => b.Id == Basic26)).PerLeagueCap = 2;
            await db.SaveChangesAsync();
        }
        var app = await test.SubmitApplicationAsync(1, Basic26, RecognitionKind.TierBasic, "液态奶基础级智能工厂");

        var outcome = await test.As<BureauSigning>("bureau.leader").SignAsync(app, await test.StampOfAsync(app), null, Recommend(2), Pdf());

        Assert.True(outcome.Succeeded, outcome.Message + string.Join("；", outcome.Errors.Select(e => e.Message)));
    }
}
