using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Objections;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web;
using NuMeng.Recognition.Web.Features.Notices;
using NuMeng.Recognition.Web.Tests.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Notices;

/// <summary>
/// docs/rule-reference.md §9 "Objections": signed, anonymous refused, identity confidential, a case received → verified → decided
/// (upheld: the enterprise leaves the list; dismissed: it stays), the enterprise may be asked to respond. Demo A9 is 公示中
/// with an open notice published the day before the demo was seeded.
/// </summary>
public sealed class ObjectionServiceTests
{
    private const string ObjectorName = "张明远";
    private const string ObjectorPhone = "13904710000";

    private static async Task<(ServiceHost Db, PublicNotice Notice)> OpenA9NoticeAsync()
    {
        var db = await ServiceHost.CreateAsync();
        await using var ctx = db.SystemContext();
        var notice = await ctx.PublicNotices.AsNoTracking().SingleAsync(n => n.Entries.Any(e => e.ApplicationId == NoticesArrange.A9));
        NoticesArrange.SetDay(db, notice.PublishedOn.AddDays(1));
        return (db, notice);
    }

    private static Task<ObjectionIntakeResult> SubmitAsync(ServiceHost db, Guid noticeId, string name = ObjectorName, bool scan = true) =>
        NoticesArrange.Service<ObjectionIntakeService>(db, null).SubmitAsync(noticeId,
            new ObjectionForm(ObjectorType.Individual, NoticesArrange.A9, name, ObjectorPhone, "该企业申报的装备数控化率与实际不符，部分设备未联网。"),
            scan ? new ObjectionScan(NoticesArrange.Pdf(), "异议书.pdf", 40) : null);

    [Fact]
    public async Task Submit_Anonymously_RegistersCaseVisibleToDepartmentOnly()
    {
        var (db, notice) = await OpenA9NoticeAsync();
        await using var _ = db;
        var result = await SubmitAsync(db, notice.Id);
        Assert.Equal(ObjectionIntakeKind.Accepted, result.Kind);
        Assert.Matches(@"^YY-\d{4}-0001$", result.CaseNumber);
        Assert.Equal(ObjectionIntakeKind.Accepted, (await SubmitAsync(db, notice.Id)).Kind);

        await using var ctx = db.SystemContext();
        var objection = await ctx.Objections.OrderBy(o => o.CaseNumber).FirstAsync();
        Assert.Equal((ObjectorName, ObjectorPhone, ObjectionState.Received), (objection.ObjectorName, objection.Contact, objection.State));
        var scan = await ctx.Attachments.SingleAsync(f => f.Id == objection.SignedScanAttachmentId);
        Assert.Equal((WellKnownIds.Department, (Guid?)null), (scan.OwnerOrganisationId, scan.ApplicationId));
        Assert.Equal(2, await ctx.Objections.CountAsync());

        // The scan and the case: the department only. The enterprise of A9, a bureau, the agency and the public see nothing.
        foreach (var user in new[] { DemoSeeder.EnterpriseUserName(6), "leader.1504", "agency", "expert" })
        {
            await using var other = db.ContextAs(user);
            Assert.False(await other.Attachments.AnyAsync(f => f.Id == scan.Id), user);
            Assert.False(await other.Objections.AnyAsync(), user);
        }
        await using var dept = db.ContextAs("dept.staff");
        Assert.True(await dept.Attachments.AnyAsync(f => f.Id == scan.Id));
        // The audit entry names the case, never the objector.
        var audit = await ctx.AuditEntries.Where(a => a.Action == "objection.receive").Select(a => a.SummaryJson).FirstAsync();
        Assert.DoesNotContain(ObjectorName, audit, StringComparison.Ordinal);
        Assert.DoesNotContain(ObjectorPhone, audit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("匿名", true)]
    [InlineData("", true)]
    [InlineData(ObjectorName, false)]
    public async Task Submit_AnonymousOrWithoutScan_Refused(string name, bool scan)
    {
        var (db, notice) = await OpenA9NoticeAsync();
        await using var _ = db;
        var result = await SubmitAsync(db, notice.Id, name, scan);
        Assert.Equal(ObjectionIntakeKind.Invalid, result.Kind);
        Assert.Contains(result.Errors, e => e.Field == (scan ? "name" : "scan"));
        await using var ctx = db.SystemContext();
        Assert.False(await ctx.Objections.AnyAsync());
    }

    [Fact]
    public async Task Submit_OnLastDayAccepted_DayAfterRefused()
    {
        var (db, notice) = await OpenA9NoticeAsync();
        await using var _ = db;
        // 民法典 第二百零三条: the last day runs to 24:00.
        db.Clock.MoveTo(new DateTimeOffset(notice.EndsOn.ToDateTime(new TimeOnly(23, 59)), TimeSpan.FromHours(8)));
        Assert.Equal(ObjectionIntakeKind.Accepted, (await SubmitAsync(db, notice.Id)).Kind);
        db.Clock.MoveTo(new DateTimeOffset(notice.EndsOn.AddDays(1).ToDateTime(new TimeOnly(0, 0)), TimeSpan.FromHours(8)));
        var late = await SubmitAsync(db, notice.Id);
        Assert.Equal(ObjectionIntakeKind.Closed, late.Kind);
        Assert.Contains("不再受理异议", late.Message, StringComparison.Ordinal);
        await using var ctx = db.SystemContext();
        Assert.Equal(1, await ctx.Objections.CountAsync());
    }

    [Fact]
    public async Task Uphold_AfterVerification_ApplicationRemovedAfterObjection()
    {
        var (db, notice) = await OpenA9NoticeAsync();
        await using var _ = db;
        await SubmitAsync(db, notice.Id);
        await using var ctx = db.SystemContext();
        var id = await ctx.Objections.Select(o => o.Id).SingleAsync();
        var cases = NoticesArrange.Service<ObjectionCaseService>(db, "dept.staff");

        var early = await cases.DecideAsync(id, (await cases.LoadAsync(id))!.Stamp, upheld: true, "数据不实，异议成立。", confirmed: true);
        Assert.Equal(OutcomeKind.Refused, early.Kind);                  // not verified yet
        Assert.True((await cases.VerifyAsync(id, (await cases.LoadAsync(id))!.Stamp, "经现场复核，12 台设备未联网。")).Succeeded);
        var stale = await cases.DecideAsync(id, Guid.NewGuid(), upheld: true, "数据不实，异议成立。", confirmed: true);
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.Equal("reasons", Assert.Single((await cases.DecideAsync(id, (await cases.LoadAsync(id))!.Stamp, true, "", true)).Errors).Field);

        var outcome = await cases.DecideAsync(id, (await cases.LoadAsync(id))!.Stamp, upheld: true, "经核实装备数控化率不足 60%，异议成立。", confirmed: true);
        Assert.True(outcome.Succeeded, outcome.Message);
        var view = await cases.LoadAsync(id);
        Assert.Equal((ObjectionState.Upheld, ApplicationState.RemovedAfterObjection), (view!.State, view.ApplicationState));
        Assert.Equal(ApplicationState.RemovedAfterObjection, await NoticesArrange.StateOfAsync(db, NoticesArrange.A9));
        Assert.True(await ctx.AuditEntries.AnyAsync(a => a.Action == "objection.uphold"));
        Assert.Equal(OutcomeKind.Refused, (await cases.DecideAsync(id, view.Stamp, false, "再次决定的理由", true)).Kind);
    }

    [Fact]
    public async Task Dismiss_ApplicationStaysInNotice()
    {
        var (db, notice) = await OpenA9NoticeAsync();
        await using var _ = db;
        await SubmitAsync(db, notice.Id);
        await using var ctx = db.SystemContext();
        var id = await ctx.Objections.Select(o => o.Id).SingleAsync();
        var cases = NoticesArrange.Service<ObjectionCaseService>(db, "dept.staff");
        Assert.True((await cases.VerifyAsync(id, (await cases.LoadAsync(id))!.Stamp, "经核实，设备均已联网。")).Succeeded);
        Assert.True((await cases.DecideAsync(id, (await cases.LoadAsync(id))!.Stamp, false, "企业提供了联网记录，异议不成立。", true)).Succeeded);
        Assert.Equal(ApplicationState.InPublicNotice, await NoticesArrange.StateOfAsync(db, NoticesArrange.A9));
    }

    [Fact]
    public async Task ResponseRequest_EnterpriseSeesRequestNeverObjector_AnswersOnce()
    {
        var (db, notice) = await OpenA9NoticeAsync();
        await using var _ = db;
        var caseNumber = (await SubmitAsync(db, notice.Id)).CaseNumber;
        await using var ctx = db.SystemContext();
        var id = await ctx.Objections.Select(o => o.Id).SingleAsync();
        var cases = NoticesArrange.Service<ObjectionCaseService>(db, "dept.staff");
        var leak = await cases.RequestResponseAsync(id, (await cases.LoadAsync(id))!.Stamp, $"请就{ObjectorName}反映的问题说明");
        Assert.Equal("request", Assert.Single(leak.Errors).Field);             // the objector's name must not reach the enterprise
        Assert.True((await cases.RequestResponseAsync(id, (await cases.LoadAsync(id))!.Stamp, "请说明车间设备联网情况并提供监控记录。")).Succeeded);

        var owner = DemoSeeder.EnterpriseUserName(6);
        var mine = await NoticesArrange.Service<ObjectionResponseService>(db, owner).ListMineAsync();
        var request = Assert.Single(mine);
        Assert.Equal((caseNumber, "请说明车间设备联网情况并提供监控记录。"), (request.CaseNumber, request.Request));
        var json = JsonSerializer.Serialize(mine);
        Assert.DoesNotContain(ObjectorName, json, StringComparison.Ordinal);
        Assert.DoesNotContain(ObjectorPhone, json, StringComparison.Ordinal);
        Assert.DoesNotContain("部分设备未联网", json, StringComparison.Ordinal);  // nor the objection's own text
        Assert.Empty(await NoticesArrange.Service<ObjectionResponseService>(db, "enterprise").ListMineAsync()); // another enterprise

        var other = await NoticesArrange.Service<ObjectionResponseService>(db, "enterprise").RespondAsync(id, "不是我们的申报", true);
        Assert.Equal(OutcomeKind.NotFound, other.Kind);
        var responses = NoticesArrange.Service<ObjectionResponseService>(db, owner);
        Assert.True((await responses.RespondAsync(id, "车间 48 台设备均已联网，附监控平台截图。", true)).Succeeded);
        Assert.Equal(OutcomeKind.Refused, (await responses.RespondAsync(id, "再次说明的内容", true)).Kind);
        Assert.Equal("车间 48 台设备均已联网，附监控平台截图。", (await cases.LoadAsync(id))!.EnterpriseResponse);
    }
}
