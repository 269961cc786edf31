using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Web.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Review;

/// <summary>
/// 管理办法 第四章 更名: the league/city bureau forwards the enterprise's request to the department with its opinion, or
/// declines it with its opinion. Demo: A13 (酸奶发酵数字化车间, 1501) is recognised (NMDW-2025-0003); A11 (1507) was
/// revoked (NMDW-2025-0002). The demo also holds a waiting request of A13 and a forwarded one of A10 (1505): each test
/// picks its own request by id.
/// </summary>
public sealed class RenameForwardingTests
{
    [Fact]
    public async Task ForwardAsync_BureauWithOpinion_ForwardedAuditedAndNotified()
    {
        await using var test = await ServiceHost.CreateAsync();
        var id = await RequestAsync(test, "A13", "NMDW-2025-0003", "1501");
        var row = await RowAsync(test, "bureau.reviewer", id);
        Assert.True(row.Waiting);
        Assert.Equal("待盟市转报", row.StateLabel);

        var outcome = await test.As<RenameForwarding>("bureau.reviewer").ForwardAsync(id, row.Stamp, "经核实，企业已完成工商变更登记，同意更名。");

        Assert.Equal(ReviewOutcomeKind.Done, outcome.Kind);
        var after = await RowAsync(test, "bureau.leader", id);
        Assert.Equal("企业名称变更，车间随之更名。", after.EnterpriseReason);
        Assert.Equal("经核实，企业已完成工商变更登记，同意更名。", after.BureauOpinion);
        Assert.Equal(RenameRequestState.Forwarded, after.State);
        Assert.NotNull(after.ForwardedAt);
        await using var db = test.SystemContext();
        var stored = await db.RenameRequests.SingleAsync(r => r.Id == id);
        // The enterprise's reason is no longer mixed with the bureau's opinion (the session-1 stop-gap is gone).
        Assert.Equal(("企业名称变更，车间随之更名。", RenameRequestState.Forwarded), (stored.Reason, stored.State));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "rename.forward" && e.EntityId == id.ToString("D")));
        await using var department = test.ContextAs("dept.staff");
        Assert.Contains(await department.Notifications.ToListAsync(), n => n.Text.StartsWith("呼和浩特市工业和信息化局转报更名申请", StringComparison.Ordinal));
        await using var enterprise = test.ContextAs("enterprise");
        Assert.Contains(await enterprise.Notifications.ToListAsync(), n => n.Text.Contains("已由呼和浩特市工业和信息化局转报", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeclineAsync_BureauWithOpinion_DeclinedAuditedEnterpriseToldDepartmentNot()
    {
        await using var test = await ServiceHost.CreateAsync();
        var id = await RequestAsync(test, "A13", "NMDW-2025-0003", "1501");
        var row = await RowAsync(test, "bureau.leader", id);

        var outcome = await test.As<RenameForwarding>("bureau.leader").DeclineAsync(id, row.Stamp, "企业尚未完成工商变更登记，请办结后再申请。");

        Assert.Equal(ReviewOutcomeKind.Done, outcome.Kind);
        var after = await RowAsync(test, "bureau.reviewer", id);
        Assert.Equal((RenameRequestState.DeclinedByBureau, "盟市不予转报"), (after.State, after.StateLabel));
        Assert.Equal("企业尚未完成工商变更登记，请办结后再申请。", after.BureauOpinion);
        Assert.Null(after.ForwardedAt);
        await using var db = test.SystemContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "rename.decline" && e.EntityId == id.ToString("D")));
        await using var department = test.ContextAs("dept.staff");
        Assert.DoesNotContain(await department.Notifications.ToListAsync(), n => n.Text.Contains("转报更名申请", StringComparison.Ordinal));
        await using var enterprise = test.ContextAs("enterprise");
        Assert.Contains(await enterprise.Notifications.ToListAsync(), n => n.Text.Contains("不予转报。理由：企业尚未完成工商变更登记", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForwardAsync_SecondTime_AlreadyDoneOpinionOnce()
    {
        await using var test = await ServiceHost.CreateAsync();
        var id = await RequestAsync(test, "A13", "NMDW-2025-0003", "1501");
        var stamp = (await RowAsync(test, "bureau.reviewer", id)).Stamp;
        var service = test.As<RenameForwarding>("bureau.reviewer");

        await service.ForwardAsync(id, stamp, "同意");
        var second = await service.ForwardAsync(id, stamp, "同意（第二次）");
        var decline = await service.DeclineAsync(id, stamp, "不同意");

        Assert.Equal(ReviewOutcomeKind.AlreadyDone, second.Kind);
        Assert.Equal(ReviewOutcomeKind.AlreadyDone, decline.Kind);
        await using var db = test.SystemContext();
        var stored = await db.RenameRequests.SingleAsync(r => r.Id == id);
        Assert.Equal(("同意", RenameRequestState.Forwarded), (stored.BureauOpinion, stored.State));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.EntityId == id.ToString("D")));
    }

    [Theory]
    [InlineData(true, "", "请填写盟市意见（是否同意更名及理由）")]
    [InlineData(true, "   ", "请填写盟市意见（是否同意更名及理由）")]
    [InlineData(false, "", "请填写不予转报的理由")]
    public async Task ActAsync_NoOpinion_Invalid(bool forward, string opinion, string message)
    {
        await using var test = await ServiceHost.CreateAsync();
        var id = await RequestAsync(test, "A13", "NMDW-2025-0003", "1501");
        var stamp = (await RowAsync(test, "bureau.reviewer", id)).Stamp;
        var service = test.As<RenameForwarding>("bureau.reviewer");

        var outcome = forward ? await service.ForwardAsync(id, stamp, opinion) : await service.DeclineAsync(id, stamp, opinion);

        Assert.Equal(message, Assert.Single(outcome.Errors).Message);
    }

    [Theory]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public async Task ForwardAsync_OpinionLength_AtAndAboveTheLimit(int length, bool accepted)
    {
        await using var test = await ServiceHost.CreateAsync();
        var id = await RequestAsync(test, "A13", "NMDW-2025-0003", "1501");
        var stamp = (await RowAsync(test, "bureau.reviewer", id)).Stamp;

        var outcome = await test.As<RenameForwarding>("bureau.reviewer").ForwardAsync(id, stamp, new string('同', length));

        Assert.Equal(accepted, outcome.Succeeded);
    }

    [Fact]
    public async Task ForwardAsync_OtherBureau_NotFoundAndNotListed()
    {
        await using var test = await ServiceHost.CreateAsync();
        var id = await RequestAsync(test, "A13", "NMDW-2025-0003", "1501");

        var outcome = await test.As<RenameForwarding>("bureau2.reviewer").ForwardAsync(id, Guid.NewGuid(), "同意");
        var declined = await test.As<RenameForwarding>("bureau2.reviewer").DeclineAsync(id, Guid.NewGuid(), "不同意");

        Assert.Equal((ReviewOutcomeKind.NotFound, ReviewOutcomeKind.NotFound), (outcome.Kind, declined.Kind));
        Assert.Empty(await test.As<RenameForwarding>("bureau2.reviewer").ListAsync());
    }

    [Fact]
    public async Task ForwardAsync_RevokedRecognition_Refused()
    {
        // ApplicationWorkflow: 更名 is possible only on 已授牌; A11 was revoked (第十条（四）).
        await using var test = await ServiceHost.CreateAsync();
        var id = await RequestAsync(test, "A11", "NMDW-2025-0002", "1507");
        var stamp = (await RowAsync(test, "leader.1507", id)).Stamp;

        var outcome = await test.As<RenameForwarding>("leader.1507").ForwardAsync(id, stamp, "同意");

        Assert.Equal(ReviewOutcomeKind.Refused, outcome.Kind);
        Assert.Equal("该认定当前状态为“已撤销称号”，更名申请不能转报", outcome.Message);
    }

    [Fact]
    public async Task ListAsync_Demo_WaitingFirstOwnBureauOnly()
    {
        await using var test = await ServiceHost.CreateAsync();

        var hohhot = await test.As<RenameForwarding>("bureau.reviewer").ListAsync();
        var tongliao = await test.As<RenameForwarding>("leader.1505").ListAsync();

        // The demo's waiting request of A13 (1501) and forwarded one of A10 (1505).
        Assert.Equal(RenameRequestState.Submitted, Assert.Single(hohhot).State);
        Assert.Equal(RenameRequestState.Forwarded, Assert.Single(tongliao).State);
        Assert.NotNull(tongliao[0].BureauOpinion);
    }

    private static async Task<RenameRow> RowAsync(ServiceHost test, string user, Guid id) =>
        Assert.Single(await test.As<RenameForwarding>(user).ListAsync(), r => r.Id == id);

    /// <summary>The enterprise's request as the enterprise half of the portal records it.</summary>
    private static async Task<Guid> RequestAsync(ServiceHost test, string application, string certificate, string league)
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
        };
        db.RenameRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }
}
