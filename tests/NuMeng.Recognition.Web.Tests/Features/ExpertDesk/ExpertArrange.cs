using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.ExpertReview;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Features.ExpertDesk;
using NuMeng.Recognition.Web.Features.Notifications;
using NuMeng.Recognition.Web.Infrastructure.Attachments;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.ExpertDesk;

/// <summary>
/// Arrangements for the expert desk's tests: its services on a <see cref="ServiceHost"/> acting as a demo account, as the
/// portal would resolve them, and in a running portal's own database extra assignments and a state for the on-site stage.
/// </summary>
internal static class ExpertArrange
{
    public static readonly Guid A8 = DemoSeeder.ApplicationId("A8");
    public static readonly Guid A9 = DemoSeeder.ApplicationId("A9");

    /// <summary>The demo assignment of expert <paramref name="expert"/> on <paramref name="application"/>.</summary>
    public static Guid Assignment(Guid application, int expert) => WellKnownIds.For($"demo:assignment:{application}:{expert}");

    public static ExpertDeskQuery Query(this ServiceHost db, string user) => new(db.As<IDbContextFactory<RecognitionDbContext>>(user));

    public static ExpertDeskService Desk(this ServiceHost db, string user) =>
        new(db.As<IDbContextFactory<RecognitionDbContext>>(user), db.As<IAuditLog>(user), db.As<NotificationService>(user), db.Clock);

    public static ScoreSheetService Sheets(this ServiceHost db, string user) =>
        new(db.As<IDbContextFactory<RecognitionDbContext>>(user), db.As<IAuditLog>(user), db.Clock);

    public static OnSiteService OnSite(this ServiceHost db, string user) =>
        new(db.As<IDbContextFactory<RecognitionDbContext>>(user), db.As<IAuditLog>(user), db.As<IAttachmentStore>(user), db.As<NotificationService>(user), db.Clock);

    /// <summary>A complete 智能工厂 sheet (装备数字化 15, 数据采集 15, 生产过程 20, 信息集成 20, 信息安全 10, 效益 20).</summary>
    public static IReadOnlyList<ScoreEntry> FactorySheet(decimal equipment = 13m) =>
    [
        new("equipment", equipment, "装备数控化率达标"),
        new("data-collection", 12m, null),
        new("process", 17m, null),
        new("integration", 16.5m, null),
        new("security", 8m, null),
        new("kpi", 17m, null),
    ];

    public static async Task<Guid> StampAsync(this ServiceHost db, Guid assignmentId)
    {
        await using var context = db.SystemContext();
        return await context.ExpertAssignments.Where(x => x.Id == assignmentId).Select(x => x.ConcurrencyStamp).SingleAsync();
    }

    public static async Task<Guid?> SheetStampAsync(this ServiceHost db, Guid assignmentId)
    {
        await using var context = db.SystemContext();
        return await context.ExpertScores.Where(s => s.AssignmentId == assignmentId).Select(s => (Guid?)s.ConcurrencyStamp).SingleOrDefaultAsync();
    }

    /// <summary>expert2 (李慧敏) declares no conflict on A8.</summary>
    public static async Task DeclareNoneAsync(this ServiceHost db, string user, Guid assignmentId)
    {
        var outcome = await db.Desk(user).DeclareAsync(assignmentId, await db.StampAsync(assignmentId), conflict: false, null);
        Assert.Equal(ExpertOutcomeKind.Done, outcome.Kind);
    }

    public static async Task SubmitSheetAsync(this ServiceHost db, string user, Guid assignmentId, decimal equipment = 13m)
    {
        var outcome = await db.Sheets(user).SaveAsync(assignmentId, await db.SheetStampAsync(assignmentId), FactorySheet(equipment), "总体良好", submit: true);
        Assert.True(outcome.Kind == ExpertOutcomeKind.Done, outcome.Message + string.Join("；", outcome.Errors.Select(e => e.Message)));
    }

    public static async Task SetStateAsync(this ServiceHost db, Guid applicationId, ApplicationState state)
    {
        await using var context = db.SystemContext();
        var app = await context.Applications.SingleAsync(a => a.Id == applicationId);
        app.SeedState(state);
        await context.SaveChangesAsync();
    }

    public static PanelRole RoleOf(int expert) => expert == 1 ? PanelRole.Leader : PanelRole.Member;

    /// <summary>Assigns demo expert <paramref name="expert"/> to demo application <paramref name="key"/> (optionally declared no conflict).</summary>
    public static async Task<Guid> AssignAsync(PortalFactory portal, string key, int expert, PanelRole role, bool declared,
        ApplicationState? state = null)
    {
        await using var db = portal.SystemContext("初审测试");
        var app = await db.Applications.SingleAsync(a => a.Id == DemoSeeder.ApplicationId(key));
        if (state is { } s)
        {
            app.SeedState(s);
        }
        var version = await db.ApplicationVersions.Where(v => v.ApplicationId == app.Id).OrderByDescending(v => v.Number).Select(v => v.Id).FirstAsync();
        var assignment = new ExpertAssignment
        {
            ExpertId = DemoSeeder.ExpertId(expert),
            ApplicationId = app.Id,
            ApplicationVersionId = version,
            BatchId = app.BatchId,
            PanelName = "测试评审组",
            Role = role,
            DeclaredAt = declared ? DateTimeOffset.UtcNow : null,
            AssignedByUserId = DemoSeeder.UserId("agency"),
        };
        db.ExpertAssignments.Add(assignment);
        await db.SaveChangesAsync();
        return assignment.Id;
    }
}
