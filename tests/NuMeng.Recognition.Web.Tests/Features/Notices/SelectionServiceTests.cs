using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Features.Notices;
using NuMeng.Recognition.Web.Tests.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Notices;

/// <summary>
/// 管理办法 第八条: "经厅党组会审议通过后，向社会公示，公示期 5 天" — pre-selection from the results, the party-group
/// decision, and the notice with its end date computed by the domain (民法典 第二百零一条、第二百零三条).
/// </summary>
public sealed class SelectionServiceTests
{
    [Fact]
    public async Task Propose_TickedAndUnticked_PreSelectedAndNotSelectedRankedByScore()
    {
        await using var db = await ServiceHost.CreateAsync();
        var high = await NoticesArrange.CandidateAsync(db, 2, "测试甲智能工厂", [90m, 80m]);
        var low = await NoticesArrange.CandidateAsync(db, 4, "测试乙智能工厂", [70m, 60m]);
        var failed = await NoticesArrange.CandidateAsync(db, 5, "测试丙智能工厂", [95m, 95m], passed: false);

        var view = await NoticesArrange.Service<SelectionQueries>(db, "dept.staff").LoadAsync(NoticesArrange.Batch);
        Assert.NotNull(view);
        Assert.Equal(new[] { high, low }, view.Candidates.Select(c => c.ApplicationId));        // the failed on-site check is no candidate
        Assert.Equal(85m, view.Candidates[0].Score.Result);                              // mean of 90 and 80 (fewer than 5 experts)

        var service = NoticesArrange.Service<SelectionService>(db, "dept.staff");
        var unconfirmed = await service.ProposeAsync(NoticesArrange.Batch, [high], confirmed: false);
        Assert.Equal("confirm", Assert.Single(unconfirmed.Errors).Field);
        Assert.Equal(ApplicationState.OnSiteVerification, await NoticesArrange.StateOfAsync(db, high));

        var outcome = await service.ProposeAsync(NoticesArrange.Batch, [high], confirmed: true);
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(ApplicationState.PreSelected, await NoticesArrange.StateOfAsync(db, high));
        Assert.Equal(ApplicationState.NotSelected, await NoticesArrange.StateOfAsync(db, low));
        Assert.Equal(ApplicationState.OnSiteVerification, await NoticesArrange.StateOfAsync(db, failed));
        await using var ctx = db.SystemContext();
        var list = await ctx.PreSelectionLists.Include(l => l.Entries).SingleAsync(l => l.Id == outcome.Id);
        var entry = Assert.Single(list.Entries);
        Assert.Equal((high, 1, 85m), (entry.ApplicationId, entry.Rank, entry.Score!.Value));
        Assert.True(await ctx.AuditEntries.AnyAsync(a => a.Action == "selection.propose"));

        var again = await service.ProposeAsync(NoticesArrange.Batch, [high], confirmed: true);
        Assert.False(again.Succeeded);                                                   // nothing left to decide
    }

    [Fact]
    public async Task PartyGroup_StaffRefused_LeaderRecordsApprovedSubset()
    {
        await using var db = await ServiceHost.CreateAsync();
        var a = await NoticesArrange.CandidateAsync(db, 2, "测试甲智能工厂", [88m]);
        var b = await NoticesArrange.CandidateAsync(db, 4, "测试乙智能工厂", [86m]);
        Assert.True((await NoticesArrange.Service<SelectionService>(db, "dept.staff").ProposeAsync(NoticesArrange.Batch, [a, b], true)).Succeeded);

        var input = new PartyGroupInput("2026年第12次厅党组会", new DateOnly(2026, 11, 20), [a]);
        // The workflow table: 拟入选预选名单 → 厅党组会审议通过 is the department leader's row.
        var staff = await NoticesArrange.Service<SelectionService>(db, "dept.staff").RecordPartyGroupAsync(NoticesArrange.Batch, input, true);
        Assert.Equal(NoticesOutcomeKind.Refused, staff.Kind);

        var future = await NoticesArrange.Service<SelectionService>(db, "dept.leader")
            .RecordPartyGroupAsync(NoticesArrange.Batch, input with { MeetingDate = new DateOnly(2026, 11, 22) }, true);
        Assert.Equal("meetingDate", Assert.Single(future.Errors).Field);                // the day after today (2026-11-21)

        var outcome = await NoticesArrange.Service<SelectionService>(db, "dept.leader").RecordPartyGroupAsync(NoticesArrange.Batch, input, true);
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(ApplicationState.PartyGroupApproved, await NoticesArrange.StateOfAsync(db, a));
        Assert.Equal(ApplicationState.NotSelected, await NoticesArrange.StateOfAsync(db, b));
        await using var ctx = db.SystemContext();
        var decision = await ctx.PartyGroupDecisions.Include(d => d.ApprovedEntries).SingleAsync(d => d.Id == outcome.Id);
        Assert.Equal("2026年第12次厅党组会", decision.MeetingNumber);
        Assert.Equal(a, Assert.Single(decision.ApprovedEntries).ApplicationId);
    }

    [Theory]
    // HOLIDAYS.md: 5 calendar days from Friday 2026-02-13 → the 18th is in the 春节 holiday (2月15日–23日) → ends 2026-02-24.
    [InlineData("2026-02-13", "2026-02-24")]
    // An ordinary week: Monday 2026-11-16 + 5 days = Saturday 21st, a rest day → Monday 23rd (第二百零三条).
    [InlineData("2026-11-16", "2026-11-23")]
    // Tuesday 2026-11-17 + 5 days = Sunday 22nd → Monday 23rd.
    [InlineData("2026-11-17", "2026-11-23")]
    // Wednesday 2026-11-18 + 5 days = Monday 23rd, a working day: no extension.
    [InlineData("2026-11-18", "2026-11-23")]
    public async Task Publish_EndDateComputedFromRuleSetAndHolidayTable(string publishedOn, string endsOn)
    {
        await using var db = await ServiceHost.CreateAsync();
        var published = DateOnly.Parse(publishedOn, System.Globalization.CultureInfo.InvariantCulture);
        NoticesArrange.SetDay(db, published.AddDays(-1));
        var a = await NoticesArrange.CandidateAsync(db, 2, "测试甲智能工厂", [88m]);
        Assert.True((await NoticesArrange.Service<SelectionService>(db, "dept.staff").ProposeAsync(NoticesArrange.Batch, [a], true)).Succeeded);
        Assert.True((await NoticesArrange.Service<SelectionService>(db, "dept.leader")
            .RecordPartyGroupAsync(NoticesArrange.Batch, new PartyGroupInput("第1次", published.AddDays(-1), [a]), true)).Succeeded);
        NoticesArrange.SetDay(db, published);

        var preview = await NoticesArrange.Service<SelectionQueries>(db, "dept.staff").LoadAsync(NoticesArrange.Batch);
        Assert.Equal(endsOn, preview!.PublishPreview.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        var service = NoticesArrange.Service<SelectionService>(db, "dept.staff");
        Assert.Equal("confirm", Assert.Single((await service.PublishAsync(NoticesArrange.Batch, new NoticeInput("关于测试名单的公示", "工信厅 0471-1234567"), false)).Errors).Field);
        var outcome = await service.PublishAsync(NoticesArrange.Batch, new NoticeInput("关于测试名单的公示", "工信厅 0471-1234567"), true);
        Assert.True(outcome.Succeeded, outcome.Message);

        await using var ctx = db.SystemContext();
        var notice = await ctx.PublicNotices.Include(n => n.Entries).SingleAsync(n => n.Id == outcome.Id);
        Assert.Equal((published, 5, PublicNoticeState.Open), (notice.PublishedOn, notice.PeriodLength, notice.State));
        Assert.Equal(endsOn, notice.EndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var entry = Assert.Single(notice.Entries);
        Assert.Equal("测试甲智能工厂", entry.WorkshopOrFactoryName);
        Assert.False(string.IsNullOrEmpty(entry.EnterpriseName));
        Assert.Equal(ApplicationState.InPublicNotice, await NoticesArrange.StateOfAsync(db, a));

        // Public at once: an anonymous reader sees it.
        var list = await NoticesArrange.Service<PublicNoticeQueries>(db, null).ListAsync();
        Assert.Contains(list, n => n.Id == notice.Id && n.IsOpen);
    }
}
