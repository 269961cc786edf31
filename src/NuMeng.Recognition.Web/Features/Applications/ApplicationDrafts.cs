using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web.Features.Applications;

/// <summary>
/// Drafts of the signed-in enterprise: start one in an open batch, load it, save it (autosave). Every read goes through
/// the tenancy filter, so another organisation's application is simply not found; every save carries the stamp the
/// user's screen was based on, so a second tab or another user never overwrites silently.
/// </summary>
public sealed class ApplicationDrafts(IDbContextFactory<RecognitionDbContext> factory, ICurrentActor actor, IAuditLog audit, TimeProvider clock)
{
    /// <summary>Shown when a save lost the race: nothing is overwritten, the user reloads.</summary>
    public const string ConflictMessage = "该申报已在其他窗口或由他人修改：为避免覆盖，本次修改未保存。请刷新页面载入最新内容后再继续填写。";

    internal const string NotEnterprise = "仅企业申报人可以填写申报。";
    internal const string NotFound = "未找到该申报，或您无权查看。";

    /// <summary>Batches taking applications today, newest first.</summary>
    public async Task<IReadOnlyList<OpenBatch>> OpenBatchesAsync(CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        await using var db = await factory.CreateDbContextAsync(ct);
        var batches = await db.Batches.AsNoTracking().OrderByDescending(b => b.Year).ThenBy(b => b.Round).ThenBy(b => b.Kind).ToListAsync(ct);
        return batches.Where(b => ApplicationRules.IsOpen(b, today))
            .Select(b => new OpenBatch(b.Id, b.Title, b.Kind, b.ApplicationOpensOn, b.ApplicationClosesOn)).ToList();
    }

    /// <summary>
    /// Starts an application of the signed-in enterprise in an open batch; one per batch and project name (a second
    /// start with the same name, e.g. a double click, returns the existing one).
    /// </summary>
    public async Task<ServiceResult<StartedApplication>> StartAsync(Guid batchId, string? projectName, CancellationToken ct = default)
    {
        if (!actor.Roles.Contains(ActorRole.EnterpriseApplicant) || actor.OrganisationId is not { } organisationId)
        {
            return ServiceResult.Fail<StartedApplication>(NotEnterprise);
        }
        var name = projectName?.Trim() ?? string.Empty;
        if (name.Length == 0 || name.Length > ProjectInfo.NameMaxLength)
        {
            return ServiceResult.Blocked<StartedApplication>([new("project.name", name.Length == 0 ? "请填写车间/工厂名称。" : $"车间/工厂名称不能超过 {ProjectInfo.NameMaxLength} 个字。")]);
        }
        await using var db = await factory.CreateDbContextAsync(ct);
        var batch = await db.Batches.FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null || !ApplicationRules.IsOpen(batch, ChinaTime.Today(clock)))
        {
            return ServiceResult.Fail<StartedApplication>("该批次不在申报期内，不能新建申报。");
        }
        var existing = await db.Applications.Where(a => a.BatchId == batchId && a.EnterpriseId == organisationId
                && a.WorkshopOrFactoryName == name && a.State != ApplicationState.Withdrawn)
            .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return ServiceResult.Ok(new StartedApplication(id, AlreadyExisted: true));
        }
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == organisationId, ct);
        var content = new ApplicationContent
        {
            Project = new ProjectInfo(Name: name, Address: organisation.Address),
            // The enterprise's registered facts, so the form starts from what the portal already knows.
            Enterprise = new EligibilityInput { CreditCode = organisation.CreditCode, LegalStatus = organisation.LegalStatus, Industry = organisation.Industry },
            Technical = batch.Kind == Domain.Rules.RecognitionKind.SmartFactory ? new TechnicalIndicators(ManufacturingType: organisation.ManufacturingType) : null,
        };
        var application = new Application
        {
            EnterpriseId = organisationId,
            BatchId = batch.Id,
            Kind = batch.Kind,
            WorkshopOrFactoryName = name,
            CurrentDraftJson = content.ToJson(),
            LeagueCode = organisation.LeagueCode ?? string.Empty,
        };
        db.Applications.Add(application);
        await audit.AppendAsync(db, new AuditEvent("application.start", nameof(Application), application.Id.ToString(), new { batch = batch.Title, kind = batch.Kind.ToString(), name }), ct);
        return ServiceResult.Ok<StartedApplication>(new StartedApplication(application.Id, AlreadyExisted: false));
    }

    /// <summary>The draft and what the form needs around it; null when not found or not the actor's to see.</summary>
    public async Task<DraftView?> LoadAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var app = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (app is null)
        {
            return null;
        }
        var batch = await db.Batches.AsNoTracking().FirstAsync(b => b.Id == app.BatchId, ct);
        var files = await db.Attachments.AsNoTracking().Where(f => f.ApplicationId == id && f.RemovedAt == null)
            .OrderBy(f => f.UploadedAt)
            .Select(f => new EvidenceFile(f.Id, f.ItemKey, f.OriginalFileName, f.SizeBytes, f.Sha256, f.UploadedAt)).ToListAsync(ct);
        var review = app.State == ApplicationState.Returned ? await ApplicationSubmission.LatestReturnAsync(db, id, ct) : null;
        var open = review is null ? null : new OpenReturn(review.Id, review.OpinionText, review.ItemReasons.Select(r => new ReturnReason(r.ItemKey, r.Reason)).ToList(), review.CreatedAt);
        var content = ApplicationContent.ReadDraft(app.CurrentDraftJson, out var problem);
        return new DraftView(app.Id, batch.Id, batch.Title, batch.ApplicationClosesOn, app.Kind, app.State, app.WorkshopOrFactoryName,
            content, problem, app.ConcurrencyStamp, app.UpdatedAt, app.LatestVersionNumber, files, open);
    }

    /// <summary>
    /// Saves the whole draft if nobody saved since <paramref name="stamp"/>; otherwise nothing is written and the
    /// result says to reload (<see cref="ConflictMessage"/>). Not audited: autosave runs every few seconds, and what
    /// counts is frozen in the submitted versions (which are).
    /// </summary>
    public async Task<ServiceResult<SavedDraft>> SaveAsync(Guid id, ApplicationContent content, Guid stamp, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var db = await factory.CreateDbContextAsync(ct);
        var app = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (app is null || !actor.Roles.Contains(ActorRole.EnterpriseApplicant))
        {
            return ServiceResult.Fail<SavedDraft>(NotFound);
        }
        if (app.State is not (ApplicationState.Draft or ApplicationState.Returned))
        {
            return ServiceResult.Fail<SavedDraft>($"该申报当前状态为“{WorkflowLabels.State(app.State)}”，已提交的内容不能修改。");
        }
        db.ExpectStamp(app, stamp);
        app.CurrentDraftJson = content.ToJson();
        app.ConsultancyName = string.IsNullOrWhiteSpace(content.Consultancy) ? null : content.Consultancy.Trim();
        string? warning = null;
        var name = content.Project?.Name?.Trim();
        if (!string.IsNullOrEmpty(name) && name != app.WorkshopOrFactoryName && name.Length <= ProjectInfo.NameMaxLength)
        {
            var taken = await db.Applications.AnyAsync(a => a.Id != id && a.BatchId == app.BatchId && a.EnterpriseId == app.EnterpriseId
                && a.WorkshopOrFactoryName == name && a.State != ApplicationState.Withdrawn, ct);
            if (taken)
            {
                warning = $"本批次已有名为“{name}”的申报，列表中仍显示原名称“{app.WorkshopOrFactoryName}”。";
            }
            else
            {
                app.WorkshopOrFactoryName = name;
            }
        }
        if (await db.TrySaveChangesAsync(ct) is not null)
        {
            return ServiceResult.Fail<SavedDraft>(ConflictMessage);
        }
        return ServiceResult.Ok<SavedDraft>(new SavedDraft(app.ConcurrencyStamp, app.UpdatedAt, warning));
    }
}
