using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Web.Features.Batches;

namespace NuMeng.Recognition.Web.Features.Applications;

/// <summary>
/// Submitting, resubmitting after a return, and withdrawing. A submission checks the draft (<see cref="SubmissionCheck"/>),
/// freezes an immutable <see cref="ApplicationVersion"/> with its hash, moves the state through
/// <see cref="ApplicationWorkflow"/> and writes the audit entry, all in one save guarded by the draft's stamp. A second
/// click (or a second tab) finds the application already submitted and gets the same version back: one click, one version.
/// </summary>
public sealed class ApplicationSubmission(IDbContextFactory<RecognitionDbContext> factory, ICurrentActor actor, IAuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// Submits (草稿 → 待盟市初审) or resubmits (退回修改 → 待盟市初审) the saved draft. With <paramref name="replies"/>
    /// they replace the draft's replies first (the detail page's reply boxes).
    /// </summary>
    public async Task<ServiceResult<SubmittedVersion>> SubmitAsync(Guid id, Guid stamp, IReadOnlyList<ReturnReply>? replies = null, CancellationToken ct = default)
    {
        if (!actor.Roles.Contains(ActorRole.EnterpriseApplicant) || actor.UserId is not { } userId)
        {
            return ServiceResult.Fail<SubmittedVersion>(ApplicationDrafts.NotEnterprise);
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var app = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (app is null)
        {
            return ServiceResult.Fail<SubmittedVersion>(ApplicationDrafts.NotFound);
        }
        if (app.State is not (ApplicationState.Draft or ApplicationState.Returned))
        {
            return await AlreadySubmittedAsync(db, app, ct);
        }
        var action = app.State == ApplicationState.Draft ? ApplicationAction.Submit : ApplicationAction.Resubmit;
        var batch = await db.Batches.AsNoTracking().FirstAsync(b => b.Id == app.BatchId, ct);
        var content = ApplicationContent.Read(app.CurrentDraftJson, out var readErrors);
        if (content is null)
        {
            return ServiceResult.Blocked<SubmittedVersion>(readErrors, "草稿内容无法读取，请在表单中重新填写后再提交。");
        }
        if (replies is not null)
        {
            content = content with { Replies = replies };
        }
        var today = ChinaTime.Today(clock);
        var problems = new List<InputError>(SubmissionCheck.Check(content, app.Kind, await RuleSetResolver.ForBatchAsync(db, batch, ct), today));
        if (action == ApplicationAction.Resubmit && await LatestReturnAsync(db, id, ct) is { } review)
        {
            problems.AddRange(SubmissionCheck.CheckReplies(content, review.Id, review.ItemReasons.Select(r => (r.ItemKey, r.Reason)).ToList()));
        }
        var listed = content.Evidence.SelectMany(e => e.Value).ToHashSet();
        var files = await db.Attachments.Where(f => f.ApplicationId == id && f.RemovedAt == null && listed.Contains(f.Id)).ToListAsync(ct);
        foreach (var (item, ids) in content.Evidence)
        {
            if (ids.Any(x => files.All(f => f.Id != x)))
            {
                problems.Add(new InputError($"evidence.{item}", $"“{EvidenceItems.Label(item)}”中有附件已被删除或不属于本申报，请重新上传。"));
            }
        }
        if (problems.Count > 0)
        {
            return ServiceResult.Blocked<SubmittedVersion>(problems, "尚不能提交，请先处理下列问题。");
        }

        var decision = ApplicationWorkflow.Decide(app.State, action, actor.Roles);
        var now = Timestamps.Normalise(clock.GetUtcNow());
        db.ExpectStamp(app, stamp);
        app.CurrentDraftJson = content.ToJson();
        var version = ApplicationVersion.Freeze(app.Id, app.LatestVersionNumber + 1, app.CurrentDraftJson, files, now, userId);
        db.ApplicationVersions.Add(version);
        app.Apply(decision, version);
        try
        {
            await audit.AppendAsync(db, new AuditEvent(action == ApplicationAction.Submit ? "application.submit" : "application.resubmit",
                nameof(Application), app.Id.ToString(), new { version = version.Number, hash = version.ContentHash, files = files.Count, replies = content.Replies.Count }), ct);
        }
        catch (DbUpdateException)
        {
            // Lost a race: a second click or tab submitted first (then return its version), or the draft changed under us.
            await using var fresh = await factory.CreateDbContextAsync(ct);
            var now2 = await fresh.Applications.AsNoTracking().FirstAsync(a => a.Id == id, ct);
            return ApplicationStages.EditableByEnterprise.Contains(now2.State)
                ? ServiceResult.Fail<SubmittedVersion>(ApplicationDrafts.ConflictMessage)
                : await AlreadySubmittedAsync(fresh, now2, ct);
        }
        return ServiceResult.Ok<SubmittedVersion>(new SubmittedVersion(version.Id, version.Number, version.ContentHash, version.SubmittedAt, AlreadySubmitted: false));
    }

    /// <summary>Withdraws (撤回) a submitted or returned application before the bureau decides; the caller has asked for confirmation.</summary>
    public async Task<ServiceResult<ApplicationState>> WithdrawAsync(Guid id, Guid stamp, CancellationToken ct = default)
    {
        if (!actor.Roles.Contains(ActorRole.EnterpriseApplicant))
        {
            return ServiceResult.Fail<ApplicationState>(ApplicationDrafts.NotEnterprise);
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var app = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (app is null)
        {
            return ServiceResult.Fail<ApplicationState>(ApplicationDrafts.NotFound);
        }
        if (app.State == ApplicationState.Withdrawn)
        {
            return ServiceResult.Ok<ApplicationState>(app.State);
        }
        var decision = ApplicationWorkflow.Decide(app.State, ApplicationAction.Withdraw, actor.Roles);
        if (!decision.Allowed)
        {
            return ServiceResult.Fail<ApplicationState>(decision.Refusal!);
        }
        var from = app.State;
        db.ExpectStamp(app, stamp);
        app.Apply(decision);
        try
        {
            await audit.AppendAsync(db, new AuditEvent("application.withdraw", nameof(Application), app.Id.ToString(), new { from = from.ToString(), version = app.LatestVersionNumber }), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult.Fail<ApplicationState>("该申报的状态已发生变化（可能盟市已作出决定），请刷新页面后查看。");
        }
        return ServiceResult.Ok<ApplicationState>(app.State);
    }

    internal static async Task<BureauReview?> LatestReturnAsync(RecognitionDbContext db, Guid id, CancellationToken ct) =>
        (await db.BureauReviews.AsNoTracking().Where(r => r.ApplicationId == id && r.Decision == BureauDecision.Return).ToListAsync(ct))
            .OrderByDescending(r => r.CreatedAt).FirstOrDefault();

    private static async Task<ServiceResult<SubmittedVersion>> AlreadySubmittedAsync(RecognitionDbContext db, Application app, CancellationToken ct)
    {
        var latest = await db.ApplicationVersions.AsNoTracking().Where(v => v.ApplicationId == app.Id && v.Number == app.LatestVersionNumber).FirstOrDefaultAsync(ct);
        return latest is null || app.State == ApplicationState.Withdrawn
            ? ServiceResult.Fail<SubmittedVersion>($"该申报当前状态为“{WorkflowLabels.State(app.State)}”，不能提交。")
            : ServiceResult.Ok<SubmittedVersion>(new SubmittedVersion(latest.Id, latest.Number, latest.ContentHash, latest.SubmittedAt, AlreadySubmitted: true));
    }
}
