using NuMeng.Recognition.Web.Features.Notifications;

namespace NuMeng.Recognition.Web.Features.Review;

/// <summary>
/// The bureau's working steps of the preliminary review (管理办法 第七条 初审): return for revision, and preparing the
/// recommendation or rejection that the leader then signs (<see cref="BureauSigning"/>). Every step is a
/// <see cref="Step{TRecord}"/> of the <see cref="Procedure"/>: <see cref="ApplicationWorkflow"/> decides, the concurrency
/// stamp the form was shown with is checked, and the step is audited and saved in one transaction with its notifications.
/// </summary>
public sealed class BureauReviewService(Procedure procedure, NotificationService notifications)
{
    /// <summary>
    /// 退回修改: either bureau role; at least one reason, each on an item of the application. The enterprise answers with
    /// a new version. A second click (the application is already returned with these reasons' version) changes nothing.
    /// </summary>
    public Task<StepOutcome> ReturnAsync(Guid applicationId, Guid expectedStamp, IReadOnlyList<ReviewReason> reasons,
        string? opinion, CancellationToken cancellationToken = default)
    {
        var draft = new ReviewDraft(BureauDecision.Return, opinion, null, reasons);
        return procedure.RunAsync(new Step<BureauCase>
        {
            Desk = Desk.Bureau,
            Load = s => ReviewSteps.LoadAsync(s, applicationId, BureauDecision.Return, ApplicationState.Returned),
            NotFound = ReviewSteps.NotFound,
            AlreadyDone = c => c.AlreadyDecided ? "该申报已退回修改，无需重复操作" : null,
            Validate = _ => draft.Validate(),
            InvalidMessage = ReviewSteps.InvalidMessage,
            Decide = (s, c) => ApplicationWorkflowSteps.Decide(s, c.App, ApplicationAction.ReturnForRevision),
            Stamp = expectedStamp,
            StampedRow = c => c.App,
            Work = async (s, c) =>
            {
                c.Draft = new BureauReview
                {
                    ApplicationId = c.App.Id,
                    ApplicationVersionId = c.VersionId,
                    BureauOrganisationId = s.User.BureauId(),
                    Decision = BureauDecision.Return,
                    ItemReasons = draft.ToItemReasons(),
                    OpinionText = draft.OpinionText,
                    ReviewedByUserId = s.User.UserId,
                };
                s.Db.BureauReviews.Add(c.Draft);
                await notifications.AddForOrganisationAsync(s.Db, c.App.EnterpriseId, [ActorRole.EnterpriseApplicant],
                    $"您的申报“{ReviewSteps.Name(c.App)}”（第 {c.App.LatestVersionNumber} 版）已被{s.User.BureauName()}退回修改：{ReviewSteps.Summary(c.Draft.ItemReasons)}。请逐条修改后重新提交。",
                    ReviewSteps.EnterpriseLink(c.App.Id), s.Cancellation);
                return null;
            },
            Audit = (s, c) => [AuditKinds.BureauReturn.For(c.App.Id, new
            {
                from = s.Ruling!.From,
                to = c.App.State.ToString(),
                version = c.App.LatestVersionNumber,
                reviewId = c.Draft!.Id,
                reasons = c.Draft.ItemReasons.Select(r => new { r.ItemKey, r.Reason }),
            })],
            Done = _ => "已退回修改，已通知申报企业",
        }, cancellationToken);
    }

    /// <summary>
    /// Prepares (or revises) the recommendation or rejection of the latest version for the leader to sign. Either bureau
    /// role; the application must be waiting for the bureau. A recommendation's ranking is checked against the list and
    /// the batch's cap now, and again when signed. <paramref name="expectedDraftStamp"/> is the stamp of the draft the form
    /// showed (null when it showed none): a draft changed by someone else in between is a conflict.
    /// </summary>
    public Task<StepOutcome> PrepareAsync(Guid applicationId, Guid expectedStamp, Guid? expectedDraftStamp,
        ReviewDraft input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var label = ReviewSteps.DecisionLabel(input.Decision);
        return procedure.RunAsync(new Step<BureauCase>
        {
            Desk = Desk.Bureau,
            Load = s => ReviewSteps.LoadAsync(s, applicationId),
            NotFound = ReviewSteps.NotFound,
            // Preparing is allowed exactly when the leader could sign now.
            Decide = (_, c) => input.Decision == BureauDecision.Return ? Ruling.Refuse("退回修改无需签发，请直接退回")
                : ApplicationWorkflowSteps.RefusalOrNull(c.App.State, ReviewSteps.ActionOf(input.Decision), ActorRole.BureauLeader) is { } refusal
                    ? Ruling.Refuse(refusal) : Ruling.Allow(),
            Stamp = expectedStamp,
            StampedRow = c => c.App,
            Work = async (s, c) =>
            {
                if (c.Draft?.ConcurrencyStamp != expectedDraftStamp)
                {
                    return StepOutcome.Conflict(ConcurrencyConflict.Message);
                }
                var errors = input.Validate().ToList();
                if (errors.Count == 0 && input.Decision == BureauDecision.Recommend)
                {
                    errors.AddRange(await RecommendationList.CheckAsync(s.Db, c.App, input.Ranking!.Value, s.Cancellation));
                }
                if (errors.Count > 0)
                {
                    return StepOutcome.Invalid(errors, ReviewSteps.InvalidMessage);
                }
                if (c.Draft is null)
                {
                    c.Draft = new BureauReview { ApplicationId = c.App.Id, ApplicationVersionId = c.VersionId, BureauOrganisationId = s.User.BureauId() };
                    s.Db.BureauReviews.Add(c.Draft);
                }
                else
                {
                    s.Db.ExpectStamp(c.Draft, expectedDraftStamp!.Value);
                }
                c.Draft.Decision = input.Decision;
                c.Draft.ItemReasons = input.ToItemReasons();
                c.Draft.OpinionText = input.OpinionText;
                c.Draft.Ranking = input.Decision == BureauDecision.Recommend ? input.Ranking : null;
                c.Draft.ReviewedByUserId = s.User.UserId;
                if (!s.User.Roles.Contains(ActorRole.BureauLeader))
                {
                    await notifications.AddForOrganisationAsync(s.Db, s.User.BureauId(), [ActorRole.BureauLeader],
                        $"{s.User.DisplayName}已拟定对“{ReviewSteps.Name(c.App)}”的{label}意见，请审核签发。", ReviewSteps.ReviewLink(c.App.Id), s.Cancellation);
                }
                return null;
            },
            Audit = (_, c) => [AuditKinds.BureauPrepare.For(c.Draft!.Id, new
            {
                applicationId = c.App.Id,
                version = c.App.LatestVersionNumber,
                decision = input.Decision.ToString(),
                ranking = c.Draft.Ranking,
            })],
            Done = _ => $"{label}意见已保存，待盟市负责人签发",
        }, cancellationToken);
    }
}
