using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Web.Features.ExpertDesk;
using NuMeng.Recognition.Web.Tests.Features.Review;
using static NuMeng.Recognition.Web.Tests.Features.ExpertDesk.ExpertArrange;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.ExpertDesk;

/// <summary>
/// The expert desk on the demo: A8 (高原煤化工, 智能工厂, 专家评审中) has expert 1 王建国 (组长, declared no conflict, a
/// draft sheet), expert 2 李慧敏 (组员, not declared) and expert 9 (recused for a consultancy link).
/// </summary>
public sealed class ExpertDeskServiceTests
{
    private static readonly Guid Leader = Assignment(A8, 1);
    private static readonly Guid Member = Assignment(A8, 2);

    [Fact]
    public async Task List_Expert_OwnAssignmentsWithStatesAndDeadline()
    {
        await using var db = await ServiceHost.CreateAsync();

        var mine = await db.Query("expert").ListAsync();
        var hers = await db.Query("expert2").ListAsync();

        Assert.Equal([(A8, ExpertDeskState.AwaitingScore), (A9, ExpertDeskState.Submitted)], mine.Select(r => (r.ApplicationId, r.State)).OrderBy(r => r.State));
        var row = Assert.Single(hers);
        Assert.Equal((A8, ExpertDeskState.AwaitingDeclaration, PanelRole.Member, RecognitionKind.SmartFactory), (row.ApplicationId, row.State, row.Role, row.Kind));
        Assert.Equal(new DateOnly(2025, 11, 30), row.Deadline);
        Assert.Contains("煤化工", row.EnterpriseName, StringComparison.Ordinal);
        Assert.Empty(await db.Query("dept.staff").ListAsync());
    }

    [Fact]
    public async Task Load_Undeclared_OnlyEnterpriseAndKindNoContent()
    {
        await using var db = await ServiceHost.CreateAsync();

        var c = await db.Query("expert2").LoadAsync(Member);

        Assert.NotNull(c);
        Assert.Null(c!.Content);
        Assert.Null(c.Panel);
        Assert.Equal(ExpertDeskState.AwaitingDeclaration, c.Row.State);
        // The filter agrees: nothing of the application is readable before the declaration.
        await using var context = db.ContextAs("expert2");
        Assert.False(await context.Applications.AnyAsync(a => a.Id == A8));
        Assert.False(await context.ApplicationVersions.AnyAsync(v => v.ApplicationId == A8));
        Assert.False(await context.Attachments.AnyAsync(f => f.ApplicationId == A8));
    }

    [Fact]
    public async Task Score_Undeclared_RefusedInChinese()
    {
        await using var db = await ServiceHost.CreateAsync();

        var outcome = await db.Sheets("expert2").SaveAsync(Member, null, FactorySheet(), null, submit: false);

        Assert.Equal((ExpertOutcomeKind.Refused, ScoreSheetService.UndeclaredRefusal), (outcome.Kind, outcome.Message));
    }

    [Fact]
    public async Task Declare_NoConflict_ContentWithVerdictAndFiles()
    {
        await using var db = await ServiceHost.CreateAsync();

        await db.DeclareNoneAsync("expert2", Member);
        var c = await db.Query("expert2").LoadAsync(Member);

        Assert.Equal(ExpertDeskState.AwaitingScore, c!.Row.State);
        Assert.NotNull(c.Content);
        Assert.Equal("煤制烯烃智能工厂", c.Content!.WorkshopOrFactoryName);
        Assert.Equal("装备清单.pdf", Assert.Single(c.Content.Files).FileName);
        Assert.Equal("智能工厂专家评分表（建议默认）", c.Rubric.Name);
        Assert.Equal(ConflictDeclaration.None, c.Conflict);
        var again = await db.Desk("expert2").DeclareAsync(Member, await db.StampAsync(Member), conflict: true, "后来想起");
        Assert.Equal(ExpertOutcomeKind.AlreadyDone, again.Kind);
    }

    [Fact]
    public async Task Declare_Conflict_RecusedNotifiedNoContentAndScoringRefused()
    {
        await using var db = await ServiceHost.CreateAsync();

        var outcome = await db.Desk("expert2").DeclareAsync(Member, await db.StampAsync(Member), conflict: true, "本人近三年曾为该企业提供技术咨询");
        Assert.Equal(ExpertOutcomeKind.Done, outcome.Kind);

        var score = await db.Sheets("expert2").SaveAsync(Member, null, FactorySheet(), null, submit: true);
        Assert.Equal((ExpertOutcomeKind.Refused, ScoreSheetService.ConflictRefusal), (score.Kind, score.Message));
        var c = await db.Query("expert2").LoadAsync(Member);
        Assert.Equal(ExpertDeskState.Recused, c!.Row.State);
        Assert.Null(c.Content);
        await using (var context = db.ContextAs("expert2"))
        {
            Assert.False(await context.Applications.AnyAsync(a => a.Id == A8));
        }
        await using var system = db.SystemContext();
        var row = await system.ExpertAssignments.SingleAsync(x => x.Id == Member);
        Assert.Equal((ConflictDeclaration.Declared, true, "本人近三年曾为该企业提供技术咨询"), (row.Conflict, row.Recused, row.ConflictReason));
        Assert.Equal(db.Clock.GetUtcNow(), row.DeclaredAt);
        Assert.False(await system.ExpertScores.AnyAsync(s => s.AssignmentId == Member));
        // Notifications are personal (even the System actor reads none): each recipient reads their own.
        foreach (var user in new[] { "dept.staff", "agency" })
        {
            await using var recipient = db.ContextAs(user);
            Assert.Contains(await recipient.Notifications.Select(n => n.Text).ToListAsync(), t => t.Contains("李慧敏（专家）声明与", StringComparison.Ordinal) && t.Contains("请安排替补专家", StringComparison.Ordinal));
        }
        Assert.True(await system.AuditEntries.AnyAsync(e => e.Action == "expert.declare-conflict"));
    }

    [Theory]
    [InlineData(null, "申报存在利益冲突时，请说明冲突情况（如任职、咨询服务或亲属关系）")]
    [InlineData("   ", "申报存在利益冲突时，请说明冲突情况（如任职、咨询服务或亲属关系）")]
    public async Task Declare_ConflictWithoutReason_Invalid(string? reason, string message)
    {
        await using var db = await ServiceHost.CreateAsync();

        var outcome = await db.Desk("expert2").DeclareAsync(Member, await db.StampAsync(Member), conflict: true, reason);

        Assert.Equal(ExpertOutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(("reason", message), (outcome.Errors[0].Field, outcome.Errors[0].Message));
    }

    [Fact]
    public async Task Declare_AnotherExpertsAssignment_NotFound()
    {
        await using var db = await ServiceHost.CreateAsync();

        var outcome = await db.Desk("expert2").DeclareAsync(Leader, await db.StampAsync(Leader), conflict: false, null);

        Assert.Equal(ExpertOutcomeKind.NotFound, outcome.Kind);
        Assert.Null(await db.Query("expert2").LoadAsync(Leader));
    }

    [Fact]
    public async Task Submit_LocksTheSheet()
    {
        await using var db = await ServiceHost.CreateAsync();
        await db.DeclareNoneAsync("expert2", Member);

        var invalid = await db.Sheets("expert2").SaveAsync(Member, null, FactorySheet(equipment: 8m).Select(e => e.ItemCode == "equipment" ? e with { Comment = null } : e).ToList(), null, submit: true);
        Assert.Equal(ExpertOutcomeKind.Invalid, invalid.Kind);
        Assert.Equal("“装备数字化”得分 8 分，低于满分 15 分的 60%，请填写评分意见说明扣分理由", Assert.Single(invalid.Errors).Message);

        await db.SubmitSheetAsync("expert2", Member);
        var c = await db.Query("expert2").LoadAsync(Member);
        Assert.Equal((ExpertDeskState.Submitted, 83.5m), (c!.Row.State, c.Sheet!.Total));

        var edit = await db.Sheets("expert2").SaveAsync(Member, c.Sheet.Stamp, FactorySheet(14m), null, submit: false);
        Assert.Equal((ExpertOutcomeKind.Refused, ScoreSheetService.LockedRefusal), (edit.Kind, edit.Message));
        // The data layer refuses too (ILockableRow), whoever tries.
        await using var system = db.SystemContext();
        var row = await system.ExpertScores.SingleAsync(s => s.AssignmentId == Member);
        row.TotalPoints = 99m;
        await Assert.ThrowsAsync<ImmutableRowException>(() => system.SaveChangesAsync());
    }

    [Fact]
    public async Task Draft_SavedAndReloadedThenStaleStampIsAConflict()
    {
        await using var db = await ServiceHost.CreateAsync();
        await db.DeclareNoneAsync("expert2", Member);

        var first = await db.Sheets("expert2").SaveAsync(Member, null, FactorySheet().Take(3).ToList(), null, submit: false);
        Assert.Equal(ExpertOutcomeKind.Done, first.Kind);
        var sheet = (await db.Query("expert2").LoadAsync(Member))!.Sheet!;
        Assert.Equal((3, 42m, false), (sheet.Items.Count, sheet.Total, sheet.Locked));

        var stale = await db.Sheets("expert2").SaveAsync(Member, null, FactorySheet(), null, submit: false);
        Assert.Equal(ExpertOutcomeKind.Conflict, stale.Kind);
    }

    [Fact]
    public async Task ColleagueScores_HiddenByIdAndList()
    {
        await using var db = await ServiceHost.CreateAsync();
        await db.DeclareNoneAsync("expert2", Member);
        await db.SubmitSheetAsync("expert2", Member);

        await using var asMember = db.ContextAs("expert2");
        var leaderSheet = WellKnownIds.For($"demo:score:{A8}:1");
        Assert.Null(await asMember.ExpertScores.FirstOrDefaultAsync(s => s.Id == leaderSheet));
        Assert.Equal([Member], await asMember.ExpertScores.Select(s => s.AssignmentId).ToListAsync());
        Assert.Equal([Member], await asMember.ExpertAssignments.Where(x => x.ApplicationId == A8).Select(x => x.Id).ToListAsync());
        // The leader, before the panel closes, sees only counts: not the member's submitted sheet.
        await using var asLeader = db.ContextAs("expert");
        Assert.False(await asLeader.ExpertScores.AnyAsync(s => s.AssignmentId == Member));
        Assert.Null(await UnfilteredQueries.PanelScoresForLeaderAsync(asLeader, Leader));
        Assert.Equal(new PanelProgress(2, 1, 1), await UnfilteredQueries.PanelProgressAsync(asLeader, Leader));
        Assert.Null((await db.Query("expert").LoadAsync(Leader))!.Panel);
    }

    [Fact]
    public async Task Consensus_BeforeAllSubmitted_RefusedThenLeaderAggregatesAndSubmitsOnce()
    {
        await using var db = await ServiceHost.CreateAsync();

        var early = await db.Desk("expert").SaveConsensusAsync(Leader, await db.StampAsync(Leader), "同意", submit: true);
        Assert.Equal(ExpertOutcomeKind.Refused, early.Kind);
        Assert.Equal("评审组还有专家未提交评分（已提交 0 / 2），全部提交后才能填写专家组意见", early.Message);

        await db.SubmitSheetAsync("expert", Leader, equipment: 14m); // 84.5
        var stillOpen = await db.Desk("expert").SaveConsensusAsync(Leader, await db.StampAsync(Leader), "同意", submit: true);
        Assert.Equal("评审组还有专家未提交评分（已提交 1 / 2），全部提交后才能填写专家组意见", stillOpen.Message);

        await db.DeclareNoneAsync("expert2", Member);
        await db.SubmitSheetAsync("expert2", Member); // 83.5
        var c = await db.Query("expert").LoadAsync(Leader);
        Assert.NotNull(c!.Panel);
        Assert.Equal([84.5m, 83.5m], c.Panel!.Rows.Select(r => r.Total));
        // A8's batch keeps the default rule (drop highest and lowest from 5): with 2 scores the mean is taken.
        Assert.Equal(84m, c.Panel.Aggregate.Result);
        Assert.Equal(ScoreAggregationRule.TrimmedMeanFromFive, c.Panel.Aggregate.Rule);
        // A member never gets the panel's sheets, even once it has closed.
        Assert.Null((await db.Query("expert2").LoadAsync(Member))!.Panel);
        await using (var asMember = db.ContextAs("expert2"))
        {
            Assert.Null(await UnfilteredQueries.PanelScoresForLeaderAsync(asMember, Member));
        }

        var empty = await db.Desk("expert").SaveConsensusAsync(Leader, await db.StampAsync(Leader), " ", submit: true);
        Assert.Equal("请填写专家组意见", Assert.Single(empty.Errors).Message);
        var done = await db.Desk("expert").SaveConsensusAsync(Leader, await db.StampAsync(Leader), "经评审，该企业智能工厂建设达到认定条件，建议进入现场核查。", submit: true);
        Assert.Equal(ExpertOutcomeKind.Done, done.Kind);
        var again = await db.Desk("expert").SaveConsensusAsync(Leader, await db.StampAsync(Leader), "改一下", submit: true);
        Assert.Equal((ExpertOutcomeKind.Refused, "专家组意见已提交，不能修改"), (again.Kind, again.Message));
        await using var system = db.SystemContext();
        var leader = await system.ExpertAssignments.SingleAsync(x => x.Id == Leader);
        Assert.Equal("经评审，该企业智能工厂建设达到认定条件，建议进入现场核查。", leader.ConsensusOpinion);
        Assert.NotNull(leader.ConsensusSubmittedAt);
    }

    [Fact]
    public async Task Consensus_Member_Refused()
    {
        await using var db = await ServiceHost.CreateAsync();
        await db.DeclareNoneAsync("expert2", Member);

        var outcome = await db.Desk("expert2").SaveConsensusAsync(Member, await db.StampAsync(Member), "同意", submit: true);

        Assert.Equal((ExpertOutcomeKind.Refused, "只有评审组组长可以填写专家组意见"), (outcome.Kind, outcome.Message));
    }

    [Fact]
    public async Task Score_ApplicationPastExpertReview_Refused()
    {
        await using var db = await ServiceHost.CreateAsync();
        await db.SetStateAsync(A8, Domain.Workflow.ApplicationState.OnSiteVerification);

        var outcome = await db.Sheets("expert").SaveAsync(Leader, await db.SheetStampAsync(Leader), FactorySheet(), null, submit: false);

        Assert.Equal((ExpertOutcomeKind.Refused, "该申报当前不在专家评审阶段，不能评分"), (outcome.Kind, outcome.Message));
    }

    [Fact]
    public async Task Services_NonExpert_Refused()
    {
        await using var db = await ServiceHost.CreateAsync();

        var outcome = await db.Desk("dept.staff").DeclareAsync(Member, await db.StampAsync(Member), conflict: false, null);

        Assert.Equal((ExpertOutcomeKind.Refused, ExpertActor.NotExpertMessage), (outcome.Kind, outcome.Message));
        Assert.Null(await db.Query("dept.staff").LoadAsync(Member));
    }
}
