using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Applications;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Data.Tests.Infrastructure;

namespace NuMeng.Recognition.Data.Tests.Concurrency;

/// <summary>
/// "an application-managed concurrency token on every mutable row (SQLite does not maintain rowversion); a
/// conflicting save is detected and reported, never silently overwritten"; docs/architecture.md principles 6–7: submitted versions and
/// the audit log are never edited.
/// </summary>
public abstract class ConcurrencyAndImmutabilityTests(ITestDatabaseProvider databases)
{
    private static readonly Guid A2 = DemoSeeder.ApplicationId("A2");

    [ProviderFact]
    public async Task SaveChanges_TwoUsersEditSameApplication_SecondSaveThrowsConcurrencyException()
    {
        await using var database = await databases.CreateSeededAsync();
        await using var first = database.SystemContext();
        await using var second = database.SystemContext();
        var mine = await first.Applications.SingleAsync(a => a.Id == A2);
        var theirs = await second.Applications.SingleAsync(a => a.Id == A2);

        theirs.WorkshopOrFactoryName = "他人修改的名称";
        await second.SaveChangesAsync();
        mine.WorkshopOrFactoryName = "我的修改";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
        await using var check = database.SystemContext();
        Assert.Equal("他人修改的名称", (await check.Applications.SingleAsync(a => a.Id == A2)).WorkshopOrFactoryName);
    }

    [ProviderFact]
    public async Task TrySaveChanges_Conflict_ReturnsTheChineseMessage()
    {
        await using var database = await databases.CreateSeededAsync();
        await using var first = database.SystemContext();
        await using var second = database.SystemContext();
        // The other user deletes the row this user is editing (a holiday entry: no rows depend on it).
        var mine = await first.HolidayEntries.OrderBy(h => h.Date).FirstAsync();
        var theirs = await second.HolidayEntries.SingleAsync(h => h.Id == mine.Id);
        second.HolidayEntries.Remove(theirs);
        await second.SaveChangesAsync();

        mine.Name = "元旦（更正）";
        var message = await first.TrySaveChangesAsync();

        Assert.Equal("该记录已被他人修改，请刷新后重试", message);
    }

    [ProviderFact]
    public async Task SaveChanges_EveryUpdate_ReplacesTheStampAndUpdatedAt()
    {
        await using var database = await databases.CreateSeededAsync();
        await using var db = database.SystemContext();
        var application = await db.Applications.SingleAsync(a => a.Id == A2);
        var stampBefore = application.ConcurrencyStamp;
        var createdBefore = application.CreatedAt;

        application.ConsultancyName = "北疆智能制造咨询有限公司";
        await db.SaveChangesAsync();

        Assert.NotEqual(Guid.Empty, stampBefore);
        Assert.NotEqual(stampBefore, application.ConcurrencyStamp);
        Assert.Equal(createdBefore, application.CreatedAt);
        Assert.True(application.UpdatedAt >= createdBefore);
        Assert.Null(await db.TrySaveChangesAsync());
    }

    [ProviderFact]
    public async Task ExpectStamp_FormRenderedBeforeAnotherSave_SaveIsRefused()
    {
        // A static SSR form posts the stamp it was rendered with; the save must fail if the row changed since.
        await using var database = await databases.CreateSeededAsync();
        Guid stampInForm;
        await using (var render = database.SystemContext())
        {
            stampInForm = (await render.Applications.SingleAsync(a => a.Id == A2)).ConcurrencyStamp;
        }
        await using (var other = database.SystemContext())
        {
            (await other.Applications.SingleAsync(a => a.Id == A2)).ConsultancyName = "他人";
            await other.SaveChangesAsync();
        }

        await using var post = database.SystemContext();
        var application = await post.Applications.SingleAsync(a => a.Id == A2);
        post.ExpectStamp(application, stampInForm);
        application.ConsultancyName = "我";

        Assert.Equal(ConcurrencyConflict.Message, await post.TrySaveChangesAsync());
    }

    [ProviderFact]
    public async Task SaveChanges_OnlyOwnedItemsChangedConcurrently_ConflictIsStillDetected()
    {
        // Two reviewers editing the per-item reasons of the same (unsigned) review of A3.
        await using var database = await databases.CreateSeededAsync();
        var reviewId = WellKnownIds.For($"demo:review:{DemoSeeder.ApplicationId("A3")}");
        await using var first = database.SystemContext();
        await using var second = database.SystemContext();
        var mine = await first.BureauReviews.SingleAsync(r => r.Id == reviewId);
        var theirs = await second.BureauReviews.SingleAsync(r => r.Id == reviewId);

        theirs.ItemReasons.Add(new BureauReviewItemReason { ItemKey = "kpi.energy", Reason = "能源利用率数据缺失" });
        await second.SaveChangesAsync();
        mine.ItemReasons[0].Reason = "我改写的理由";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
    }

    [ProviderFact]
    public async Task SaveChanges_TwoAdminsEditSameAccount_SecondSaveThrowsConcurrencyException()
    {
        // Accounts use Identity's string ConcurrencyStamp; direct edits through the context renew it too.
        await using var database = await databases.CreateSeededAsync();
        var userId = DemoSeeder.UserId("expert2");
        await using var first = database.SystemContext();
        await using var second = database.SystemContext();
        var mine = await first.Users.SingleAsync(u => u.Id == userId);
        var theirs = await second.Users.SingleAsync(u => u.Id == userId);

        theirs.DisplayName = "李慧敏（已更名）";
        await second.SaveChangesAsync();
        mine.IsActive = false;

        Assert.Equal(ConcurrencyConflict.Message, await first.TrySaveChangesAsync());
    }

    [ProviderFact]
    public async Task SaveChanges_ModifyOrDeleteSubmittedVersion_IsRefused()
    {
        await using var database = await databases.CreateSeededAsync();
        await using var db = database.SystemContext();
        var version = await db.ApplicationVersions.FirstAsync(v => v.ApplicationId == A2);
        version.ContentJson = """{"tampered":true}""";
        var edit = await Assert.ThrowsAsync<ImmutableRowException>(() => db.SaveChangesAsync());

        await using var db2 = database.SystemContext();
        db2.ApplicationVersions.Remove(await db2.ApplicationVersions.FirstAsync(v => v.ApplicationId == A2));
        var delete = await Assert.ThrowsAsync<ImmutableRowException>(() => db2.SaveChangesAsync());

        Assert.Contains("不可修改", edit.Message);
        Assert.Equal(nameof(ApplicationVersion), delete.EntityType);
        await using var check = database.SystemContext();
        var stored = await check.ApplicationVersions.Include(v => v.Attachments).FirstAsync(v => v.ApplicationId == A2);
        Assert.Equal(stored.ContentHash, stored.ComputeHash());
    }

    [ProviderFact]
    public async Task SaveChanges_ModifyAuditEntry_IsRefused()
    {
        await using var database = await databases.CreateSeededAsync();
        await using var db = database.SystemContext();
        var entry = await db.AuditEntries.OrderBy(e => e.Sequence).FirstAsync();

        entry.ActorDisplayName = "篡改者";

        await Assert.ThrowsAsync<ImmutableRowException>(() => db.SaveChangesAsync());
    }

    [ProviderFact]
    public async Task SaveChanges_SubmittedScoreSheet_IsLocked()
    {
        // A9's score sheet by expert 1 is submitted (SubmittedAt set): neither its points nor the sheet may change.
        await using var database = await databases.CreateSeededAsync();
        var scoreId = WellKnownIds.For($"demo:score:{DemoSeeder.ApplicationId("A9")}:1");
        var draftId = WellKnownIds.For($"demo:score:{DemoSeeder.ApplicationId("A8")}:1");
        await using var db = database.SystemContext();
        var submitted = await db.ExpertScores.SingleAsync(s => s.Id == scoreId);
        submitted.Items[0].Points = 15m;
        await Assert.ThrowsAsync<ImmutableRowException>(() => db.SaveChangesAsync());

        await using var db2 = database.SystemContext();
        var draft = await db2.ExpertScores.SingleAsync(s => s.Id == draftId);
        draft.Items[0].Points = 14m;
        draft.SubmittedAt = Timestamps.Normalise(DateTimeOffset.UtcNow);
        await db2.SaveChangesAsync(); // submitting (setting the lock) is allowed once
        draft.OverallComment = "提交后再改";
        await Assert.ThrowsAsync<ImmutableRowException>(() => db2.SaveChangesAsync());
    }

    [ProviderFact]
    public async Task SaveChanges_SignedBureauReview_IsLocked()
    {
        await using var database = await databases.CreateSeededAsync();
        var reviewId = WellKnownIds.For($"demo:review:{DemoSeeder.ApplicationId("A7")}");
        await using var db = database.SystemContext();
        var review = await db.BureauReviews.SingleAsync(r => r.Id == reviewId);

        review.OpinionText = "签发后修改意见";

        await Assert.ThrowsAsync<ImmutableRowException>(() => db.SaveChangesAsync());
    }
}

public sealed class SqliteConcurrencyAndImmutabilityTests() : ConcurrencyAndImmutabilityTests(SqliteDatabases.Instance);

[RequiresPostgres]
[Collection(PostgresServer.CollectionName)]
public sealed class PostgresConcurrencyAndImmutabilityTests(PostgresServer server) : ConcurrencyAndImmutabilityTests(PostgresDatabases.For(server));
