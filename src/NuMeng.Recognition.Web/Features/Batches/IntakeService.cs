using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Applications;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Organisations;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Domain.Applications;
using NuMeng.Recognition.Domain.Regions;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.RuleSets;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Features.Notifications;
using NuMeng.Recognition.Web.Features.Review;

namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>One forwarded application waiting for formal acceptance.</summary>
public sealed record IntakeRow(
    Guid ApplicationId, Guid Stamp, Guid BatchId, string BatchTitle, RecognitionKind Kind, string EnterpriseName, string Name,
    string LeagueCode, string LeagueName, int VersionNumber, DateTimeOffset? SubmittedAt, int? Ranking, string BureauOpinion,
    DateTimeOffset? SignedAt, Guid? StampedScanId, bool? VerdictPassed, string VerdictSummary);

/// <summary>The intake list with its filter options.</summary>
public sealed record IntakeResult(IReadOnlyList<IntakeRow> Rows, IReadOnlyList<(Guid Id, string Title)> Batches, IReadOnlyList<(string Code, string Name)> Leagues);

/// <summary>
/// 受理 (管理办法 第八条: the department accepts the applications the league/city bureaus recommended): the forwarded
/// applications (盟市已推荐) by batch and 盟市 in the bureau's ranking, formal acceptance one by one or for a whole batch,
/// and the return to the enterprise through its bureau (the workflow's row 盟市已推荐 → 退回修改 for 经办人). Every change
/// goes through <see cref="ApplicationWorkflow.Transition"/>, checks the stamp the page showed, notifies the enterprise
/// and the bureau and is audited, all in one save.
/// </summary>
public sealed class IntakeService(IDbContextFactory<RecognitionDbContext> factory, IAuditLog audit, NotificationService notifications)
{
    public const int MaxReasonLength = 1000;

    /// <summary>The forwarded applications, filtered by batch and 盟市, ordered by batch, 盟市 and the bureau's ranking.</summary>
    public async Task<IntakeResult> ListAsync(Guid? batchId = null, string? league = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // The department reads every application (tenancy: department sees all); only the columns needed are projected.
        var apps = await db.Applications.AsNoTracking()
            .Where(a => a.State == ApplicationState.BureauRecommended)
            .Select(a => new { a.Id, a.ConcurrencyStamp, a.BatchId, a.Kind, a.EnterpriseId, a.WorkshopOrFactoryName, a.LeagueCode, a.LatestVersionNumber, a.LastSubmittedAt })
            .ToListAsync(cancellationToken);
        var batches = await db.Batches.AsNoTracking().Select(b => new { b.Id, b.Title, b.Year, b.Round, b.Kind }).ToListAsync(cancellationToken);
        var batchOptions = batches.Where(b => apps.Any(a => a.BatchId == b.Id))
            .OrderByDescending(b => b.Year).ThenBy(b => b.Round).ThenBy(b => b.Kind).Select(b => (b.Id, b.Title)).ToList();
        var leagueOptions = InnerMongoliaRegions.Leagues.Where(l => apps.Any(a => a.LeagueCode == l.Code)).Select(l => (l.Code, l.Name)).ToList();

        var shown = apps.Where(a => (batchId == null || a.BatchId == batchId) && (string.IsNullOrEmpty(league) || a.LeagueCode == league)).ToList();
        var ids = shown.Select(a => a.Id).ToList();
        var enterpriseIds = shown.Select(a => a.EnterpriseId).Distinct().ToList();
        var enterprises = await db.Organisations.AsNoTracking().Where(o => enterpriseIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var versions = await db.ApplicationVersions.AsNoTracking().Where(v => ids.Contains(v.ApplicationId))
            .Select(v => new { v.Id, v.ApplicationId, v.Number, v.ContentJson, v.SubmittedAt })
            .ToListAsync(cancellationToken);
        var reviews = await db.BureauReviews.AsNoTracking()
            .Where(r => ids.Contains(r.ApplicationId) && r.Decision == BureauDecision.Recommend && r.SignedAt != null)
            .Select(r => new { r.ApplicationId, r.ApplicationVersionId, r.Ranking, r.OpinionText, r.SignedAt, r.StampedScanAttachmentId })
            .ToListAsync(cancellationToken);

        var rules = new Dictionary<Guid, RuleSetCatalog>();
        foreach (var id in shown.Select(a => a.BatchId).Distinct())
        {
            rules[id] = await RuleSetResolver.ForBatchAsync(db, id, cancellationToken);
        }

        var rows = new List<IntakeRow>();
        foreach (var a in shown)
        {
            var version = versions.FirstOrDefault(v => v.ApplicationId == a.Id && v.Number == a.LatestVersionNumber);
            var review = reviews.Where(r => r.ApplicationId == a.Id).OrderByDescending(r => r.ApplicationVersionId == version?.Id).ThenByDescending(r => r.SignedAt).FirstOrDefault();
            var (passed, summary) = version is null ? (null, "没有已提交的版本") : Verdict(a.Kind, version.ContentJson, version.SubmittedAt, rules[a.BatchId]);
            rows.Add(new IntakeRow(a.Id, a.ConcurrencyStamp, a.BatchId, batches.FirstOrDefault(b => b.Id == a.BatchId)?.Title ?? "", a.Kind,
                enterprises.GetValueOrDefault(a.EnterpriseId, ""), a.WorkshopOrFactoryName, a.LeagueCode, LeagueName(a.LeagueCode),
                a.LatestVersionNumber, version?.SubmittedAt ?? a.LastSubmittedAt, review?.Ranking, review?.OpinionText ?? "", review?.SignedAt,
                review?.StampedScanAttachmentId, passed, summary));
        }
        var batchOrder = batchOptions.Select(b => b.Id).ToList();
        rows = rows.OrderBy(r => batchOrder.IndexOf(r.BatchId)).ThenBy(r => r.LeagueCode, StringComparer.Ordinal)
            .ThenBy(r => r.Ranking ?? int.MaxValue).ThenBy(r => r.SubmittedAt).ToList();
        return new IntakeResult(rows, batchOptions, leagueOptions);
    }

    /// <summary>受理 one application.</summary>
    public async Task<DepartmentOutcome> AcceptAsync(Guid applicationId, Guid expectedStamp, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (DepartmentActor.Of(db.Actor) is not { } actor)
        {
            return DepartmentOutcome.Refused(DepartmentActor.NotDepartmentMessage);
        }
        var app = await FindAsync(db, applicationId, cancellationToken);
        if (app is null)
        {
            return DepartmentOutcome.NotFound();
        }
        if (app.State == ApplicationState.Accepted)
        {
            return DepartmentOutcome.AlreadyDone($"“{app.WorkshopOrFactoryName}”已受理，无需重复操作", applicationId);
        }
        if (Refusal(app.State, ApplicationAction.DepartmentAccept, actor.Role) is { } refusal)
        {
            return DepartmentOutcome.Refused(refusal);
        }
        if (app.ConcurrencyStamp != expectedStamp)
        {
            return DepartmentOutcome.Conflict(ConcurrencyConflict.Message);
        }
        await AcceptOneAsync(db, app, actor, expectedStamp, cancellationToken);
        return await SaveAsync(db, [Event(app, ApplicationState.BureauRecommended, "application.accept", null)],
            $"已受理“{app.WorkshopOrFactoryName}”，已通知申报企业和盟市", applicationId, cancellationToken);
    }

    /// <summary>
    /// 整批受理: every forwarded application of a batch, exactly the ones the confirmation showed (with their stamps). If the
    /// list changed in between (another forwarded, one accepted or returned by someone else), nothing is accepted.
    /// </summary>
    public async Task<DepartmentOutcome> AcceptBatchAsync(Guid batchId, IReadOnlyDictionary<Guid, Guid> shownStamps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shownStamps);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (DepartmentActor.Of(db.Actor) is not { } actor)
        {
            return DepartmentOutcome.Refused(DepartmentActor.NotDepartmentMessage);
        }
        var title = await db.Batches.Where(b => b.Id == batchId).Select(b => b.Title).FirstOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            return DepartmentOutcome.NotFound();
        }
        var apps = await db.Applications.Where(a => a.BatchId == batchId && a.State == ApplicationState.BureauRecommended).ToListAsync(cancellationToken);
        if (apps.Count == 0 && shownStamps.Count > 0)
        {
            return DepartmentOutcome.AlreadyDone($"“{title}”已没有待受理的申报");
        }
        if (apps.Count == 0)
        {
            return DepartmentOutcome.Refused($"“{title}”没有待受理的申报");
        }
        if (Refusal(ApplicationState.BureauRecommended, ApplicationAction.DepartmentAccept, actor.Role) is { } refusal)
        {
            return DepartmentOutcome.Refused(refusal);
        }
        if (apps.Count != shownStamps.Count || apps.Any(a => !shownStamps.TryGetValue(a.Id, out var s) || s != a.ConcurrencyStamp))
        {
            return DepartmentOutcome.Conflict("待受理名单已发生变化（有申报被他人受理、退回或新报送），请刷新后重新确认");
        }
        foreach (var app in apps)
        {
            await AcceptOneAsync(db, app, actor, app.ConcurrencyStamp, cancellationToken);
        }
        var events = apps.Select(a => Event(a, ApplicationState.BureauRecommended, "application.accept", new { batchAccept = true, batchId })).ToList();
        return await SaveAsync(db, events, $"已整批受理“{title}”的 {apps.Count} 件申报，已通知申报企业和盟市", batchId, cancellationToken);
    }

    /// <summary>
    /// 退回: the application goes back to 退回修改 with the department's reason; the enterprise revises and resubmits, and
    /// its bureau reviews the new version again (the bureau's stamped opinion must cover the final version).
    /// </summary>
    public async Task<DepartmentOutcome> ReturnAsync(Guid applicationId, Guid expectedStamp, string reason, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (DepartmentActor.Of(db.Actor) is not { } actor || db.Actor.OrganisationId is not { } department)
        {
            return DepartmentOutcome.Refused(DepartmentActor.NotDepartmentMessage);
        }
        var app = await FindAsync(db, applicationId, cancellationToken);
        if (app is null)
        {
            return DepartmentOutcome.NotFound();
        }
        if (app.State == ApplicationState.Returned)
        {
            return DepartmentOutcome.AlreadyDone($"“{app.WorkshopOrFactoryName}”已退回，无需重复操作", applicationId);
        }
        var text = (reason ?? "").Trim();
        if (text.Length == 0)
        {
            return DepartmentOutcome.Invalid([new("reason", "请填写退回理由，企业和盟市将看到这段文字")]);
        }
        if (text.Length > MaxReasonLength)
        {
            return DepartmentOutcome.Invalid([new("reason", $"退回理由不能超过 {MaxReasonLength} 字（现为 {text.Length} 字）")]);
        }
        if (Refusal(app.State, ApplicationAction.ReturnForRevision, actor.Role) is { } refusal)
        {
            return DepartmentOutcome.Refused(refusal);
        }
        if (app.ConcurrencyStamp != expectedStamp)
        {
            return DepartmentOutcome.Conflict(ConcurrencyConflict.Message);
        }
        var versionId = await db.ApplicationVersions.Where(v => v.ApplicationId == app.Id && v.Number == app.LatestVersionNumber)
            .Select(v => v.Id).FirstAsync(cancellationToken);
        db.ExpectStamp(app, expectedStamp);
        app.Apply(ApplicationWorkflow.Decide(app.State, ApplicationAction.ReturnForRevision, [actor.Role]));
        // The enterprise's page reads a return's reasons from its review row: the department's return is one, by the department.
        db.BureauReviews.Add(new BureauReview
        {
            ApplicationId = app.Id,
            ApplicationVersionId = versionId,
            BureauOrganisationId = department,
            Decision = BureauDecision.Return,
            ItemReasons = [new BureauReviewItemReason { ItemKey = ReviewReason.GeneralItem, Reason = text }],
            OpinionText = $"自治区工业和信息化厅受理审查退回：{text}",
            ReviewedByUserId = actor.UserId,
        });
        var name = app.WorkshopOrFactoryName;
        await notifications.AddForOrganisationAsync(db, app.EnterpriseId, [ActorRole.EnterpriseApplicant],
            $"您的申报“{name}”（第 {app.LatestVersionNumber} 版）已被自治区工业和信息化厅退回修改：{Short(text)}。请修改后重新提交，并经盟市重新初审。",
            $"/applications/{app.Id:D}", cancellationToken);
        if (await BureauOfAsync(db, app.LeagueCode, cancellationToken) is { } bureau)
        {
            await notifications.AddForOrganisationAsync(db, bureau, [ActorRole.BureauReviewer, ActorRole.BureauLeader],
                $"贵局推荐的“{name}”已被自治区工业和信息化厅退回企业修改：{Short(text)}。企业重新提交后请重新初审。",
                $"/review/{app.Id:D}", cancellationToken);
        }
        return await SaveAsync(db, [Event(app, ApplicationState.BureauRecommended, "application.department-return", new { reason = text })],
            $"已退回“{name}”，已通知申报企业和盟市", applicationId, cancellationToken);
    }

    private async Task AcceptOneAsync(RecognitionDbContext db, Application app, DepartmentActor actor, Guid stamp, CancellationToken cancellationToken)
    {
        db.ExpectStamp(app, stamp);
        app.Apply(ApplicationWorkflow.Decide(app.State, ApplicationAction.DepartmentAccept, [actor.Role]));
        await notifications.AddForOrganisationAsync(db, app.EnterpriseId, [ActorRole.EnterpriseApplicant],
            $"您的申报“{app.WorkshopOrFactoryName}”已由自治区工业和信息化厅受理，将进入专家评审。",
            $"/applications/{app.Id:D}", cancellationToken);
        if (await BureauOfAsync(db, app.LeagueCode, cancellationToken) is { } bureau)
        {
            await notifications.AddForOrganisationAsync(db, bureau, [ActorRole.BureauReviewer, ActorRole.BureauLeader],
                $"贵局推荐的“{app.WorkshopOrFactoryName}”已由自治区工业和信息化厅受理。", $"/review/{app.Id:D}", cancellationToken);
        }
    }

    private static AuditEvent Event(Application app, ApplicationState from, string action, object? extra) =>
        new(action, "Application", app.Id.ToString("D"), new
        {
            from = from.ToString(), to = app.State.ToString(), version = app.LatestVersionNumber, detail = extra,
        });

    /// <summary>Saves the changes with one audit entry per application, all in one transaction.</summary>
    private async Task<DepartmentOutcome> SaveAsync(RecognitionDbContext db, IReadOnlyList<AuditEvent> events, string message, Guid id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var e in events)
            {
                await audit.AppendAsync(db, e, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return DepartmentOutcome.Done(message, id);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            await transaction.RollbackAsync(cancellationToken);
            return DepartmentOutcome.Conflict(ConcurrencyConflict.Describe(ex));
        }
    }

    /// <summary>The application for a state change: every column but the enterprise's unsubmitted draft.</summary>
    private static async Task<Application?> FindAsync(RecognitionDbContext db, Guid id, CancellationToken cancellationToken)
    {
        return await db.Applications.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    private static async Task<Guid?> BureauOfAsync(RecognitionDbContext db, string leagueCode, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Bureau && o.LeagueCode == leagueCode)
            .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);

    private static string? Refusal(ApplicationState from, ApplicationAction action, ActorRole role)
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

    private static (bool? Passed, string Summary) Verdict(RecognitionKind kind, string json, DateTimeOffset submittedAt, RuleSetCatalog rules)
    {
        var content = ApplicationContent.Read(json, out _) ?? ApplicationContent.ReadDraft(json, out _);
        var submittedOn = DateOnly.FromDateTime(submittedAt.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var outcome = content.Evaluate(kind, submittedOn, rules);
        return outcome.Report is { } report
            ? (report.Passed, report.Summary)
            : (null, "申报数据不完整，系统无法核验：" + string.Join("；", outcome.Errors.Take(2).Select(e => e.Message)));
    }

    private static string LeagueName(string code) => InnerMongoliaRegions.Leagues.FirstOrDefault(l => l.Code == code)?.Name ?? code;

    private static string Short(string text) => text.Length > 80 ? text[..79] + "…" : text;
}
