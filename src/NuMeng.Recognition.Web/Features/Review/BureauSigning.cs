using NuMeng.Recognition.Web.Features.Notifications;
using NuMeng.Recognition.Web.Infrastructure.Attachments;

namespace NuMeng.Recognition.Web.Features.Review;

/// <summary>
/// The bureau leader signs the opinion (初审意见) — 管理办法 第七条: the bureau issues a stamped opinion (加盖公章) and
/// reports to the department. A recommendation needs the opinion, the ranking and the scan of the stamped opinion, and is
/// forwarded to the department (盟市已推荐); a rejection (初审未通过) needs its reasons, the scan is optional. Only the
/// workflow's leader rows allow it: a reviewer is refused by <see cref="ApplicationWorkflow"/>. The signed review is
/// locked by the data layer (<c>ILockableRow</c>): nothing can change it afterwards.
/// </summary>
public sealed class BureauSigning(Procedure procedure, NotificationService notifications, IAttachmentStore store, TimeProvider clock)
{
    public const string ScanItemKey = "bureau.stampedOpinion";

    /// <summary>
    /// Signs <paramref name="input"/> (the leader may have edited the prepared draft) for the latest version. The ranking
    /// check and the writes run in one serialisable transaction, so two leaders cannot take the same place or exceed the cap.
    /// </summary>
    public Task<StepOutcome> SignAsync(Guid applicationId, Guid expectedStamp, Guid? expectedDraftStamp,
        ReviewDraft input, StampedScanUpload? scan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Decision == BureauDecision.Return)
        {
            return Task.FromResult(StepOutcome.Refused("退回修改无需签发，请直接退回"));
        }
        var recommend = input.Decision == BureauDecision.Recommend;
        var action = ReviewSteps.ActionOf(input.Decision);
        Attachment? scanRow = null;
        return procedure.RunAsync(new Step<BureauCase>
        {
            Desk = Desk.Bureau,
            Isolation = IsolationLevel.Serializable,
            Load = s => ReviewSteps.LoadAsync(s, applicationId, input.Decision, recommend ? ApplicationState.BureauRecommended : ApplicationState.BureauRejected),
            NotFound = ReviewSteps.NotFound,
            AlreadyDone = c => c.AlreadyDecided ? $"该申报的{ReviewSteps.DecisionLabel(input.Decision)}意见已签发，无需重复操作" : null,
            Decide = (s, c) => ApplicationWorkflowSteps.Decide(s, c.App, action),
            Stamp = expectedStamp,
            StampedRow = c => c.App,
            Work = async (s, c) =>
            {
                if (c.Draft?.ConcurrencyStamp != expectedDraftStamp)
                {
                    return StepOutcome.Conflict(ConcurrencyConflict.Message);
                }
                var errors = input.Validate().ToList();
                if (recommend && scan is null)
                {
                    errors.Add(new("stampedScan", "请上传加盖公章的初审意见扫描件（PDF、JPG 或 PNG）"));
                }
                if (errors.Count == 0 && recommend)
                {
                    errors.AddRange(await RecommendationList.CheckAsync(s.Db, c.App, input.Ranking!.Value, s.Cancellation));
                }
                if (errors.Count == 0 && scan is not null)
                {
                    var saved = await store.SaveAsync(scan.Content, scan.FileName, "stampedScan", s.Cancellation);
                    errors.AddRange(saved.Errors);
                    scanRow = saved.File is { } f ? ScanRow(f, c.App, s.User) : null;
                }
                if (errors.Count > 0)
                {
                    return StepOutcome.Invalid(errors, ReviewSteps.InvalidMessage);
                }
                var draft = c.Draft;
                if (draft is null)
                {
                    draft = c.Draft = new BureauReview { ApplicationId = c.App.Id, ApplicationVersionId = c.VersionId, BureauOrganisationId = s.User.BureauId(), ReviewedByUserId = s.User.UserId };
                    s.Db.BureauReviews.Add(draft);
                }
                else
                {
                    s.Db.ExpectStamp(draft, expectedDraftStamp!.Value);
                }
                if (scanRow is not null)
                {
                    s.Db.Attachments.Add(scanRow);
                }
                draft.Decision = input.Decision;
                draft.ItemReasons = input.ToItemReasons();
                draft.OpinionText = input.OpinionText;
                draft.Ranking = recommend ? input.Ranking : null;
                draft.SignedByLeaderUserId = s.User.UserId;
                draft.SignedAt = Timestamps.Normalise(clock.GetUtcNow());
                draft.StampedScanAttachmentId = scanRow?.Id;

                var name = ReviewSteps.Name(c.App);
                var bureauName = s.User.BureauName();
                await notifications.AddForOrganisationAsync(s.Db, c.App.EnterpriseId, [ActorRole.EnterpriseApplicant],
                    recommend
                        ? $"您的申报“{name}”已通过{bureauName}初审，已推荐上报自治区工业和信息化厅。"
                        : $"您的申报“{name}”未通过{bureauName}初审（不予推荐）：{ReviewSteps.Summary(draft.ItemReasons)}。",
                    ReviewSteps.EnterpriseLink(c.App.Id), s.Cancellation);
                if (recommend)
                {
                    await notifications.AddForOrganisationAsync(s.Db, Data.Seeding.WellKnownIds.Department, [ActorRole.DepartmentStaff],
                        $"{bureauName}推荐“{name}”（第 {c.App.LatestVersionNumber} 版，本盟市排名第 {draft.Ranking} 位），请受理。", null, s.Cancellation);
                }
                return null;
            },
            Audit = (s, c) => [AuditKinds.BureauSign.For(c.App.Id, new
            {
                from = s.Ruling!.From,
                to = c.App.State.ToString(),
                version = c.App.LatestVersionNumber,
                reviewId = c.Draft!.Id,
                decision = input.Decision.ToString(),
                ranking = c.Draft.Ranking,
                stampedScanSha256 = scanRow?.Sha256,
            })],
            Done = _ => recommend ? "已签发推荐意见，已报送自治区工业和信息化厅" : "已签发不予推荐意见，已通知申报企业",
        }, cancellationToken);
    }

    private Attachment ScanRow(StoredFile file, Application app, ActingUser bureau) => new()
    {
        OwnerOrganisationId = bureau.BureauId(),
        ApplicationId = app.Id,
        ItemKey = ScanItemKey,
        OriginalFileName = file.OriginalFileName,
        StoredName = file.StoredName,
        ContentType = file.ContentType,
        SizeBytes = file.SizeBytes,
        Sha256 = file.Sha256,
        UploadedAt = Timestamps.Normalise(clock.GetUtcNow()),
        UploadedByUserId = bureau.UserId,
    };
}
