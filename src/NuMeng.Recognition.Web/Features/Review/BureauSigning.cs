using System.Data;
using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Applications;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;
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
public sealed class BureauSigning(
    IDbContextFactory<RecognitionDbContext> factory, IAuditLog audit, NotificationService notifications,
    IAttachmentStore store, TimeProvider clock)
{
    public const string ScanItemKey = "bureau.stampedOpinion";

    /// <summary>
    /// Signs <paramref name="input"/> (the leader may have edited the prepared draft) for the latest version. The ranking
    /// check and the writes run in one serialisable transaction, so two leaders cannot take the same place or exceed the cap.
    /// </summary>
    public async Task<ReviewOutcome> SignAsync(Guid applicationId, Guid expectedStamp, Guid? expectedDraftStamp,
        ReviewDraft input, StampedScanUpload? scan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Decision == BureauDecision.Return)
        {
            return ReviewOutcome.Refused("退回修改无需签发，请直接退回");
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        var start = await ReviewSteps.StartAsync(db, applicationId, cancellationToken);
        if (start is not ({ } bureau, { } app, _))
        {
            return start.Stop!;
        }
        var action = ReviewSteps.ActionOf(input.Decision);
        var target = input.Decision == BureauDecision.Recommend ? ApplicationState.BureauRecommended : ApplicationState.BureauRejected;
        var versionId = await ReviewSteps.LatestVersionIdAsync(db, app, cancellationToken);
        if (await ReviewSteps.AlreadyDecidedAsync(db, app, versionId, input.Decision, target, cancellationToken))
        {
            return ReviewOutcome.AlreadyDone($"该申报的{ReviewSteps.DecisionLabel(input.Decision)}意见已签发，无需重复操作");
        }
        if (ReviewSteps.Refusal(app.State, action, bureau.Role) is { } refusal)
        {
            return ReviewOutcome.Refused(refusal);
        }
        var draft = await ReviewSteps.DraftAsync(db, versionId, bureau.BureauId, cancellationToken);
        if (app.ConcurrencyStamp != expectedStamp || draft?.ConcurrencyStamp != expectedDraftStamp)
        {
            return ReviewOutcome.Conflict(ConcurrencyConflict.Message);
        }
        var errors = input.Validate().ToList();
        if (input.Decision == BureauDecision.Recommend && scan is null)
        {
            errors.Add(new("stampedScan", "请上传加盖公章的初审意见扫描件（PDF、JPG 或 PNG）"));
        }
        if (errors.Count == 0 && input.Decision == BureauDecision.Recommend)
        {
            errors.AddRange(await RecommendationList.CheckAsync(db, app, input.Ranking!.Value, cancellationToken));
        }
        Attachment? scanRow = null;
        if (errors.Count == 0 && scan is not null)
        {
            var saved = await store.SaveAsync(scan.Content, scan.FileName, "stampedScan", cancellationToken);
            errors.AddRange(saved.Errors);
            scanRow = saved.File is { } f ? ScanRow(f, app, bureau) : null;
        }
        if (errors.Count > 0)
        {
            return ReviewOutcome.Invalid(errors);
        }

        if (draft is null)
        {
            draft = new BureauReview { ApplicationId = app.Id, ApplicationVersionId = versionId, BureauOrganisationId = bureau.BureauId, ReviewedByUserId = bureau.UserId };
            db.BureauReviews.Add(draft);
        }
        else
        {
            db.ExpectStamp(draft, expectedDraftStamp!.Value);
        }
        if (scanRow is not null)
        {
            db.Attachments.Add(scanRow);
        }
        draft.Decision = input.Decision;
        draft.ItemReasons = input.ToItemReasons();
        draft.OpinionText = input.OpinionText;
        draft.Ranking = input.Decision == BureauDecision.Recommend ? input.Ranking : null;
        draft.SignedByLeaderUserId = bureau.UserId;
        draft.SignedAt = Timestamps.Normalise(clock.GetUtcNow());
        draft.StampedScanAttachmentId = scanRow?.Id;
        var from = app.State;
        db.ExpectStamp(app, expectedStamp);
        app.Apply(ApplicationWorkflow.Decide(app.State, action, [bureau.Role]));

        var name = ReviewSteps.Name(app);
        await notifications.AddForOrganisationAsync(db, app.EnterpriseId, [ActorRole.EnterpriseApplicant],
            input.Decision == BureauDecision.Recommend
                ? $"您的申报“{name}”已通过{bureau.BureauName}初审，已推荐上报自治区工业和信息化厅。"
                : $"您的申报“{name}”未通过{bureau.BureauName}初审（不予推荐）：{ReviewSteps.Summary(draft.ItemReasons)}。",
            ReviewSteps.EnterpriseLink(app.Id), cancellationToken);
        if (input.Decision == BureauDecision.Recommend)
        {
            await notifications.AddForOrganisationAsync(db, Data.Seeding.WellKnownIds.Department, [ActorRole.DepartmentStaff],
                $"{bureau.BureauName}推荐“{name}”（第 {app.LatestVersionNumber} 版，本盟市排名第 {draft.Ranking} 位），请受理。", null, cancellationToken);
        }
        var outcome = await ReviewSteps.SaveAsync(audit, db, new AuditEvent("bureau-review.sign", "Application", app.Id.ToString("D"), new
        {
            from = from.ToString(),
            to = app.State.ToString(),
            version = app.LatestVersionNumber,
            reviewId = draft.Id,
            decision = input.Decision.ToString(),
            ranking = draft.Ranking,
            stampedScanSha256 = scanRow?.Sha256,
        }), input.Decision == BureauDecision.Recommend ? "已签发推荐意见，已报送自治区工业和信息化厅" : "已签发不予推荐意见，已通知申报企业",
            cancellationToken);
        if (outcome.Succeeded)
        {
            await tx.CommitAsync(cancellationToken);
        }
        return outcome;
    }

    private Attachment ScanRow(StoredFile file, Application app, BureauActor bureau) => new()
    {
        OwnerOrganisationId = bureau.BureauId,
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
