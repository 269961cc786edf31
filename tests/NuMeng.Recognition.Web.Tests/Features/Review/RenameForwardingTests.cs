using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Web.Features.Review;

namespace NuMeng.Recognition.Web.Tests.Features.Review;

/// <summary>
/// 管理办法 第四章 更名: the league/city bureau forwards the enterprise's request to the department with its opinion.
/// Demo: A13 (酸奶发酵数字化车间, 1501) is recognised (NMDW-2025-0003); A11 (1507) was revoked (NMDW-2025-0002).
/// </summary>
public sealed class RenameForwardingTests
{
    [Fact]
    public async Task ForwardAsync_BureauWithOpinion_ForwardedAuditedAndNotified()
    {
        await using var test = await ReviewTestDatabase.CreateAsync();
        var id = await RequestAsync(test, "A13", "NMDW-2025-0003", "1501");
        var row = Assert.Single(await test.As<RenameForwarding>("bureau.reviewer").ListAsync());
        Assert.False(row.Forwarded);

        var outcome = await test.As<RenameForwarding>("bureau.reviewer").ForwardAsync(id, row.Stamp, "经核实，企业已完成工商变更登记，同意更名。");

        Assert.Equal(ReviewOutcomeKind.Done, outcome.Kind);
        var after = Assert.Single(await test.As<RenameForwarding>("bureau.leader").ListAsync());
        Assert.Equal("企业名称变更，车间随之更名。", after.EnterpriseReason);
        Assert.Equal("经核实，企业已完成工商变更登记，同意更名。\n——呼和浩特市工业和信息化局，2026年11月21日", after.BureauOpinion);
        await using var db = test.SystemContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "rename.forward" && e.EntityId == id.ToString("D")));
        await using var department = test.ContextAs("dept.staff");
        Assert.StartsWith("呼和浩特市工业和信息化局转报更名申请", Assert.Single(await department.Notifications.ToListAsync()).Text);
        await using var enterprise = test.ContextAs("enterprise");
        Assert.Contains(await enterprise.Notifications.ToListAsync(), n => n.Text.Contains("已由呼和浩特市工业和信息化局转报", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForwardAsync_SecondTime_AlreadyDoneOpinionOnce()
    {
        await using var test = await ReviewTestDatabase.CreateAsync();
        var id = await RequestAsync(test, "A13", "NMDW-2025-0003", "1501");
        var stamp = Assert.Single(await test.As<RenameForwarding>("bureau.reviewer").ListAsync()).Stamp;
        var service = test.As<RenameForwarding>("bureau.reviewer");

        await service.ForwardAsync(id, stamp, "同意");
        var second = await service.ForwardAsync(id, stamp, "同意");

        Assert.Equal(ReviewOutcomeKind.AlreadyDone, second.Kind);
        await using var db = test.SystemContext();
        var reason = (await db.RenameRequests.SingleAsync(r => r.Id == id)).Reason;
        Assert.Equal(2, reason.Split(RenameForwarding.OpinionMarker).Length);
    }

    [Theory]
    [InlineData("", "请填写盟市意见（是否同意更名及理由）")]
    [InlineData("   ", "请填写盟市意见（是否同意更名及理由）")]
    public async Task ForwardAsync_NoOpinion_Invalid(string opinion, string message)
    {
        await using var test = await ReviewTestDatabase.CreateAsync();
        var id = await RequestAsync(test, "A13", "NMDW-2025-0003", "1501");
        var stamp = Assert.Single(await test.As<RenameForwarding>("bureau.reviewer").ListAsync()).Stamp;

        var outcome = await test.As<RenameForwarding>("bureau.reviewer").ForwardAsync(id, stamp, opinion);

        Assert.Equal(message, Assert.Single(outcome.Errors).Message);
    }

    [Theory]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public async Task ForwardAsync_OpinionLength_AtAndAboveTheLimit(int length, bool accepted)
    {
        await using var test = await ReviewTestDatabase.CreateAsync();
        var id = await RequestAsync(test, "A13", "NMDW-2025-0003", "1501");
        var stamp = Assert.Single(await test.As<RenameForwarding>("bureau.reviewer").ListAsync()).Stamp;

        var outcome = await test.As<RenameForwarding>("bureau.reviewer").ForwardAsync(id, stamp, new string('同', length));

        Assert.Equal(accepted, outcome.Succeeded);
    }

    [Fact]
    public async Task ForwardAsync_OtherBureau_NotFoundAndNotListed()
    {
        await using var test = await ReviewTestDatabase.CreateAsync();
        var id = await RequestAsync(test, "A13", "NMDW-2025-0003", "1501");

        var outcome = await test.As<RenameForwarding>("bureau2.reviewer").ForwardAsync(id, Guid.NewGuid(), "同意");

        Assert.Equal(ReviewOutcomeKind.NotFound, outcome.Kind);
        Assert.Empty(await test.As<RenameForwarding>("bureau2.reviewer").ListAsync());
    }

    [Fact]
    public async Task ForwardAsync_RevokedRecognition_Refused()
    {
        // ApplicationWorkflow: 更名 is possible only on 已授牌; A11 was revoked (第十条（四）).
        await using var test = await ReviewTestDatabase.CreateAsync();
        var id = await RequestAsync(test, "A11", "NMDW-2025-0002", "1507");
        var stamp = Assert.Single(await test.As<RenameForwarding>("leader.1507").ListAsync()).Stamp;

        var outcome = await test.As<RenameForwarding>("leader.1507").ForwardAsync(id, stamp, "同意");

        Assert.Equal(ReviewOutcomeKind.Refused, outcome.Kind);
        Assert.Equal("该认定当前状态为“已撤销称号”，更名申请不能转报", outcome.Message);
    }

    [Theory]
    [InlineData("理由", "理由", null)]
    [InlineData("理由\n\n【盟市转报意见】同意", "理由", "同意")]
    public void Split_StoredReason_ReasonAndOpinion(string stored, string reason, string? opinion) =>
        Assert.Equal((reason, opinion), RenameForwarding.Split(stored));

    /// <summary>The enterprise's request as the enterprise half of the portal records it.</summary>
    private static async Task<Guid> RequestAsync(ReviewTestDatabase test, string application, string certificate, string league)
    {
        await using var db = test.SystemContext();
        var cert = await db.Certificates.SingleAsync(c => c.Number == certificate);
        var request = new RenameRequest
        {
            CertificateId = cert.Id,
            ApplicationId = DemoSeeder.ApplicationId(application),
            RequestedByBureauId = WellKnownIds.Bureau(league),
            PreviousName = cert.WorkshopOrFactoryName,
            NewName = cert.WorkshopOrFactoryName + "（新）",
            Reason = "企业名称变更，车间随之更名。",
            State = RenameRequestState.Submitted,
        };
        db.RenameRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }
}
