using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Domain.ExpertReview;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Features.ExpertDesk;
using NuMeng.Recognition.Web.Tests.Features.Review;
using static NuMeng.Recognition.Web.Tests.Features.ExpertDesk.ExpertArrange;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.ExpertDesk;

/// <summary>The on-site check of A8 (智能工厂) once it is 现场核查中: the leader fills and submits it, members view it.</summary>
public sealed class OnSiteServiceTests
{
    private static readonly Guid Leader = Assignment(A8, 1);
    private static readonly Guid Member = Assignment(A8, 2);

    private static async Task<ServiceHost> OnSiteAsync()
    {
        var db = await ServiceHost.CreateAsync();
        await db.SetStateAsync(A8, ApplicationState.OnSiteVerification);
        return db;
    }

    private static OnSiteChecklistResult AllConfirmed(OnSiteChecklist checklist, string? conclusion = "现场情况与申报材料一致", bool? passed = true) =>
        new([.. checklist.Items.Select(i => new OnSiteAnswer(i.Key, true, null))], conclusion, passed);

    [Fact]
    public async Task Load_Leader_FactoryChecklistWithDeclaredFigures()
    {
        await using var db = await OnSiteAsync();

        var c = await db.OnSite("expert").LoadAsync(Leader);

        Assert.NotNull(c);
        Assert.True(c!.Editable);
        Assert.Equal("智能工厂认定技术条件现场核查表", c.Checklist.Title);
        Assert.Equal(17, c.Checklist.Items.Count);
        Assert.Contains(c.Checklist.Items, i => i.Key == "2024.factory.equipment-nc-rate" && i.Required == "≥ 70%（含本数）");
    }

    [Fact]
    public async Task Load_UndeclaredOrOtherExpert_Null()
    {
        await using var db = await OnSiteAsync();

        Assert.Null(await db.OnSite("expert2").LoadAsync(Member)); // not declared yet
        Assert.Null(await db.OnSite("expert2").LoadAsync(Leader)); // not hers
    }

    [Fact]
    public async Task Save_DraftWithPhotoThenSubmit_LockedAndPhotoReadableByDepartmentAgencyAndPanel()
    {
        await using var db = await OnSiteAsync();
        var checklist = (await db.OnSite("expert").LoadAsync(Leader))!.Checklist;
        var key = checklist.Items[0].Key;

        await using (var png = new MemoryStream(ReviewArrange.SolidPng(8, 8)))
        {
            var draft = await db.OnSite("expert").SaveAsync(Leader, null, new OnSiteChecklistResult([new OnSiteAnswer(key, true, "现场核对装备台账")], null, null),
                [new OnSitePhotoUpload(key, png, "装备台账.png")], submit: false);
            Assert.True(draft.Kind == ExpertOutcomeKind.Done, draft.Message + string.Join("；", draft.Errors.Select(e => e.Message)));
        }
        var c = (await db.OnSite("expert").LoadAsync(Leader))!;
        Assert.Equal(("现场核对装备台账", true), (c.Answer(key)!.Note, c.Answer(key)!.Confirmed));
        Assert.Null(c.Answer(checklist.Items[1].Key)); // unanswered stays unanswered
        var photo = Assert.Single(c.Photos);
        Assert.Equal(("onsite:" + key, "image/png"), (photo.ItemKey, photo.ContentType));

        // Filed under the entrusted agency: the agency and the department read it through their own filters.
        foreach (var user in new[] { "dept.staff", "agency" })
        {
            await using var context = db.ContextAs(user);
            Assert.True(await context.Attachments.AnyAsync(f => f.Id == photo.Id), user);
        }
        await using (var other = db.ContextAs("enterprise"))
        {
            Assert.False(await other.Attachments.AnyAsync(f => f.Id == photo.Id));
        }
        await db.DeclareNoneAsync("expert2", Member);
        await using (var member = db.ContextAs("expert2"))
        {
            Assert.Equal(photo.Id, Assert.Single(await UnfilteredQueries.OnSitePhotosForExpertAsync(member, A8)).Id);
            Assert.NotNull(await UnfilteredQueries.OnSitePhotoForExpertAsync(member, photo.Id));
        }

        var incomplete = await db.OnSite("expert").SaveAsync(Leader, c.Check!.ConcurrencyStamp, new OnSiteChecklistResult([], "一致", true), [], submit: true);
        Assert.Equal(ExpertOutcomeKind.Invalid, incomplete.Kind);
        Assert.Equal(17, incomplete.Errors.Count(e => e.Field.EndsWith(".confirmed", StringComparison.Ordinal)));

        var done = await db.OnSite("expert").SaveAsync(Leader, c.Check.ConcurrencyStamp, AllConfirmed(checklist), [], submit: true);
        Assert.Equal(ExpertOutcomeKind.Done, done.Kind);
        var locked = (await db.OnSite("expert2").LoadAsync(Member))!;
        Assert.True(locked.Locked);
        Assert.False(locked.Editable);
        Assert.Equal((true, 17), (locked.Check!.Passed, locked.Check.Items.Count));
        var again = await db.OnSite("expert").SaveAsync(Leader, locked.Check.ConcurrencyStamp, AllConfirmed(checklist), [], submit: false);
        Assert.Equal((ExpertOutcomeKind.Refused, "现场核查结果已提交，不能修改"), (again.Kind, again.Message));
        await using var system = db.SystemContext();
        var row = await system.OnSiteChecks.SingleAsync(x => x.ApplicationId == A8);
        Assert.Equal(DemoSeeder.ExpertId(1), row.LeaderExpertId);
    }

    [Fact]
    public async Task Save_Member_RefusedLeaderSubmits()
    {
        await using var db = await OnSiteAsync();
        await db.DeclareNoneAsync("expert2", Member);
        var checklist = (await db.OnSite("expert2").LoadAsync(Member))!.Checklist;

        var outcome = await db.OnSite("expert2").SaveAsync(Member, null, AllConfirmed(checklist), [], submit: true);

        Assert.Equal((ExpertOutcomeKind.Refused, "现场核查结果由评审组组长填写和提交，组员可以查看"), (outcome.Kind, outcome.Message));
    }

    [Fact]
    public async Task Save_PdfAsPhoto_Refused()
    {
        await using var db = await OnSiteAsync();
        var checklist = (await db.OnSite("expert").LoadAsync(Leader))!.Checklist;
        await using var pdf = new MemoryStream(ReviewArrange.MinimalPdf());

        var outcome = await db.OnSite("expert").SaveAsync(Leader, null, AllConfirmed(checklist), [new OnSitePhotoUpload(checklist.Items[2].Key, pdf, "说明.pdf")], submit: false);

        Assert.Equal(ExpertOutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(("items[2].photo", "照片“说明.pdf”只能是 JPG 或 PNG 图片"), (outcome.Errors[0].Field, outcome.Errors[0].Message));
    }

    [Fact]
    public async Task Save_PassedWithUnconfirmedItem_Refused()
    {
        await using var db = await OnSiteAsync();
        var checklist = (await db.OnSite("expert").LoadAsync(Leader))!.Checklist;
        var answers = checklist.Items.Select((i, n) => new OnSiteAnswer(i.Key, n != 1, n == 1 ? "装备数控化率现场核实仅 65%" : null)).ToList();

        var outcome = await db.OnSite("expert").SaveAsync(Leader, null, new OnSiteChecklistResult(answers, "装备数控化率不达标", true), [], submit: true);

        Assert.Equal("有核查项不属实（装备数控化率），不能判定现场核查通过", Assert.Single(outcome.Errors).Message);
    }

    [Fact]
    public async Task Save_NotOnSiteStage_Refused()
    {
        await using var db = await ServiceHost.CreateAsync(); // A8 still 专家评审中
        var checklist = (await db.OnSite("expert").LoadAsync(Leader))!.Checklist;

        var outcome = await db.OnSite("expert").SaveAsync(Leader, null, AllConfirmed(checklist), [], submit: true);

        Assert.Equal((ExpertOutcomeKind.Refused, "该申报当前不在现场核查阶段"), (outcome.Kind, outcome.Message));
    }
}
