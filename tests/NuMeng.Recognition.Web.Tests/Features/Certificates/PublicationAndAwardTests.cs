using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Domain.Certificates;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web;
using NuMeng.Recognition.Web.Features.Certificates;
using NuMeng.Recognition.Web.Tests.Features.Review;
using static NuMeng.Recognition.Web.Tests.Features.Certificates.CertificateArrange;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Certificates;

/// <summary>
/// 行文公布 and 授牌 on the demo database: A9 (铜冶炼智能工厂) is on an open notice. 管理办法 第八条 "公示期 5 天，无异议后行文公布";
/// 第十二条 "授牌有效期为五年，有效期自授牌之日起计算".
/// </summary>
public sealed class PublicationAndAwardTests
{
    [Theory]
    [InlineData(-1)]   // inside the period
    [InlineData(0)]    // the last day runs to 24:00
    public async Task Publish_BeforePeriodEnded_RefusedAndNothingChanges(int daysAfter)
    {
        await using var db = await ServiceHost.CreateAsync();
        var ends = await SetDaysAfterNoticeAsync(db, daysAfter);

        var outcome = await db.Service<PublicationService>("dept.staff").PublishAsync(SmartFactory2025, Input(on: ends));

        Assert.Equal(OutcomeKind.Refused, outcome.Kind);
        Assert.Contains($"{ends.AddDays(1).Year}年{ends.AddDays(1).Month}月{ends.AddDays(1).Day}日起方可行文公布", outcome.Message, StringComparison.Ordinal);
        await using var ctx = Context(db);
        Assert.Equal(ApplicationState.InPublicNotice, await ctx.Applications.Where(a => a.Id == A9).Select(a => a.State).SingleAsync());
        Assert.False(await ctx.Publications.AnyAsync(p => p.BatchId == SmartFactory2025));
    }

    [Theory]
    [InlineData(ObjectionState.Received)]
    [InlineData(ObjectionState.Verified)]
    public async Task Publish_UndecidedObjection_RefusedNamingTheCase(ObjectionState state)
    {
        await using var db = await ServiceHost.CreateAsync();
        var ends = await SetDaysAfterNoticeAsync(db, 1);
        await SecondEntryWithObjectionAsync(db, state);

        var outcome = await db.Service<PublicationService>("dept.staff").PublishAsync(SmartFactory2025, Input(on: ends.AddDays(1)));

        Assert.Equal(OutcomeKind.Refused, outcome.Kind);
        Assert.Contains("尚有异议未办结：YY-2025-0007（煤制甲醇智能工厂）", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_WithoutCreditDeclaration_Invalid()
    {
        await using var db = await ServiceHost.CreateAsync();
        var ends = await SetDaysAfterNoticeAsync(db, 1);

        var outcome = await db.Service<PublicationService>("dept.staff").PublishAsync(SmartFactory2025, Input(on: ends.AddDays(1), credit: false));

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Contains(outcome.Errors, e => e.Field == "creditRechecked");
    }

    [Theory]
    [InlineData("enterprise")]
    [InlineData("bureau.leader")]
    [InlineData("agency")]
    [InlineData("expert")]
    public async Task Publish_NotDepartment_Refused(string user)
    {
        await using var db = await ServiceHost.CreateAsync();
        var ends = await SetDaysAfterNoticeAsync(db, 1);

        var outcome = await db.Service<PublicationService>(user).PublishAsync(SmartFactory2025, Input(on: ends.AddDays(1)));

        Assert.Equal((OutcomeKind.Refused, CertificateDesk.NotDepartmentMessage), (outcome.Kind, outcome.Message));
    }

    [Fact]
    public async Task PublishThenAward_UpheldObjectionLeavesList_NumberedCertificateValidFiveYearsFromAwardDay()
    {
        await using var db = await ServiceHost.CreateAsync();
        var ends = await SetDaysAfterNoticeAsync(db, 3);
        var removed = await SecondEntryWithObjectionAsync(db, ObjectionState.Upheld);
        var staff = db.Service<PublicationService>("dept.staff");

        var before = await staff.FindAsync(SmartFactory2025);
        Assert.True(before!.Readiness.IsReady);
        Assert.Equal([A9], before.FinalList.Select(e => e.ApplicationId));

        var published = await staff.PublishAsync(SmartFactory2025, Input(on: ends.AddDays(2)));
        Assert.Equal(OutcomeKind.Done, published.Kind);
        Assert.Equal(OutcomeKind.AlreadyDone, (await db.Service<PublicationService>("dept.staff").PublishAsync(SmartFactory2025, Input(on: ends.AddDays(2)))).Kind);

        // Award one day after publication (five years from the award day, the award day being day one).
        var awardDay = ends.AddDays(3);
        var awarded = await db.Service<AwardService>("dept.staff").AwardAsync(SmartFactory2025, awardDay);
        Assert.True(awarded.Succeeded, awarded.Text);

        await using var ctx = Context(db);
        Assert.Equal(ApplicationState.Recognised, await ctx.Applications.Where(a => a.Id == A9).Select(a => a.State).SingleAsync());
        Assert.Equal(ApplicationState.RemovedAfterObjection, await ctx.Applications.Where(a => a.Id == removed).Select(a => a.State).SingleAsync());
        Assert.False(await ctx.Certificates.AnyAsync(c => c.ApplicationId == removed));
        var certificate = await ctx.Certificates.SingleAsync(c => c.ApplicationId == A9);
        Assert.Equal($"NMZF-{awardDay.Year}-0001", certificate.Number);
        Assert.Equal(awardDay, certificate.AwardedOn);
        Assert.Equal(awardDay.AddYears(5).AddDays(-1), certificate.ValidUntil);
        Assert.Equal(VerificationCodeShape.Valid, VerificationCode.Check(certificate.VerificationCode));
        Assert.Equal(("北疆有色集团赤峰红山冶炼分公司", "铜冶炼智能工厂", CertificateStatus.Valid),
            (certificate.EnterpriseName, certificate.WorkshopOrFactoryName, certificate.Status));
        var publication = await ctx.Publications.SingleAsync(p => p.BatchId == SmartFactory2025);
        Assert.Equal(publication.Id, certificate.PublicationId);
        var audit = await ctx.AuditEntries.Where(e => e.Action == "publication.publish").Select(e => e.SummaryJson).SingleAsync();
        Assert.Contains("\"creditRechecked\":true", audit, StringComparison.Ordinal);
        Assert.True(await ctx.AuditEntries.AnyAsync(e => e.Action == "certificate.award"));
        await using var enterprise = db.ContextAs("enterprise.06");
        Assert.True(await enterprise.Notifications.AnyAsync(n => n.Text.Contains(certificate.Number)));
    }

    [Fact]
    public async Task Award_DateBeforePublication_Invalid()
    {
        await using var db = await ServiceHost.CreateAsync();
        var ends = await SetDaysAfterNoticeAsync(db, 3);
        Assert.True((await db.Service<PublicationService>("dept.staff").PublishAsync(SmartFactory2025, Input(on: ends.AddDays(2)))).Succeeded);

        var outcome = await db.Service<AwardService>("dept.staff").AwardAsync(SmartFactory2025, ends.AddDays(1));

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
    }

    [Fact]
    public async Task Publish_CreditRecheckFails_EntryNotSelected()
    {
        await using var db = await ServiceHost.CreateAsync();
        var ends = await SetDaysAfterNoticeAsync(db, 1);
        var second = await SecondEntryWithObjectionAsync(db, ObjectionState.Dismissed);

        var outcome = await db.Service<PublicationService>("dept.staff").PublishAsync(SmartFactory2025, Input(on: ends.AddDays(1), failures: second));

        Assert.True(outcome.Succeeded, outcome.Text);
        await using var ctx = Context(db);
        Assert.Equal(ApplicationState.NotSelected, await ctx.Applications.Where(a => a.Id == second).Select(a => a.State).SingleAsync());
        Assert.Equal(ApplicationState.Published, await ctx.Applications.Where(a => a.Id == A9).Select(a => a.State).SingleAsync());
    }
}
