using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Batches;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Organisations;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.RuleSets;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Features.Notifications;

namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>
/// 申报批次 (管理办法 第七条: the department issues the call for applications, once or twice a year): create and edit a
/// batch, open and close it (草稿 → 申报中 → 已截止), and entrust the third-party agency with its expert review. Every
/// step checks the department actor, the concurrency stamp the form was shown with, and is audited with its change.
/// </summary>
public sealed class BatchService(IDbContextFactory<RecognitionDbContext> factory, IAuditLog audit, NotificationService notifications, TimeProvider clock)
{
    /// <summary>One batch for the edit page, or null.</summary>
    public async Task<BatchDetail?> LoadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var b = await db.Batches.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (b is null)
        {
            return null;
        }
        var all = await db.Applications.CountAsync(a => a.BatchId == id, cancellationToken);
        var submitted = await SubmittedCountAsync(db, id, cancellationToken);
        var agencies = await AgencyNamesAsync(db, cancellationToken);
        var input = new BatchInput(b.Year, b.Round, b.Kind, b.Title, $"{b.RuleSetCode}@{b.RuleSetVersion}",
            b.SceneCatalogueCode is null ? null : $"{b.SceneCatalogueCode}@{b.SceneCatalogueVersion}",
            b.ApplicationOpensOn, b.ApplicationClosesOn, b.BureauReviewDeadline, b.ExpertReviewDeadline, b.PerLeagueCap, b.ScoreAggregation);
        return new BatchDetail(b.Id, b.ConcurrencyStamp, input, b.State, all, submitted, b.EntrustedAgencyId,
            b.EntrustedAgencyId is { } a ? agencies.GetValueOrDefault(a) : null, b.EntrustedAt);
    }

    /// <summary>The rule sets recorded (RuleSetRecords) for either family, the activated scene editions, the agencies.</summary>
    public async Task<BatchOptions> OptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await OptionsAsync(db, cancellationToken);
    }

    /// <summary>
    /// Creates (<paramref name="id"/> null) or edits a batch. Once an application of the batch has been submitted, its rule
    /// set and scene catalogue are fixed: the applications were judged by them (DOMAIN.md: a batch keeps its version).
    /// </summary>
    public async Task<DepartmentOutcome> SaveAsync(Guid? id, Guid? expectedStamp, BatchInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (DepartmentActor.Of(db.Actor) is null)
        {
            return DepartmentOutcome.Refused(DepartmentActor.NotDepartmentMessage);
        }
        var options = await OptionsAsync(db, cancellationToken);
        var errors = input.Validate(options).ToList();
        Batch? batch = null;
        if (id is { } existing)
        {
            batch = await db.Batches.FirstOrDefaultAsync(b => b.Id == existing, cancellationToken);
            if (batch is null)
            {
                return DepartmentOutcome.NotFound();
            }
            if (expectedStamp is not { } stamp || batch.ConcurrencyStamp != stamp)
            {
                return DepartmentOutcome.Conflict(ConcurrencyConflict.Message);
            }
            var submitted = await SubmittedCountAsync(db, existing, cancellationToken);
            if (submitted > 0)
            {
                var (ruleSet, scenes) = ($"{batch.RuleSetCode}@{batch.RuleSetVersion}",
                    batch.SceneCatalogueCode is null ? null : $"{batch.SceneCatalogueCode}@{batch.SceneCatalogueVersion}");
                if (input.RuleSetKey != ruleSet)
                {
                    errors.Add(new("ruleSet", $"本批次已有 {submitted} 件申报提交，已按规则集 {ruleSet} 评价，规则集不能再更改"));
                }
                if (input.SceneCatalogueKey != scenes)
                {
                    errors.Add(new("sceneCatalogue", $"本批次已有 {submitted} 件申报提交，企业已按场景目录 {scenes ?? "（无）"} 选择场景，场景目录不能再更改"));
                }
                if (input.Kind != batch.Kind)
                {
                    errors.Add(new("kind", $"本批次已有 {submitted} 件申报提交，认定类型不能再更改"));
                }
            }
        }
        if (errors.Count == 0 && await db.Batches.AnyAsync(b => b.Year == input.Year && b.Round == input.Round && b.Kind == input.Kind && b.Id != id, cancellationToken))
        {
            errors.Add(new("round", $"{input.Year}年{BatchText.Round(input.Round!.Value)}{RecognitionKinds.Label(input.Kind!.Value)}批次已存在"));
        }
        if (errors.Count > 0)
        {
            return DepartmentOutcome.Invalid(errors);
        }

        var creating = batch is null;
        if (batch is null)
        {
            batch = new Batch();
            db.Batches.Add(batch);
        }
        else
        {
            db.ExpectStamp(batch, expectedStamp!.Value);
        }
        var (code, version) = Split(input.RuleSetKey);
        var scene = input.SceneCatalogueKey is { } sk ? Split(sk) : default((string, string)?);
        batch.Year = input.Year!.Value;
        batch.Round = input.Round!.Value;
        batch.Kind = input.Kind!.Value;
        batch.Title = input.Title.Trim();
        batch.RuleSetCode = code;
        batch.RuleSetVersion = version;
        batch.SceneCatalogueCode = scene?.Item1;
        batch.SceneCatalogueVersion = scene?.Item2;
        batch.ApplicationOpensOn = input.OpensOn!.Value;
        batch.ApplicationClosesOn = input.ClosesOn!.Value;
        batch.BureauReviewDeadline = input.BureauReviewDeadline;
        batch.ExpertReviewDeadline = input.ExpertReviewDeadline;
        batch.PerLeagueCap = input.PerLeagueCap;
        batch.ScoreAggregation = input.ScoreAggregation!.Value;
        return await SaveWithAuditAsync(db, new AuditEvent(creating ? "batch.create" : "batch.update", "Batch", batch.Id.ToString("D"), new
        {
            batch.Year, batch.Round, kind = batch.Kind.ToString(), batch.Title, ruleSet = input.RuleSetKey, sceneCatalogue = input.SceneCatalogueKey,
            opensOn = batch.ApplicationOpensOn, closesOn = batch.ApplicationClosesOn, batch.BureauReviewDeadline, batch.ExpertReviewDeadline,
            batch.PerLeagueCap, scoreAggregation = batch.ScoreAggregation.ToString(),
        }), creating ? "批次已创建（草稿），核对无误后可开放申报" : "批次已保存", batch.Id, cancellationToken);
    }

    /// <summary>开放申报: 草稿 → 申报中. Enterprises may then apply in it.</summary>
    public Task<DepartmentOutcome> OpenAsync(Guid id, Guid expectedStamp, CancellationToken cancellationToken = default) =>
        ChangeStateAsync(id, expectedStamp, BatchState.Draft, BatchState.Open, "batch.open", "已开放申报，企业现在可以在本批次提交申报", cancellationToken);

    /// <summary>截止申报: 申报中 → 已截止. No new application can be started or submitted in it.</summary>
    public Task<DepartmentOutcome> CloseAsync(Guid id, Guid expectedStamp, CancellationToken cancellationToken = default) =>
        ChangeStateAsync(id, expectedStamp, BatchState.Open, BatchState.Closed, "batch.close", "已截止申报，本批次不再接受新的申报", cancellationToken);

    /// <summary>
    /// 委托第三方机构: the agency organises the batch's expert review (it then sees the batch's applications from expert
    /// review on). Its users are notified.
    /// </summary>
    public async Task<DepartmentOutcome> EntrustAsync(Guid id, Guid expectedStamp, Guid agencyId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (DepartmentActor.Of(db.Actor) is null)
        {
            return DepartmentOutcome.Refused(DepartmentActor.NotDepartmentMessage);
        }
        var batch = await db.Batches.FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (batch is null)
        {
            return DepartmentOutcome.NotFound();
        }
        var agency = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == agencyId && o.Kind == OrganisationKind.Agency)
            .Select(o => new { o.Id, o.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (agency is null)
        {
            return DepartmentOutcome.Invalid([new("agency", "请选择一家第三方机构")]);
        }
        if (batch.EntrustedAgencyId == agencyId)
        {
            return DepartmentOutcome.AlreadyDone($"本批次已委托{agency.Name}，无需重复委托", id);
        }
        if (batch.ConcurrencyStamp != expectedStamp)
        {
            return DepartmentOutcome.Conflict(ConcurrencyConflict.Message);
        }
        db.ExpectStamp(batch, expectedStamp);
        var previous = batch.EntrustedAgencyId;
        batch.EntrustedAgencyId = agencyId;
        batch.EntrustedAt = clock.GetUtcNow();
        await notifications.AddForOrganisationAsync(db, agencyId, [ActorRole.AgencyCoordinator],
            $"自治区工业和信息化厅已委托贵机构组织“{batch.Title}”的专家评审，请在专家评审截止日（{BatchText.Date(batch.ExpertReviewDeadline)}）前完成。",
            "/panels", cancellationToken);
        return await SaveWithAuditAsync(db, new AuditEvent("batch.entrust", "Batch", batch.Id.ToString("D"), new
        {
            agencyId, agency = agency.Name, previousAgencyId = previous, entrustedAt = batch.EntrustedAt,
        }), $"已委托{agency.Name}组织本批次专家评审，已通知该机构", id, cancellationToken);
    }

    private async Task<DepartmentOutcome> ChangeStateAsync(Guid id, Guid expectedStamp, BatchState from, BatchState to, string action,
        string message, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (DepartmentActor.Of(db.Actor) is null)
        {
            return DepartmentOutcome.Refused(DepartmentActor.NotDepartmentMessage);
        }
        var batch = await db.Batches.FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (batch is null)
        {
            return DepartmentOutcome.NotFound();
        }
        if (batch.State == to)
        {
            return DepartmentOutcome.AlreadyDone($"本批次已是“{BatchText.State(to)}”状态，无需重复操作", id);
        }
        if (batch.State != from)
        {
            return DepartmentOutcome.Refused($"本批次当前为“{BatchText.State(batch.State)}”，只有“{BatchText.State(from)}”的批次可以改为“{BatchText.State(to)}”");
        }
        if (batch.ConcurrencyStamp != expectedStamp)
        {
            return DepartmentOutcome.Conflict(ConcurrencyConflict.Message);
        }
        db.ExpectStamp(batch, expectedStamp);
        var step = to == BatchState.Open ? BatchAction.Open : BatchAction.Close;
        var decision = BatchWorkflow.Decide(batch.State, step, db.Actor.Roles);
        if (to == BatchState.Open)
        {
            batch.Open(decision);
        }
        else
        {
            batch.Close(decision);
        }
        return await SaveWithAuditAsync(db, new AuditEvent(action, "Batch", batch.Id.ToString("D"), new { from = from.ToString(), to = to.ToString() }),
            message, id, cancellationToken);
    }

    private async Task<DepartmentOutcome> SaveWithAuditAsync(RecognitionDbContext db, AuditEvent auditEvent, string message, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await audit.AppendAsync(db, auditEvent, cancellationToken);
            return DepartmentOutcome.Done(message, id);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            return DepartmentOutcome.Conflict(ConcurrencyConflict.Describe(ex));
        }
    }

    internal static async Task<BatchOptions> OptionsAsync(RecognitionDbContext db, CancellationToken cancellationToken)
    {
        // Only activated versions (ADR 0009): a draft is never named by a batch, so a version a batch names is never edited.
        var ruleSets = await db.RuleSetRecords.AsNoTracking()
            .Where(r => r.ActivatedAt != null)
            .Select(r => new { r.Code, r.Version, r.Name, r.Family })
            .ToListAsync(cancellationToken);
        var editions = await db.SceneCatalogueRecords.AsNoTracking()
            .Select(r => new { r.Code, r.Version, r.Name, r.ActivatedAt })
            .ToListAsync(cancellationToken);
        var agencies = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Agency)
            .Select(o => new AgencyOption(o.Id, o.Name))
            .ToListAsync(cancellationToken);
        return new BatchOptions(
            ruleSets.OrderBy(r => r.Code).ThenBy(r => r.Version, RuleSetVersions.Order).Select(r => new RuleSetOption(r.Code, r.Version, r.Name, r.Family == RuleSetFamily.Tiers)).ToList(),
            editions.Where(e => SceneEditionState.IsActive(e.Code, e.Version, e.ActivatedAt))
                .OrderBy(e => e.Code).ThenBy(e => e.Version).Select(e => new SceneEditionOption(e.Code, e.Version, e.Name)).ToList(),
            agencies.OrderBy(a => a.Name, StringComparer.Ordinal).ToList());
    }

    private static Task<int> SubmittedCountAsync(RecognitionDbContext db, Guid batchId, CancellationToken cancellationToken) =>
        db.Applications.CountAsync(a => a.BatchId == batchId && a.State != ApplicationState.Draft, cancellationToken);

    private static async Task<Dictionary<Guid, string>> AgencyNamesAsync(RecognitionDbContext db, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Agency)
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

    private static (string Code, string Version) Split(string key)
    {
        var at = key.LastIndexOf('@');
        return (key[..at], key[(at + 1)..]);
    }
}
