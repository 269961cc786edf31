using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Organisations;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web;
using NuMeng.Recognition.Web.Features.Panels;
using NuMeng.Recognition.Web.Tests.Features.Review;
using static NuMeng.Recognition.Web.Tests.Features.Panels.PanelArrange;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Panels;

/// <summary>
/// The panel services on the seeded demo ("Scoring summary", "On-site verification results"):
/// balanced load, conflicts refused, recusal with a replacement, points hidden until the panel closes, the batch's
/// trimmed mean on 5 scores, the workflow's steps, the pool, and tenancy (the agency only for its entrusted batches).
/// </summary>
public sealed class PanelServiceTests
{
    [Fact]
    public async Task Suggestions_AfterAssignmentInBatch_LeastLoadedExpertFirst()
    {
        // "assign experts to applications with balanced load". A4 and A7 are both in the 2026 基础级 batch; for
        // A7 (呼和浩特, 乳制品制造) 李慧敏 (智能制造) and 王建国 (装备制造) both match and are both from 呼和浩特.
        await using var db = await ServiceHost.CreateAsync();
        await db.AcceptAsync(A4);
        await db.AcceptAsync(A7);
        var before = (await db.CaseAsync(A7)).Plan.Suggestions;
        Assert.Equal(["李慧敏", "王建国"], before.Take(2).Select(s => s.Expert.Name));
        Assert.All(before.Take(2), s => Assert.Equal(0, s.Load));

        await db.AssignAsync(A4, 2, PanelRole.Leader);

        var after = (await db.CaseAsync(A7)).Plan.Suggestions;
        Assert.Equal(["王建国", "李慧敏"], after.Take(2).Select(s => s.Expert.Name));
        Assert.Equal(1, after.Single(s => s.Expert.Name == "李慧敏").Load);
        Assert.Contains("本批次已承担 1 件评审", after.Single(s => s.Expert.Name == "李慧敏").Reasons);
    }

    [Fact]
    public async Task Assign_ExpertLinkedToTheApplicationsConsultancy_RefusedWithReason()
    {
        // A8 was prepared by 北疆智能制造咨询有限公司; expert 9 (周丽娟) works there and lists it among her links.
        await using var db = await ServiceHost.CreateAsync();
        var stamp = await db.StampAsync(A8);

        var outcome = await db.Service<PanelService>("dept.staff").AssignAsync(A8, stamp, DemoSeeder.ExpertId(9), PanelRole.Member, null);

        Assert.Equal(OutcomeKind.Refused, outcome.Kind);
        Assert.Contains("利益冲突", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("北疆智能制造咨询有限公司", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(stamp, await db.StampAsync(A8));
        var plan = (await db.CaseAsync(A8)).Plan;
        Assert.DoesNotContain(plan.Suggestions, s => s.Expert.ExpertId == DemoSeeder.ExpertId(9));
        Assert.Contains(plan.Excluded, e => e.Expert.ExpertId == DemoSeeder.ExpertId(9) && e.Conflicts.Any(c => c.Kind == Domain.ExpertReview.ConflictKind.Consultancy));
    }

    [Fact]
    public async Task Assign_StaleStamp_ConflictAndNothingSaved()
    {
        await using var db = await ServiceHost.CreateAsync();
        await db.AcceptAsync(A4);
        var stale = await db.StampAsync(A4);
        await db.AssignAsync(A4, 2, PanelRole.Leader);

        var outcome = await db.Service<PanelService>("dept.staff").AssignAsync(A4, stale, DemoSeeder.ExpertId(3), PanelRole.Member, null);

        Assert.Equal(OutcomeKind.Conflict, outcome.Kind);
        Assert.Single((await db.CaseAsync(A4)).Members);
    }

    [Fact]
    public async Task Recuse_UndeclaredMember_RecordedAndReplacementSuggested()
    {
        await using var db = await ServiceHost.CreateAsync();
        var a8 = await db.CaseAsync(A8);
        var lihuimin = a8.Members.Single(m => m.Row.ExpertId == DemoSeeder.ExpertId(2));

        var outcome = await db.Service<PanelService>("dept.staff").RecuseAsync(A8, a8.Application.Stamp, lihuimin.Row.AssignmentId, "专家电话告知：近三年曾为该企业提供技术服务");

        Assert.True(outcome.Succeeded, outcome.Message);
        var after = await db.CaseAsync(A8);
        var recused = after.Members.Single(m => m.Row.ExpertId == DemoSeeder.ExpertId(2));
        Assert.True(recused.Row.Recused);
        Assert.Equal(ConflictDeclaration.Declared, recused.Row.Conflict);
        Assert.Equal("专家电话告知：近三年曾为该企业提供技术服务", recused.Row.ConflictReason);
        var replacement = Assert.IsType<Domain.ExpertReview.PanelSuggestion>(recused.Replacement);
        Assert.DoesNotContain(replacement.Expert.ExpertId, after.Members.Select(m => m.Row.ExpertId));
        Assert.Equal("替换回避的专家李慧敏", replacement.Reasons[0]);
        // A8 is 鄂尔多斯 现代煤化工: 杨晓红 (煤化工) matches the industry but is from 鄂尔多斯 too; she is still the best.
        Assert.Equal("杨晓红", replacement.Expert.Name);
        Assert.Equal(1, after.Progress.Assigned);
        Assert.Equal(2, after.Progress.Recused);
        await using var ctx = db.SystemContext();
        Assert.True(await ctx.AuditEntries.AnyAsync(e => e.Action == "panel.recuse" && e.EntityId == lihuimin.Row.AssignmentId.ToString("D")));
    }

    [Fact]
    public async Task Summary_OpenPanel_DepartmentSeesCountsNeverPoints()
    {
        // ADR 0008 / "each expert's scores (visible to the department only once the panel closes)".
        await using var db = await ServiceHost.CreateAsync();
        await db.AssignAsync(A8, 6); // 杨晓红 joins
        await db.ScoreAsync(A8, 1, 88m);
        await db.ScoreAsync(A8, 2, 90m);
        await db.ScoreAsync(A8, 6, 84m);

        // Every sheet submitted, but no consensus yet: still open.
        var open = await db.CaseAsync(A8);
        Assert.False(open.Progress.Closed);
        Assert.Null(open.Summary);
        Assert.Equal((3, 3, false), (open.Progress.ScoresSubmitted, open.Progress.ScoresExpected, open.Progress.ConsensusWritten));
        Assert.False(open.Members.Any(m => m.Row.GetType().GetProperties().Any(p => p.PropertyType == typeof(decimal))),
            "评审组未结束时，成员行不得携带分数");

        await db.ScoreAsync(A8, 1, 88m, consensus: "专家组一致认为该企业达到智能工厂认定要求。");
        var closed = await db.CaseAsync(A8);
        Assert.True(closed.Progress.Closed);
        var summary = Assert.IsType<PanelSummary>(closed.Summary);
        Assert.Equal(new Dictionary<string, decimal> { ["王建国"] = 88m, ["李慧敏"] = 90m, ["杨晓红"] = 84m },
            summary.Sheets.ToDictionary(s => s.Expert, s => s.Total));
        Assert.Equal(87.33m, summary.Aggregate.Result);
        Assert.Empty(summary.Aggregate.Dropped);
        Assert.Equal("王建国", summary.LeaderName);
        Assert.Equal("专家组一致认为该企业达到智能工厂认定要求。", summary.ConsensusOpinion);
        Assert.Equal(("装备数字化", 15m, 15m, "装备数字化符合要求"),
            summary.Sheets.Single(s => s.Expert == "王建国").Items.Select(i => (i.Name, i.MaxPoints!.Value, i.Points, i.Comment!)).First());
    }

    [Fact]
    public async Task FullPanel_FiveScores_TrimmedMeanThenOnSite()
    {
        // The 2026 基础级 batch uses the default rule: drop one highest and one lowest from 5 experts (inclusive).
        await using var db = await ServiceHost.CreateAsync();
        await db.AcceptAsync(A4);
        await db.AssignAsync(A4, 2, PanelRole.Leader);
        var service = db.Service<PanelService>("dept.staff");
        await db.AssignAsync(A4, 1);
        var tooFew = await service.StartReviewAsync(A4, await db.StampAsync(A4));
        Assert.Equal(OutcomeKind.Refused, tooFew.Kind);
        Assert.Equal("评审组至少需要 3 位未回避的专家（当前 2 位）", tooFew.Message);
        foreach (var n in new[] { 4, 5, 7 })
        {
            await db.AssignAsync(A4, n);
        }

        var started = await service.StartReviewAsync(A4, await db.StampAsync(A4));
        Assert.True(started.Succeeded, started.Message);
        Assert.StartsWith("专家评审已开始，已通知 5 位专家", started.Message, StringComparison.Ordinal);
        await using (var ctx = db.SystemContext())
        {
            Assert.Equal(ApplicationState.UnderExpertReview, (await ctx.Applications.SingleAsync(a => a.Id == A4)).State);
        }
        // 王建国 and 李慧敏 have accounts (expert, expert2): each is told to declare first, with a link to the assignment.
        foreach (var user in new[] { "expert", "expert2" })
        {
            await using var mine = db.ContextAs(user);
            var note = await mine.Notifications.SingleAsync(n => n.Text.Contains("请先声明是否存在利益冲突"));
            Assert.StartsWith("/expert/assignments/", note.Link, StringComparison.Ordinal);
        }

        var early = await service.StartOnSiteAsync(A4, await db.StampAsync(A4));
        Assert.Equal(OutcomeKind.Refused, early.Kind);

        foreach (var (n, total) in new[] { (1, 80m), (4, 85m), (5, 99m), (7, 60m) })
        {
            await db.ScoreAsync(A4, n, total);
        }
        await db.ScoreAsync(A4, 2, 90m, consensus: "同意认定。");
        var summary = Assert.IsType<PanelSummary>((await db.CaseAsync(A4)).Summary);
        Assert.Equal(85m, summary.Aggregate.Result);
        Assert.Equal([99m, 60m], summary.Aggregate.Dropped);
        Assert.Equal("共5位专家评分，去掉最高分99和最低分60，其余3个评分的平均分为85", summary.Aggregate.Explanation);

        var onSite = await service.StartOnSiteAsync(A4, await db.StampAsync(A4));
        Assert.True(onSite.Succeeded, onSite.Message);
        Assert.Equal(ApplicationState.OnSiteVerification, (await db.CaseAsync(A4)).Application.State);
        await using var check = db.SystemContext();
        Assert.Equal(["application.start-expert-review", "application.start-onsite"],
            await check.AuditEntries.Where(e => e.EntityId == A4.ToString("D") && e.Action.StartsWith("application.start")).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task Remove_DeclaredExpert_Refused_UndeclaredRemoved()
    {
        await using var db = await ServiceHost.CreateAsync();
        var a8 = await db.CaseAsync(A8);
        var service = db.Service<PanelService>("dept.staff");
        var declared = a8.Members.Single(m => m.Row.ExpertId == DemoSeeder.ExpertId(1)).Row.AssignmentId;
        var undeclared = a8.Members.Single(m => m.Row.ExpertId == DemoSeeder.ExpertId(2)).Row.AssignmentId;

        Assert.Equal(OutcomeKind.Refused, (await service.RemoveAsync(A8, a8.Application.Stamp, declared)).Kind);
        Assert.True((await service.RemoveAsync(A8, a8.Application.Stamp, undeclared)).Succeeded);
        Assert.DoesNotContain((await db.CaseAsync(A8)).Members, m => m.Row.AssignmentId == undeclared);
    }

    [Fact]
    public async Task Agency_EntrustedBatch_SeesPanel_OtherBatchNotFound()
    {
        await using var db = await ServiceHost.CreateAsync();
        Assert.NotNull(await db.Service<PanelCaseQuery>("agency").LoadAsync(A8));
        // The entrusted agency forms the panel of an accepted application of its batch (tenancy: from 工信厅已受理 on).
        Assert.Null(await db.Service<PanelCaseQuery>("agency").LoadAsync(A4));
        await db.AcceptAsync(A4);
        Assert.NotNull(await db.Service<PanelCaseQuery>("agency").LoadAsync(A4));

        // Another agency is entrusted with A8's batch: the demo agency no longer reaches it.
        await using (var ctx = db.SystemContext())
        {
            var other = new Organisation { Kind = OrganisationKind.Agency, Name = "另一家评估机构（测试）" };
            ctx.Organisations.Add(other);
            var batch = await ctx.Batches.SingleAsync(b => b.Id == BatchOf(A8));
            batch.EntrustedAgencyId = other.Id;
            await ctx.SaveChangesAsync();
        }
        Assert.Null(await db.Service<PanelCaseQuery>("agency").LoadAsync(A8));
        var outcome = await db.Service<PanelService>("agency").AssignAsync(A8, Guid.Empty, DemoSeeder.ExpertId(6), PanelRole.Member, null);
        Assert.Equal(OutcomeKind.NotFound, outcome.Kind);
        var board = await db.Service<PanelBoard>("agency").LoadAsync(new PanelFilter());
        Assert.DoesNotContain(board!.Batches.SelectMany(b => b.Rows), r => r.ApplicationId == A8);
    }

    [Theory]
    [InlineData("enterprise")]
    [InlineData("bureau.reviewer")]
    [InlineData("expert")]
    public async Task Services_OtherRoles_Refused(string user)
    {
        await using var db = await ServiceHost.CreateAsync();

        Assert.Null(await db.Service<PanelCaseQuery>(user).LoadAsync(A8));
        Assert.Null(await db.Service<PanelBoard>(user).LoadAsync(new PanelFilter()));
        Assert.Null(await db.Service<ExpertPool>(user).ListAsync());
        var outcome = await db.Service<PanelService>(user).StartOnSiteAsync(A8, Guid.Empty);
        Assert.Equal((OutcomeKind.Refused, PanelDesk.NotManagerMessage), (outcome.Kind, outcome.Message));
    }

    [Fact]
    public async Task Board_Department_A8WithProgressCounts()
    {
        await using var db = await ServiceHost.CreateAsync();

        var board = await db.Service<PanelBoard>("dept.staff").LoadAsync(new PanelFilter(State: ApplicationState.UnderExpertReview));

        var row = board!.Batches.SelectMany(b => b.Rows).Single(r => r.ApplicationId == A8);
        Assert.Equal(new PanelProgress(2, 1, 1, 0, 2, false, false, false), row.Progress);
        Assert.Equal("王建国", row.Leader);
    }

    [Fact]
    public async Task Pool_DepartmentEdits_AgencyOnlyReads()
    {
        await using var db = await ServiceHost.CreateAsync();
        var input = new ExpertInput("孙志远", "高级工程师", "北疆有色集团有限公司", DemoSeeder.CreditCodeOf(6), "有色金属冶炼\n流程工业", "1502", "", null);

        var agency = await db.Service<ExpertPool>("agency").CreateAsync(input);
        Assert.Equal((OutcomeKind.Refused, PanelDesk.NotDepartmentMessage), (agency.Kind, agency.Message));

        var bad = await db.Service<ExpertPool>("dept.staff").CreateAsync(input with { EmployerCreditCode = "9115040", Fields = " " });
        Assert.Equal(["employerCreditCode", "fields"], bad.Errors.Select(e => e.Field));

        Assert.True((await db.Service<ExpertPool>("dept.staff").CreateAsync(input)).Succeeded);
        var pool = await db.Service<ExpertPool>("agency").ListAsync();
        var added = pool!.Single(p => p.Expert.Name == "孙志远").Expert;
        // The employer's credit code is a registered enterprise (demo enterprise 6): linked, so conflicts see it.
        Assert.Equal(DemoSeeder.Enterprise(6), added.EmployerOrganisationId);
        Assert.Equal(["有色金属冶炼", "流程工业"], added.Fields);

        var off = await db.Service<ExpertPool>("dept.staff").SetActiveAsync(added.Id, added.ConcurrencyStamp, active: false);
        Assert.True(off.Succeeded, off.Message);
        Assert.Contains((await db.CaseAsync(A8)).Plan.Excluded, e => e.Expert.Name == "孙志远" && e.Reasons.Contains("已停用"));
        var stale = await db.Service<ExpertPool>("dept.staff").UpdateAsync(added.Id, added.ConcurrencyStamp, input);
        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
    }
}
