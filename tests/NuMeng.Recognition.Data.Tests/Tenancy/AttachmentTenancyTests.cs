using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Applications;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tests.Infrastructure;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Data.Tests.Tenancy;

/// <summary>
/// Attachments do not simply follow their application: a file an enterprise uploaded after its last submission is its
/// own work in progress (docs/rule-reference.md §9 "What was submitted is frozen" — the bureau reviews the frozen version). Outside the
/// uploader's organisation and the department, a file is visible only once frozen into a version the actor may see, or
/// as the stamped scan of a signed bureau review (初审意见) the actor may see.
/// Demo: A2 enterprise.02 (1501) Submitted · A3 enterprise2 (1502) Returned, its review not signed · A8 enterprise.08
/// (1506) UnderExpertReview, review signed by 1506, expert 1 declared, expert 2 not yet. Each seeded application has one
/// frozen file (technical.equipmentList) in version 1.
/// </summary>
public abstract class AttachmentTenancyTests(ITestDatabaseProvider databases)
{
    [ProviderTheory]
    // A3 was returned for revision (退回修改): the enterprise uploads a corrected list that it has not resubmitted yet.
    // The bureau reviews what was submitted, so 包头's reviewer and leader see the frozen file only.
    [InlineData("A3", null, "enterprise2", "frozen,unsubmitted")]
    [InlineData("A3", null, "bureau2.reviewer", "frozen")]
    [InlineData("A3", null, "leader.1502", "frozen")]
    [InlineData("A3", null, "dept.staff", "frozen,unsubmitted")]
    [InlineData("A3", null, "dept.leader", "frozen,unsubmitted")]
    [InlineData("A3", null, "bureau.reviewer", "-")]
    [InlineData("A3", null, "enterprise", "-")]
    [InlineData("A3", null, "agency", "-")]
    [InlineData("A3", null, "expert", "-")]
    [InlineData("A3", null, "sysadmin", "-")]
    [InlineData("A3", null, "auditadmin", "-")]
    [InlineData("A3", null, "anonymous", "-")]
    // A withdrawn application (撤回) stays visible to its bureau; a file uploaded after withdrawal does not.
    [InlineData("A2", ApplicationState.Withdrawn, "enterprise.02", "frozen,unsubmitted")]
    [InlineData("A2", ApplicationState.Withdrawn, "bureau.reviewer", "frozen")]
    [InlineData("A2", ApplicationState.Withdrawn, "bureau.leader", "frozen")]
    [InlineData("A2", ApplicationState.Withdrawn, "enterprise", "-")]
    // Under expert review: experts (assigned, declared) and the agency see what was submitted, not a later upload.
    [InlineData("A8", null, "enterprise.08", "frozen,unsubmitted")]
    [InlineData("A8", null, "expert", "frozen")]
    [InlineData("A8", null, "agency", "frozen")]
    [InlineData("A8", null, "leader.1506", "frozen")]
    [InlineData("A8", null, "expert2", "-")]
    [InlineData("A8", null, "dept.staff", "frozen,unsubmitted")]
    public async Task Attachments_UploadedSinceLastSubmission_VisibleOnlyToUploaderAndDepartment(
        string application, ApplicationState? state, string user, string expected)
    {
        await using var database = await databases.CreateSeededAsync();
        var applicationId = DemoSeeder.ApplicationId(application);
        var unsubmitted = await AddEnterpriseUploadAsync(database, applicationId, state);

        await using var db = database.Context(DemoActors.For(user));
        var visible = await db.Attachments.Where(a => a.ApplicationId == applicationId).Select(a => a.Id).ToListAsync();

        Assert.Equal(expected, Join(visible.Select(id => id == unsubmitted ? "unsubmitted" : "frozen")));
        // The same answer through the id, as a download would ask.
        Assert.Equal(expected.Contains("unsubmitted", StringComparison.Ordinal), await db.Attachments.AnyAsync(a => a.Id == unsubmitted));
    }

    [ProviderTheory]
    // A8's review was signed by 鄂尔多斯 (1506): its stamped scan is part of the 初审意见 that experts and the agency read.
    [InlineData("A8", "expert", "scan")]
    [InlineData("A8", "agency", "scan")]
    [InlineData("A8", "leader.1506", "scan")]
    [InlineData("A8", "enterprise.08", "scan")]
    [InlineData("A8", "dept.staff", "scan")]
    [InlineData("A8", "expert2", "-")]
    [InlineData("A8", "bureau.reviewer", "-")]
    // A3's review (包头 1502) is not signed yet: a scan on it is still the bureau's own business.
    [InlineData("A3", "bureau2.reviewer", "scan")]
    [InlineData("A3", "dept.staff", "scan")]
    [InlineData("A3", "enterprise2", "-")]
    [InlineData("A3", "bureau.reviewer", "-")]
    public async Task Attachments_BureauStampedScan_VisibleOnceTheReviewIsSigned(string application, string user, string expected)
    {
        await using var database = await databases.CreateSeededAsync();
        var applicationId = DemoSeeder.ApplicationId(application);
        Guid scan;
        await using (var system = database.SystemContext())
        {
            var review = await system.BureauReviews.SingleAsync(r => r.ApplicationId == applicationId);
            var row = NewAttachment(review.BureauOrganisationId, applicationId, "bureau.stampedOpinion", review.ReviewedByUserId);
            system.Attachments.Add(row);
            await system.SaveChangesAsync();
            scan = row.Id;
            // The review may be locked (signed): set the link as the signing transaction does, past the lock guard.
            await system.BureauReviews.Where(r => r.Id == review.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.StampedScanAttachmentId, scan));
        }

        await using var db = database.Context(DemoActors.For(user));
        var visible = await db.Attachments.Where(a => a.ApplicationId == applicationId && a.ItemKey == "bureau.stampedOpinion")
            .Select(a => a.Id).ToListAsync();

        Assert.Equal(expected, Join(visible.Select(id => id == scan ? "scan" : id.ToString())));
    }

    /// <summary>
    /// Adds a file the enterprise uploaded after its last submission (optionally moving the application to
    /// <paramref name="state"/> first) and returns its id.
    /// </summary>
    private static async Task<Guid> AddEnterpriseUploadAsync(TestDatabase database, Guid applicationId, ApplicationState? state)
    {
        await using var system = database.SystemContext();
        var app = await system.Applications.SingleAsync(a => a.Id == applicationId);
        if (state is { } s)
        {
            app.SeedState(s);
        }
        var uploader = await system.Users.Where(u => u.OrganisationId == app.EnterpriseId).Select(u => u.Id).FirstAsync();
        var row = NewAttachment(app.EnterpriseId, applicationId, "technical.equipmentList", uploader);
        system.Attachments.Add(row);
        await system.SaveChangesAsync();
        return row.Id;
    }

    private static Attachment NewAttachment(Guid owner, Guid applicationId, string itemKey, Guid uploader) => new()
    {
        OwnerOrganisationId = owner,
        ApplicationId = applicationId,
        ItemKey = itemKey,
        OriginalFileName = "补充材料.pdf",
        StoredName = Guid.NewGuid().ToString("N") + ".pdf",
        ContentType = "application/pdf",
        SizeBytes = 1024,
        Sha256 = new string('a', 64),
        UploadedAt = new DateTimeOffset(2026, 7, 1, 2, 0, 0, TimeSpan.Zero),
        UploadedByUserId = uploader,
    };

    private static string Join(IEnumerable<string> items)
    {
        var list = items.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "-" : string.Join(",", list);
    }
}

public sealed class SqliteAttachmentTenancyTests() : AttachmentTenancyTests(SqliteDatabases.Instance);

[RequiresPostgres]
[Collection(PostgresServer.CollectionName)]
public sealed class PostgresAttachmentTenancyTests(PostgresServer server) : AttachmentTenancyTests(PostgresDatabases.For(server));
