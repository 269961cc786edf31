using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Features.Notifications;

namespace NuMeng.Recognition.Web.Features.Review;

/// <summary>
/// The bureau's working steps of the preliminary review (管理办法 第七条 初审): return for revision, and preparing the
/// recommendation or rejection that the leader then signs (<see cref="BureauSigning"/>). Every step goes through
/// <see cref="ApplicationWorkflow"/> (never a state set by hand), checks the concurrency stamp the form was shown with,
/// is audited and saved in one transaction with the notifications it causes.
/// </summary>
public sealed class BureauReviewService(
    IDbContextFactory<RecognitionDbContext> factory, IAuditLog audit, NotificationService notifications)
{
    /// <summary>
    /// 退回修改: either bureau role; at least one reason, each on an item of the application. The enterprise answers with
    /// a new version. A second click (the application is already returned with these reasons' version) changes nothing.
    /// </summary>
    public async Task<ReviewOutcome> ReturnAsync(Guid applicationId, Guid expectedStamp, IReadOnlyList<ReviewReason> reasons,
        string? opinion, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var start = await ReviewSteps.StartAsync(db, applicationId, cancellationToken);
        if (start is not ({ } bureau, { } app, _))
        {
            return start.Stop!;
        }
        var versionId = await ReviewSteps.LatestVersionIdAsync(db, app, cancellationToken);
        if (await ReviewSteps.AlreadyDecidedAsync(db, app, versionId, BureauDecision.Return, ApplicationState.Returned, cancellationToken))
        {
            return ReviewOutcome.AlreadyDone("该申报已退回修改，无需重复操作");
        }
        if (app.ConcurrencyStamp != expectedStamp)
        {
            return ReviewOutcome.Conflict(ConcurrencyConflict.Message);
        }
        var draft = new ReviewDraft(BureauDecision.Return, opinion, null, reasons);
        if (draft.Validate() is { Count: > 0 } errors)
        {
            return ReviewOutcome.Invalid(errors);
        }
        if (ReviewSteps.Refusal(app.State, ApplicationAction.ReturnForRevision, bureau.Role) is { } refusal)
        {
            return ReviewOutcome.Refused(refusal);
        }

        var from = app.State;
        db.ExpectStamp(app, expectedStamp);
        app.Apply(ApplicationWorkflow.Decide(app.State, ApplicationAction.ReturnForRevision, [bureau.Role]));
        var review = new BureauReview
        {
            ApplicationId = app.Id,
            ApplicationVersionId = versionId,
            BureauOrganisationId = bureau.BureauId,
            Decision = BureauDecision.Return,
            ItemReasons = draft.ToItemReasons(),
            OpinionText = draft.OpinionText,
            ReviewedByUserId = bureau.UserId,
        };
        db.BureauReviews.Add(review);
        await notifications.AddForOrganisationAsync(db, app.EnterpriseId, [ActorRole.EnterpriseApplicant],
            $"您的申报“{ReviewSteps.Name(app)}”（第 {app.LatestVersionNumber} 版）已被{bureau.BureauName}退回修改：{ReviewSteps.Summary(review.ItemReasons)}。请逐条修改后重新提交。",
            ReviewSteps.EnterpriseLink(app.Id), cancellationToken);
        return await ReviewSteps.SaveAsync(audit, db, new AuditEvent("application.return", "Application", app.Id.ToString("D"), new
        {
            from = from.ToString(),
            to = app.State.ToString(),
            version = app.LatestVersionNumber,
            reviewId = review.Id,
            reasons = review.ItemReasons.Select(r => new { r.ItemKey, r.Reason }),
        }), "已退回修改，已通知申报企业", cancellationToken);
    }

    /// <summary>
    /// Prepares (or revises) the recommendation or rejection of the latest version for the leader to sign. Either bureau
    /// role; the application must be waiting for the bureau. A recommendation's ranking is checked against the list and
    /// the batch's cap now, and again when signed. <paramref name="expectedDraftStamp"/> is the stamp of the draft the form
    /// showed (null when it showed none): a draft changed by someone else in between is a conflict.
    /// </summary>
    public async Task<ReviewOutcome> PrepareAsync(Guid applicationId, Guid expectedStamp, Guid? expectedDraftStamp,
        ReviewDraft input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var start = await ReviewSteps.StartAsync(db, applicationId, cancellationToken);
        if (start is not ({ } bureau, { } app, _))
        {
            return start.Stop!;
        }
        if (input.Decision == BureauDecision.Return)
        {
            return ReviewOutcome.Refused("退回修改无需签发，请直接退回");
        }
        // Preparing is allowed exactly when the leader could sign now.
        if (ReviewSteps.Refusal(app.State, ReviewSteps.ActionOf(input.Decision), ActorRole.BureauLeader) is { } refusal)
        {
            return ReviewOutcome.Refused(refusal);
        }
        var versionId = await ReviewSteps.LatestVersionIdAsync(db, app, cancellationToken);
        var draft = await ReviewSteps.DraftAsync(db, versionId, bureau.BureauId, cancellationToken);
        if (app.ConcurrencyStamp != expectedStamp || draft?.ConcurrencyStamp != expectedDraftStamp)
        {
            return ReviewOutcome.Conflict(ConcurrencyConflict.Message);
        }
        var errors = input.Validate().ToList();
        if (errors.Count == 0 && input.Decision == BureauDecision.Recommend)
        {
            errors.AddRange(await RecommendationList.CheckAsync(db, app, input.Ranking!.Value, cancellationToken));
        }
        if (errors.Count > 0)
        {
            return ReviewOutcome.Invalid(errors);
        }

        if (draft is null)
        {
            draft = new BureauReview { ApplicationId = app.Id, ApplicationVersionId = versionId, BureauOrganisationId = bureau.BureauId };
            db.BureauReviews.Add(draft);
        }
        else
        {
            db.ExpectStamp(draft, expectedDraftStamp!.Value);
        }
        draft.Decision = input.Decision;
        draft.ItemReasons = input.ToItemReasons();
        draft.OpinionText = input.OpinionText;
        draft.Ranking = input.Decision == BureauDecision.Recommend ? input.Ranking : null;
        draft.ReviewedByUserId = bureau.UserId;
        var label = ReviewSteps.DecisionLabel(input.Decision);
        if (bureau.Role != ActorRole.BureauLeader)
        {
            await notifications.AddForOrganisationAsync(db, bureau.BureauId, [ActorRole.BureauLeader],
                $"{bureau.DisplayName}已拟定对“{ReviewSteps.Name(app)}”的{label}意见，请审核签发。", ReviewSteps.ReviewLink(app.Id), cancellationToken);
        }
        return await ReviewSteps.SaveAsync(audit, db, new AuditEvent("bureau-review.prepare", "BureauReview", draft.Id.ToString("D"), new
        {
            applicationId = app.Id,
            version = app.LatestVersionNumber,
            decision = input.Decision.ToString(),
            ranking = draft.Ranking,
        }), $"{label}意见已保存，待盟市负责人签发", cancellationToken);
    }
}
