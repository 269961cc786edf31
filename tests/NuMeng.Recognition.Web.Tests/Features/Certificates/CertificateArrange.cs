using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Applications;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Features.Certificates;
using NuMeng.Recognition.Web.Tests.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Certificates;

/// <summary>
/// The certificate services on the demo database of <see cref="ServiceHost"/> (reused, not copied): each service is
/// built in a scope acting as a demo account, with the scope's registered dependencies. Arrangement helpers add what the
/// demo lacks (a second entry on A9's notice with an objection, a forwarded rename request).
/// </summary>
internal static class CertificateArrange
{
    public static readonly Guid SmartFactory2025 = DemoSeeder.BatchId(2025, 2, RecognitionKind.SmartFactory);
    public static readonly Guid A9 = DemoSeeder.ApplicationId("A9");
    public static readonly Guid Notice = WellKnownIds.For($"demo:notice:{SmartFactory2025}");

    /// <summary>A certificate service acting as <paramref name="user"/>.</summary>
    public static T Service<T>(this ServiceHost db, string user, params object[] extra)
        where T : class => ActivatorUtilities.CreateInstance<T>(db.As<IServiceProvider>(user), extra);

    /// <summary>The computed last day of A9's notice, and a clock set to 10:00 Beijing time <paramref name="daysAfter"/> days after it.</summary>
    public static async Task<DateOnly> SetDaysAfterNoticeAsync(ServiceHost db, int daysAfter)
    {
        await using var ctx = db.SystemContext();
        var ends = await ctx.PublicNotices.Where(n => n.Id == Notice).Select(n => n.EndsOn).SingleAsync();
        var day = ends.AddDays(daysAfter);
        db.Clock.MoveTo(new DateTimeOffset(day.Year, day.Month, day.Day, 10, 0, 0, TimeSpan.FromHours(8)));
        return ends;
    }

    /// <summary>
    /// A second smart factory on A9's notice (demo enterprise 8), with an objection in <paramref name="objection"/>; an
    /// upheld objection has already taken the workflow's 异议成立 row, as the notices feature does.
    /// </summary>
    public static async Task<Guid> SecondEntryWithObjectionAsync(ServiceHost db, ObjectionState objection)
    {
        await using var ctx = db.SystemContext();
        var app = new Application
        {
            EnterpriseId = DemoSeeder.Enterprise(8), BatchId = SmartFactory2025, Kind = RecognitionKind.SmartFactory,
            WorkshopOrFactoryName = "煤制甲醇智能工厂", LeagueCode = "1506", LatestVersionNumber = 1,
        };
        app.SeedState(objection == ObjectionState.Upheld ? ApplicationState.RemovedAfterObjection : ApplicationState.InPublicNotice);
        ctx.Applications.Add(app);
        ctx.PublicNoticeEntries.Add(new PublicNoticeEntry
        {
            PublicNoticeId = Notice, ApplicationId = app.Id, Order = 2, EnterpriseName = "鄂尔多斯高原煤化工有限公司",
            WorkshopOrFactoryName = app.WorkshopOrFactoryName, LeagueCode = "1506",
        });
        var row = new Objection
        {
            PublicNoticeId = Notice, ApplicationId = app.Id, ObjectorKind = ObjectorKind.Unit, ObjectorName = "某化工协会",
            Contact = "0477-0000000", Content = "该企业近三年发生过较大安全事故", CaseNumber = "YY-2025-0007",
            ReceivedAt = db.Clock.GetUtcNow(),
            DecidedAt = objection is ObjectionState.Upheld or ObjectionState.Dismissed ? db.Clock.GetUtcNow() : null,
            DecisionReasons = objection is ObjectionState.Upheld or ObjectionState.Dismissed ? "经核实" : null,
        };
        row.SeedState(objection);
        ctx.Objections.Add(row);
        await ctx.SaveChangesAsync();
        return app.Id;
    }

    /// <summary>A rename request of A13's certificate (NMDW-2025-0003) forwarded by 呼和浩特's bureau.</summary>
    public static async Task<Guid> ForwardedRenameAsync(ServiceHost db, bool enterpriseName)
    {
        await using var ctx = db.SystemContext();
        var cert = await ctx.Certificates.SingleAsync(c => c.Number == "NMDW-2025-0003");
        var request = new RenameRequest
        {
            CertificateId = cert.Id, ApplicationId = DemoSeeder.ApplicationId("A13"), RequestedByBureauId = WellKnownIds.Bureau("1501"),
            PreviousName = enterpriseName ? cert.EnterpriseName : cert.WorkshopOrFactoryName,
            NewName = enterpriseName ? "内蒙古青城智造乳业集团有限公司" : "青城乳业酸奶发酵数字化车间",
            Reason = "企业完成重组，营业执照已变更。", RequestedByUserId = DemoSeeder.UserId("enterprise"),
        };
        request.Forward(RenameRequestWorkflow.Decide(request.State, RenameRequestAction.Forward, [ActorRole.BureauReviewer]), "经核实，同意更名。", db.Clock.GetUtcNow());
        ctx.RenameRequests.Add(request);
        await ctx.SaveChangesAsync();
        return request.Id;
    }

    public static PublicationInput Input(string number = "内工信数字字〔2026〕30号", DateOnly? on = null, bool credit = true, params Guid[] failures) =>
        new(number, "关于公布2025年第二批自治区智能工厂名单的通知", on, credit, "经“信用中国”查询，未发现严重失信记录。", failures);

    public static RecognitionDbContext Context(ServiceHost db) => db.SystemContext();
}
