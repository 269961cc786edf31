using NuMeng.Recognition.Web.Features.Notifications;
using NuMeng.Recognition.Web.Features.Review;

namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>One forwarded application waiting for formal acceptance.</summary>
public sealed record IntakeRow(
    Guid ApplicationId, Guid Stamp, Guid BatchId, string BatchTitle, RecognitionKind Kind, string EnterpriseName, string Name,
    string LeagueCode, string LeagueName, int VersionNumber, DateTimeOffset? SubmittedAt, int? Ranking, string BureauOpinion,
    DateTimeOffset? SignedAt, Guid? StampedScanId, bool? VerdictPassed, string VerdictSummary);

/// <summary>An accepted application the department may return to its bureau.</summary>
public sealed record AcceptedRow(Guid ApplicationId, Guid Stamp, string Name, string EnterpriseName, string LeagueName, int VersionNumber);

/// <summary>The intake list with its filter options.</summary>
public sealed record IntakeResult(IReadOnlyList<IntakeRow> Rows, IReadOnlyList<(Guid Id, string Title)> Batches, IReadOnlyList<(string Code, string Name)> Leagues);

/// <summary>
/// 受理 (管理办法 第八条: the department accepts the applications the league/city bureaus recommended): the forwarded
/// applications (盟市已推荐) by batch and 盟市 in the bureau's ranking, formal acceptance one by one or for a whole batch,
/// and the return to the enterprise through its bureau (the workflow's row 盟市已推荐 → 退回修改 for 经办人). Every change
/// is a <see cref="Step{TRecord}"/> of the <see cref="Procedure"/>: the workflow decides, the stamp the page showed is
/// checked, the enterprise and the bureau are notified and the step is audited, all in one save.
/// </summary>
public sealed class IntakeService(IDbContextFactory<RecognitionDbContext> factory, Procedure procedure, NotificationService notifications)
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
    public Task<StepOutcome> AcceptAsync(Guid applicationId, Guid expectedStamp, CancellationToken cancellationToken = default) =>
        procedure.RunAsync(new Step<Application>
        {
            Desk = Desk.Department,
            Id = app => app.Id,
            Load = s => ApplicationWorkflowSteps.LoadAsync(s, applicationId),
            AlreadyDone = app => app.State == ApplicationState.Accepted ? $"“{app.WorkshopOrFactoryName}”已受理，无需重复操作" : null,
            Decide = (s, app) => ApplicationWorkflowSteps.Decide(s, app, ApplicationAction.DepartmentAccept),
            Stamp = expectedStamp,
            Work = (s, app) => NotifyAcceptedAsync(s, app),
            Audit = (s, app) => [AuditKinds.Accept.For(app.Id, Summary(app, null))],
            Done = app => $"已受理“{app.WorkshopOrFactoryName}”，已通知申报企业和盟市",
        }, cancellationToken);

    /// <summary>
    /// 整批受理: every forwarded application of a batch, exactly the ones the confirmation showed (with their stamps). If the
    /// list changed in between (another forwarded, one accepted or returned by someone else), nothing is accepted.
    /// </summary>
    public Task<StepOutcome> AcceptBatchAsync(Guid batchId, IReadOnlyDictionary<Guid, Guid> shownStamps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shownStamps);
        return procedure.RunAsync(new Step<WaitingBatch>
        {
            Desk = Desk.Department,
            Id = _ => batchId,
            Load = async s => await s.Db.Batches.Where(b => b.Id == batchId).Select(b => b.Title).FirstOrDefaultAsync(s.Cancellation) is { } title
                ? new WaitingBatch(title, await s.Db.Applications.Where(a => a.BatchId == batchId && a.State == ApplicationState.BureauRecommended).ToListAsync(s.Cancellation))
                : null,
            AlreadyDone = b => b.Applications.Count == 0 && shownStamps.Count > 0 ? $"“{b.Title}”已没有待受理的申报" : null,
            Decide = (s, b) => b.Applications.Count == 0 ? Ruling.Refuse($"“{b.Title}”没有待受理的申报")
                : ApplicationWorkflowSteps.RefusalOrNull(s.User, ApplicationState.BureauRecommended, ApplicationAction.DepartmentAccept) is { } refusal ? Ruling.Refuse(refusal)
                : Ruling.Allow(),
            Work = async (s, b) =>
            {
                if (b.Applications.Count != shownStamps.Count || b.Applications.Any(a => !shownStamps.TryGetValue(a.Id, out var stamp) || stamp != a.ConcurrencyStamp))
                {
                    return StepOutcome.Conflict("待受理名单已发生变化（有申报被他人受理、退回或新报送），请刷新后重新确认");
                }
                foreach (var app in b.Applications)
                {
                    s.Db.ExpectStamp(app, app.ConcurrencyStamp);
                    ApplicationWorkflowSteps.Decide(s, app, ApplicationAction.DepartmentAccept).Apply!();
                    await NotifyAcceptedAsync(s, app);
                }
                return null;
            },
            Audit = (s, b) => b.Applications.Select(a => AuditKinds.Accept.For(a.Id, Summary(a, new { batchAccept = true, batchId }))),
            Done = b => $"已整批受理“{b.Title}”的 {b.Applications.Count} 件申报，已通知申报企业和盟市",
        }, cancellationToken);
    }

    /// <summary>
    /// 退回: the application goes back to 退回修改 with the department's reason; the enterprise revises and resubmits, and
    /// its bureau reviews the new version again (the bureau's stamped opinion must cover the final version).
    /// </summary>
    public Task<StepOutcome> ReturnAsync(Guid applicationId, Guid expectedStamp, string reason, CancellationToken cancellationToken = default)
    {
        var text = (reason ?? "").Trim();
        return procedure.RunAsync(new Step<Application>
        {
            Desk = Desk.Department with { Admits = u => u.IsDepartment && u.OrganisationId is not null },
            Id = app => app.Id,
            Load = s => ApplicationWorkflowSteps.LoadAsync(s, applicationId),
            AlreadyDone = app => app.State == ApplicationState.Returned ? $"“{app.WorkshopOrFactoryName}”已退回，无需重复操作" : null,
            Validate = _ => ReasonErrors(text),
            Decide = (s, app) => ApplicationWorkflowSteps.Decide(s, app, ApplicationAction.ReturnForRevision),
            Stamp = expectedStamp,
            Work = async (s, app) =>
            {
                var versionId = await s.Db.ApplicationVersions.Where(v => v.ApplicationId == app.Id && v.Number == app.LatestVersionNumber)
                    .Select(v => v.Id).FirstAsync(s.Cancellation);
                // The enterprise's page reads a return's reasons from its review row: the department's return is one, by the department.
                s.Db.BureauReviews.Add(new BureauReview
                {
                    ApplicationId = app.Id,
                    ApplicationVersionId = versionId,
                    BureauOrganisationId = s.User.OrganisationId!.Value,
                    Decision = BureauDecision.Return,
                    ItemReasons = [new BureauReviewItemReason { ItemKey = ReviewReason.GeneralItem, Reason = text }],
                    OpinionText = $"自治区工业和信息化厅受理审查退回：{text}",
                    ReviewedByUserId = s.User.UserId,
                });
                var name = app.WorkshopOrFactoryName;
                await NotifyEnterpriseAndBureauAsync(s, app,
                    $"您的申报“{name}”（第 {app.LatestVersionNumber} 版）已被自治区工业和信息化厅退回修改：{Short(text)}。请修改后重新提交，并经盟市重新初审。",
                    $"贵局推荐的“{name}”已被自治区工业和信息化厅退回企业修改：{Short(text)}。企业重新提交后请重新初审。");
                return null;
            },
            Audit = (s, app) => [AuditKinds.DepartmentReturn.For(app.Id, Summary(app, new { reason = text }))],
            Done = app => $"已退回“{app.WorkshopOrFactoryName}”，已通知申报企业和盟市",
        }, cancellationToken);
    }

    /// <summary>The accepted applications not yet in expert review, which the department may still return to their bureau.</summary>
    public async Task<IReadOnlyList<AcceptedRow>> ListAcceptedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from a in db.Applications.AsNoTracking()
                where a.State == ApplicationState.Accepted
                join o in db.Organisations.AsNoTracking() on a.EnterpriseId equals o.Id
                select new { a.Id, a.ConcurrencyStamp, a.WorkshopOrFactoryName, Enterprise = o.Name, a.LeagueCode, a.LatestVersionNumber })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.LeagueCode, StringComparer.Ordinal).ThenBy(r => r.WorkshopOrFactoryName, StringComparer.Ordinal)
            .Select(r => new AcceptedRow(r.Id, r.ConcurrencyStamp, r.WorkshopOrFactoryName, r.Enterprise, LeagueName(r.LeagueCode), r.LatestVersionNumber))
            .ToList();
    }

    /// <summary>
    /// 退回盟市重新初审 (workflow row 工信厅已受理 → 待盟市初审 for 经办人): the bureau reviews the same version again and
    /// signs a new opinion; the reason is required, audited, and sent to the bureau and the enterprise.
    /// </summary>
    public Task<StepOutcome> ReturnToBureauAsync(Guid applicationId, Guid expectedStamp, string reason, CancellationToken cancellationToken = default)
    {
        var text = (reason ?? "").Trim();
        return procedure.RunAsync(new Step<Application>
        {
            Desk = Desk.Department,
            Id = app => app.Id,
            Load = s => ApplicationWorkflowSteps.LoadAsync(s, applicationId),
            AlreadyDone = app => app.State == ApplicationState.Submitted ? $"“{app.WorkshopOrFactoryName}”已退回盟市重新初审，无需重复操作" : null,
            Decide = (s, app) => ApplicationWorkflowSteps.Decide(s, app, ApplicationAction.ReturnToBureau),
            Validate = _ => ReasonErrors(text),
            Stamp = expectedStamp,
            Work = async (s, app) =>
            {
                // The agency sees an application from 受理 on and may already have formed its panel: once experts are
                // assigned the application stays with the department.
                if (await s.Db.ExpertAssignments.AnyAsync(e => e.ApplicationId == app.Id, s.Cancellation))
                {
                    return StepOutcome.Refused("该申报已组建专家组，不能退回盟市重新初审");
                }
                await NotifyEnterpriseAndBureauAsync(s, app,
                    $"您的申报“{app.WorkshopOrFactoryName}”已由自治区工业和信息化厅退回盟市重新初审：{Short(text)}。",
                    $"自治区工业和信息化厅将已受理的“{app.WorkshopOrFactoryName}”退回贵局重新初审：{Short(text)}。请重新审核并签发初审意见。");
                return null;
            },
            Audit = (s, app) => [AuditKinds.ReturnToBureau.For(app.Id, new
            {
                from = s.Ruling!.From, to = app.State.ToString(), version = app.LatestVersionNumber, reason = text,
            })],
            Done = app => $"已将“{app.WorkshopOrFactoryName}”退回盟市重新初审，已通知盟市和申报企业",
        }, cancellationToken);
    }

    /// <summary>The forwarded applications of a batch, tracked for 整批受理.</summary>
    private sealed record WaitingBatch(string Title, IReadOnlyList<Application> Applications);

    /// <summary>Tells the applicant enterprise and the bureau of its 盟市 what the department did with the application.</summary>
    private async Task NotifyEnterpriseAndBureauAsync(StepContext s, Application app, string toEnterprise, string toBureau)
    {
        await notifications.AddForOrganisationAsync(s.Db, app.EnterpriseId, [ActorRole.EnterpriseApplicant], toEnterprise,
            $"/applications/{app.Id:D}", s.Cancellation);
        if (await BureauOfAsync(s.Db, app.LeagueCode, s.Cancellation) is { } bureau)
        {
            await notifications.AddForOrganisationAsync(s.Db, bureau, [ActorRole.BureauReviewer, ActorRole.BureauLeader], toBureau,
                $"/review/{app.Id:D}", s.Cancellation);
        }
    }

    private async Task<StepOutcome?> NotifyAcceptedAsync(StepContext s, Application app)
    {
        await NotifyEnterpriseAndBureauAsync(s, app,
            $"您的申报“{app.WorkshopOrFactoryName}”已由自治区工业和信息化厅受理，将进入专家评审。",
            $"贵局推荐的“{app.WorkshopOrFactoryName}”已由自治区工业和信息化厅受理。");
        return null;
    }

    /// <summary>The audit summary of an intake step: the states before and after, the version and the step's detail.</summary>
    private static object Summary(Application app, object? detail) => new
    {
        from = ApplicationState.BureauRecommended.ToString(), to = app.State.ToString(), version = app.LatestVersionNumber, detail,
    };

    private static IReadOnlyList<InputError> ReasonErrors(string text) =>
        text.Length == 0 ? [new("reason", "请填写退回理由，企业和盟市将看到这段文字")]
        : text.Length > MaxReasonLength ? [new("reason", $"退回理由不能超过 {MaxReasonLength} 字（现为 {text.Length} 字）")]
        : [];

    private static async Task<Guid?> BureauOfAsync(RecognitionDbContext db, string leagueCode, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Bureau && o.LeagueCode == leagueCode)
            .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);

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
