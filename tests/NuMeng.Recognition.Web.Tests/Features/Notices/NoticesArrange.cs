using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Tests.Features.Review;
using NuMeng.Recognition.Web.Tests.Infrastructure;

namespace NuMeng.Recognition.Web.Tests.Features.Notices;

/// <summary>
/// Arrangement for the notices tests on the seeded demo database (<see cref="ServiceHost"/>): the feature's services
/// built as the portal registers them, acting as a demo account or anonymously, and candidates in the 2025 智能工厂 batch.
/// </summary>
internal static class NoticesArrange
{
    /// <summary>The batch of A9 (公示中 in the demo).</summary>
    public static Guid Batch { get; } = DemoSeeder.BatchId(2025, 2, RecognitionKind.SmartFactory);

    public static Guid A9 { get; } = DemoSeeder.ApplicationId("A9");

    /// <summary>A service of this feature in a scope acting as <paramref name="userName"/> (null: anonymous).</summary>
    public static T Service<T>(ServiceHost db, string? userName)
        where T : notnull
    {
        var provider = userName is null ? db.Services.CreateAsyncScope().ServiceProvider : db.As<IServiceProvider>(userName);
        return ActivatorUtilities.CreateInstance<T>(provider);
    }

    /// <summary>
    /// An application of demo enterprise <paramref name="enterprise"/> in the batch, in 现场核查中 with submitted expert
    /// scores (one per expert 1, 2, 3 …), the leader's consensus (the panel closed) and a submitted on-site check.
    /// </summary>
    public static async Task<Guid> CandidateAsync(ServiceHost db, int enterprise, string name, decimal[] scores, bool passed = true)
    {
        var id = await db.SubmitApplicationAsync(enterprise, Batch, RecognitionKind.SmartFactory, name, "1502");
        await using var ctx = db.SystemContext();
        var app = await ctx.Applications.SingleAsync(a => a.Id == id);
        foreach (var (from, action, role) in new[]
        {
            (ApplicationState.Submitted, ApplicationAction.BureauRecommend, ActorRole.BureauLeader),
            (ApplicationState.BureauRecommended, ApplicationAction.DepartmentAccept, ActorRole.DepartmentStaff),
            (ApplicationState.Accepted, ApplicationAction.StartExpertReview, ActorRole.AgencyCoordinator),
            (ApplicationState.UnderExpertReview, ApplicationAction.StartOnSiteVerification, ActorRole.AgencyCoordinator),
        })
        {
            Assert.Equal(from, app.State);
            app.Apply(ApplicationWorkflow.Decide(app.State, action, [role]));
        }
        for (var i = 0; i < scores.Length; i++)
        {
            var assignment = new ExpertAssignment
            {
                ExpertId = DemoSeeder.ExpertId(i + 1), ApplicationId = id, BatchId = Batch, PanelName = "测试组",
                Role = i == 0 ? PanelRole.Leader : PanelRole.Member, Conflict = ConflictDeclaration.None,
                DeclaredAt = db.Clock.GetUtcNow(), AssignedByUserId = DemoSeeder.UserId("agency"),
                // The leader's consensus closes the panel (ADR 0008): only then does the department see the scores.
                ConsensusOpinion = i == 0 ? "同意进入现场核查" : null, ConsensusSubmittedAt = i == 0 ? db.Clock.GetUtcNow() : null,
            };
            ctx.ExpertAssignments.Add(assignment);
            ctx.ExpertScores.Add(new ExpertScore { AssignmentId = assignment.Id, TotalPoints = scores[i], SubmittedAt = db.Clock.GetUtcNow() });
        }
        ctx.OnSiteChecks.Add(new OnSiteCheck
        {
            ApplicationId = id, PanelName = "测试组", CheckedOn = new DateOnly(2026, 1, 10), Conclusion = passed ? "与申报一致" : "与申报不符",
            Passed = passed, SubmittedAt = db.Clock.GetUtcNow(),
        });
        await ctx.SaveChangesAsync();
        return id;
    }

    public static async Task<ApplicationState> StateOfAsync(ServiceHost db, Guid applicationId)
    {
        await using var ctx = db.SystemContext();
        return await ctx.Applications.Where(a => a.Id == applicationId).Select(a => a.State).SingleAsync();
    }

    /// <summary>Sets the clock to 10:00 Beijing time of <paramref name="day"/>.</summary>
    public static void SetDay(ServiceHost db, DateOnly day) =>
        db.Clock.MoveTo(new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)));

    /// <summary>The demo's open notice (A9's), in the portal's database.</summary>
    public static async Task<PublicNotice> DemoNoticeAsync(this PortalFactory portal)
    {
        await using var db = portal.SystemContext("公示测试");
        return await db.PublicNotices.AsNoTracking().SingleAsync(n => n.Entries.Any(e => e.ApplicationId == A9));
    }

    /// <summary>Sets the portal's clock to <paramref name="hour"/>:00 Beijing time of <paramref name="day"/>.</summary>
    public static void SetDay(this PortalFactory portal, DateOnly day, int hour = 10) =>
        portal.Clock.MoveTo(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8)));

    /// <summary>A minimal PDF (the attachment store judges by the first bytes).</summary>
    public static MemoryStream Pdf() => new("%PDF-1.4\n% signed objection\n%%EOF\n"u8.ToArray());
}
