using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Tests.Features.Review;

namespace NuMeng.Recognition.Web.Tests.Features.ExpertDesk;

/// <summary>Arrangements in a running portal's own database: extra assignments and a state for the on-site stage.</summary>
internal static class ExpertArrange
{
    /// <summary>Assigns demo expert <paramref name="expert"/> to demo application <paramref name="key"/> (optionally declared no conflict).</summary>
    public static async Task<Guid> AssignAsync(ReviewPortalFactory portal, string key, int expert, PanelRole role, bool declared,
        ApplicationState? state = null)
    {
        await using var db = ReviewArrange.SystemContext(portal);
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
