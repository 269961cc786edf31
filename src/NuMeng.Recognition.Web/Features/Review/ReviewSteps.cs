using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Applications;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Web.Features.Review;

/// <summary>Steps shared by the bureau's decisions (<see cref="BureauReviewService"/>, <see cref="BureauSigning"/>).</summary>
internal static class ReviewSteps
{
    /// <summary>
    /// The application, through the tenancy filter (another 盟市's application or a draft is simply not found), attached
    /// for update. Only the columns a decision needs are read: the enterprise's unsubmitted draft
    /// (<c>CurrentDraftJson</c>) is on the same row and is never the bureau's to read (Data: tenancy notes). The stub
    /// carries the real concurrency stamp, so the UPDATE of its state is checked like any other.
    /// </summary>
    public static async Task<Application?> FindAsync(RecognitionDbContext db, Guid applicationId, BureauActor bureau, CancellationToken cancellationToken)
    {
        var row = await db.Applications.AsNoTracking()
            .Where(a => a.Id == applicationId && a.LeagueCode == bureau.LeagueCode)
            .Select(a => new { a.Id, a.EnterpriseId, a.BatchId, a.Kind, a.State, a.WorkshopOrFactoryName, a.LeagueCode, a.LatestVersionNumber, a.ConcurrencyStamp })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        return db.Applications.AttachStored(new Application
        {
            Id = row.Id, EnterpriseId = row.EnterpriseId, BatchId = row.BatchId, Kind = row.Kind,
            WorkshopOrFactoryName = row.WorkshopOrFactoryName, LeagueCode = row.LeagueCode,
            LatestVersionNumber = row.LatestVersionNumber, ConcurrencyStamp = row.ConcurrencyStamp,
        }, row.State);
    }

    /// <summary>
    /// The start of every decision: the bureau user (or a refusal), then the application of its 盟市 (or not found).
    /// </summary>
    public static async Task<(BureauActor? Bureau, Application? App, ReviewOutcome? Stop)> StartAsync(
        RecognitionDbContext db, Guid applicationId, CancellationToken cancellationToken)
    {
        if (BureauActor.Of(db.Actor) is not { } bureau)
        {
            return (null, null, ReviewOutcome.Refused(BureauActor.NotBureauMessage));
        }
        var app = await FindAsync(db, applicationId, bureau, cancellationToken);
        return app is null ? (bureau, null, ReviewOutcome.NotFound()) : (bureau, app, null);
    }

    /// <summary>The id of the latest submitted version (decisions are made on it).</summary>
    public static Task<Guid> LatestVersionIdAsync(RecognitionDbContext db, Application application, CancellationToken cancellationToken) =>
        db.ApplicationVersions
            .Where(v => v.ApplicationId == application.Id && v.Number == application.LatestVersionNumber)
            .Select(v => v.Id)
            .FirstAsync(cancellationToken);

    /// <summary>The unsigned recommendation or rejection being prepared on a version by this bureau, if any (tracked).</summary>
    public static Task<BureauReview?> DraftAsync(RecognitionDbContext db, Guid versionId, Guid bureauId, CancellationToken cancellationToken) =>
        db.BureauReviews
            .Where(r => r.ApplicationVersionId == versionId && r.BureauOrganisationId == bureauId
                && r.SignedAt == null && r.Decision != BureauDecision.Return)
            .OrderByDescending(r => r.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The decision already recorded on a version, if the application is in the state it leads to.</summary>
    public static Task<bool> AlreadyDecidedAsync(RecognitionDbContext db, Application application, Guid versionId,
        BureauDecision decision, ApplicationState target, CancellationToken cancellationToken) =>
        application.State != target
            ? Task.FromResult(false)
            : db.BureauReviews.AnyAsync(r => r.ApplicationVersionId == versionId && r.Decision == decision
                && (decision == BureauDecision.Return || r.SignedAt != null), cancellationToken);

    /// <summary>The workflow's verdict on the action for the role; null when it is allowed.</summary>
    public static string? Refusal(ApplicationState from, ApplicationAction action, ActorRole role)
    {
        try
        {
            ApplicationWorkflow.Transition(from, action, role);
            return null;
        }
        catch (WorkflowException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// Saves the pending changes together with their audit entry; a lost race or a locked row becomes a message and
    /// nothing is saved.
    /// </summary>
    public static async Task<ReviewOutcome> SaveAsync(IAuditLog audit, RecognitionDbContext db, AuditEvent auditEvent,
        string message, CancellationToken cancellationToken)
    {
        try
        {
            await audit.AppendAsync(db, auditEvent, cancellationToken);
            return ReviewOutcome.Done(message);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            return ReviewOutcome.Conflict(ConcurrencyConflict.Describe(ex));
        }
        catch (ImmutableRowException ex)
        {
            return ReviewOutcome.Refused(ex.Message);
        }
    }

    /// <summary>Short summary of the reasons for a notification: the first two, and how many more.</summary>
    public static string Summary(IReadOnlyList<BureauReviewItemReason> reasons)
    {
        var first = string.Join("；", reasons.Take(2).Select(r => r.Reason.Length > 60 ? r.Reason[..59] + "…" : r.Reason));
        return reasons.Count > 2 ? $"{first}等 {reasons.Count} 条意见" : first;
    }

    public static string Name(Application application) =>
        string.IsNullOrWhiteSpace(application.WorkshopOrFactoryName) ? "未命名的申报" : application.WorkshopOrFactoryName;

    public static string EnterpriseLink(Guid applicationId) => $"/applications/{applicationId:D}";

    public static string ReviewLink(Guid applicationId) => $"/review/{applicationId:D}";

    public static string DecisionLabel(BureauDecision decision) => decision switch
    {
        BureauDecision.Return => "退回修改",
        BureauDecision.Reject => "不予推荐",
        _ => "推荐",
    };

    public static ApplicationAction ActionOf(BureauDecision decision) => decision switch
    {
        BureauDecision.Return => ApplicationAction.ReturnForRevision,
        BureauDecision.Reject => ApplicationAction.BureauReject,
        _ => ApplicationAction.BureauRecommend,
    };
}
