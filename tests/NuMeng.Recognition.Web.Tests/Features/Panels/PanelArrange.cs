using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Features.Panels;
using NuMeng.Recognition.Web.Tests.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Panels;

/// <summary>
/// The panel services on the seeded demo database (<see cref="ServiceHost"/>), resolved in a scope acting as a
/// demo account, and arrangements the experts' own pages (H5) would otherwise make: declarations, submitted sheets, the
/// leader's consensus.
/// </summary>
internal static class PanelArrange
{
    public static readonly Guid A4 = DemoSeeder.ApplicationId("A4");
    public static readonly Guid A7 = DemoSeeder.ApplicationId("A7");
    public static readonly Guid A8 = DemoSeeder.ApplicationId("A8");

    public static T Service<T>(this ServiceHost db, string user)
        where T : class
    {
        var services = db.As<IServiceProvider>(user);
        // The portal registers these in PanelsFeature; the shared test database registers the review feature only.
        return typeof(T) == typeof(PanelService)
            ? ActivatorUtilities.CreateInstance<T>(services, ActivatorUtilities.CreateInstance<PanelNotifications>(services))
            : ActivatorUtilities.CreateInstance<T>(services);
    }

    /// <summary>Formal acceptance done by the department (the intake page is H3's): BureauRecommended → Accepted.</summary>
    public static async Task AcceptAsync(this ServiceHost db, Guid applicationId)
    {
        await using var ctx = db.SystemContext();
        var app = await ctx.Applications.SingleAsync(a => a.Id == applicationId);
        app.Apply(ApplicationWorkflow.Decide(app.State, ApplicationAction.DepartmentAccept, [ActorRole.DepartmentStaff]));
        await ctx.SaveChangesAsync();
    }

    public static async Task<Guid> StampAsync(this ServiceHost db, Guid applicationId) => await db.StampOfAsync(applicationId);

    /// <summary>The expert declares no conflict and submits a sheet with <paramref name="total"/> points (the expert desk's part).</summary>
    public static async Task ScoreAsync(this ServiceHost db, Guid applicationId, int expert, decimal total, string? consensus = null)
    {
        await using var ctx = db.SystemContext();
        var assignment = await ctx.ExpertAssignments.SingleAsync(x => x.ApplicationId == applicationId && x.ExpertId == DemoSeeder.ExpertId(expert));
        assignment.DeclaredAt ??= db.Clock.GetUtcNow();
        var sheet = await ctx.ExpertScores.SingleOrDefaultAsync(s => s.AssignmentId == assignment.Id);
        if (sheet is null)
        {
            sheet = new ExpertScore { AssignmentId = assignment.Id };
            ctx.ExpertScores.Add(sheet);
        }
        if (sheet.SubmittedAt is null)
        {
            Fill(sheet, expert, total, db.Clock.GetUtcNow());
        }
        if (consensus is not null)
        {
            assignment.ConsensusOpinion = consensus;
            assignment.ConsensusSubmittedAt = db.Clock.GetUtcNow();
        }
        await ctx.SaveChangesAsync();
    }

    private static void Fill(ExpertScore sheet, int expert, decimal total, DateTimeOffset at)
    {
        sheet.Items = [new ExpertScoreItem { RubricItemCode = "equipment", Points = Math.Min(total, 15m), Comment = "装备数字化符合要求" },
            new ExpertScoreItem { RubricItemCode = "kpi", Points = total - Math.Min(total, 15m), Comment = "效益指标有计算依据" }];
        sheet.TotalPoints = total;
        sheet.OverallComment = $"专家{expert}总体评价";
        sheet.SubmittedAt = at;
    }

    public static async Task<PanelCase> CaseAsync(this ServiceHost db, Guid applicationId, string user = "dept.staff") =>
        await db.Service<PanelCaseQuery>(user).LoadAsync(applicationId)
        ?? throw new InvalidOperationException($"{user} 看不到该申报的评审组");

    public static async Task AssignAsync(this ServiceHost db, Guid applicationId, int expert, PanelRole role = PanelRole.Member, string user = "dept.staff")
    {
        var outcome = await db.Service<PanelService>(user).AssignAsync(applicationId, await db.StampAsync(applicationId), DemoSeeder.ExpertId(expert), role, null);
        Assert.True(outcome.Succeeded, outcome.Message);
    }

    public static Guid BatchOf(Guid applicationId) =>
        applicationId == A8 ? DemoSeeder.BatchId(2025, 2, RecognitionKind.SmartFactory) : DemoSeeder.BatchId(2026, 1, RecognitionKind.TierBasic);
}
