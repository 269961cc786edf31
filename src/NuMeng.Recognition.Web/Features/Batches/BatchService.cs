using NuMeng.Recognition.Web.Features.Notifications;

namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>
/// 申报批次 (管理办法 第七条: the department issues the call for applications, once or twice a year): create and edit a
/// batch, open and close it (草稿 → 申报中 → 已截止), and entrust the third-party agency with its expert review. Every
/// step is a <see cref="Step{TRecord}"/> of the <see cref="Procedure"/>: the department desk, the concurrency stamp the
/// form was shown with, the audit entry with its change.
/// </summary>
public sealed class BatchService(IDbContextFactory<RecognitionDbContext> factory, Procedure procedure, NotificationService notifications, TimeProvider clock)
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
    /// set and scene catalogue are fixed: the applications were judged by them (docs/rule-reference.md: a batch keeps its version).
    /// </summary>
    public Task<StepOutcome> SaveAsync(Guid? id, Guid? expectedStamp, BatchInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return procedure.RunAsync(new Step<Batch>
        {
            Desk = Desk.Department,
            Id = batch => batch.Id,
            Load = async s => id is { } existing
                ? await s.Db.Batches.FirstOrDefaultAsync(b => b.Id == existing, s.Cancellation)
                : new Batch(),
            // An edit must carry the stamp its form showed (none: a conflict); a new batch has none.
            Stamp = id is null ? null : expectedStamp ?? Guid.Empty,
            Work = async (s, batch) =>
            {
                if (await ErrorsAsync(s.Db, id, batch, input, s.Cancellation) is { Count: > 0 } errors)
                {
                    return StepOutcome.Invalid(errors);
                }
                if (id is null)
                {
                    s.Db.Batches.Add(batch);
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
                return null;
            },
            Audit = (_, batch) => [(id is null ? AuditKinds.BatchCreate : AuditKinds.BatchUpdate).For(batch.Id, new
            {
                batch.Year, batch.Round, kind = batch.Kind.ToString(), batch.Title, ruleSet = input.RuleSetKey, sceneCatalogue = input.SceneCatalogueKey,
                opensOn = batch.ApplicationOpensOn, closesOn = batch.ApplicationClosesOn, batch.BureauReviewDeadline, batch.ExpertReviewDeadline,
                batch.PerLeagueCap, scoreAggregation = batch.ScoreAggregation.ToString(),
            })],
            Done = _ => id is null ? "批次已创建（草稿），核对无误后可开放申报" : "批次已保存",
        }, cancellationToken);
    }

    /// <summary>开放申报: 草稿 → 申报中. Enterprises may then apply in it.</summary>
    public Task<StepOutcome> OpenAsync(Guid id, Guid expectedStamp, CancellationToken cancellationToken = default) =>
        ChangeStateAsync(id, expectedStamp, BatchState.Draft, BatchState.Open, AuditKinds.BatchOpen, "已开放申报，企业现在可以在本批次提交申报", cancellationToken);

    /// <summary>截止申报: 申报中 → 已截止. No new application can be started or submitted in it.</summary>
    public Task<StepOutcome> CloseAsync(Guid id, Guid expectedStamp, CancellationToken cancellationToken = default) =>
        ChangeStateAsync(id, expectedStamp, BatchState.Open, BatchState.Closed, AuditKinds.BatchClose, "已截止申报，本批次不再接受新的申报", cancellationToken);

    /// <summary>
    /// 委托第三方机构: the agency organises the batch's expert review (it then sees the batch's applications from expert
    /// review on). Its users are notified.
    /// </summary>
    public Task<StepOutcome> EntrustAsync(Guid id, Guid expectedStamp, Guid agencyId, CancellationToken cancellationToken = default) =>
        procedure.RunAsync(new Step<AgencyChoice>
        {
            Desk = Desk.Department,
            Id = _ => id,
            Load = async s => await s.Db.Batches.FirstOrDefaultAsync(b => b.Id == id, s.Cancellation) is { } batch
                ? new AgencyChoice(batch, await s.Db.Organisations.AsNoTracking()
                    .Where(o => o.Id == agencyId && o.Kind == OrganisationKind.Agency).Select(o => o.Name).FirstOrDefaultAsync(s.Cancellation))
                : null,
            Validate = c => c.AgencyName is null ? [new("agency", "请选择一家第三方机构")] : [],
            AlreadyDone = c => c.AgencyName is not null && c.Batch.EntrustedAgencyId == agencyId ? $"本批次已委托{c.AgencyName}，无需重复委托" : null,
            Stamp = expectedStamp,
            StampedRow = c => c.Batch,
            Work = async (s, c) =>
            {
                c.Previous = c.Batch.EntrustedAgencyId;
                c.Batch.EntrustedAgencyId = agencyId;
                c.Batch.EntrustedAt = clock.GetUtcNow();
                await notifications.AddForOrganisationAsync(s.Db, agencyId, [ActorRole.AgencyCoordinator],
                    $"自治区工业和信息化厅已委托贵机构组织“{c.Batch.Title}”的专家评审，请在专家评审截止日（{BatchText.Date(c.Batch.ExpertReviewDeadline)}）前完成。",
                    "/panels", s.Cancellation);
                return null;
            },
            Audit = (_, c) => [AuditKinds.BatchEntrust.For(c.Batch.Id, new
            {
                agencyId, agency = c.AgencyName, previousAgencyId = c.Previous, entrustedAt = c.Batch.EntrustedAt,
            })],
            Done = c => $"已委托{c.AgencyName}组织本批次专家评审，已通知该机构",
        }, cancellationToken);

    /// <summary>A batch and the agency chosen for it (null: no such agency).</summary>
    private sealed record AgencyChoice(Batch Batch, string? AgencyName)
    {
        public Guid? Previous { get; set; }
    }

    private Task<StepOutcome> ChangeStateAsync(Guid id, Guid expectedStamp, BatchState from, BatchState to, AuditKind kind,
        string message, CancellationToken cancellationToken) =>
        procedure.RunAsync(new Step<Batch>
        {
            Desk = Desk.Department,
            Id = _ => id,
            Load = s => s.Db.Batches.FirstOrDefaultAsync(b => b.Id == id, s.Cancellation),
            AlreadyDone = batch => batch.State == to ? $"本批次已是“{BatchText.State(to)}”状态，无需重复操作" : null,
            Decide = (s, batch) =>
            {
                if (batch.State != from)
                {
                    return Ruling.Refuse($"本批次当前为“{BatchText.State(batch.State)}”，只有“{BatchText.State(from)}”的批次可以改为“{BatchText.State(to)}”");
                }
                var action = to == BatchState.Open ? BatchAction.Open : BatchAction.Close;
                var decision = BatchWorkflow.Decide(batch.State, action, s.User.Roles);
                return Ruling.Of(decision, () =>
                {
                    if (action == BatchAction.Open)
                    {
                        batch.Open(decision);
                    }
                    else
                    {
                        batch.Close(decision);
                    }
                });
            },
            Stamp = expectedStamp,
            Audit = (_, batch) => [kind.For(batch.Id, new { from = from.ToString(), to = to.ToString() })],
            Done = _ => message,
        }, cancellationToken);

    /// <summary>
    /// The input's errors: its own checks, the rule set, scene catalogue and kind fixed once an application was submitted
    /// (the applications were judged by them; a batch keeps its version), and one batch per year, round and kind.
    /// </summary>
    private static async Task<List<InputError>> ErrorsAsync(RecognitionDbContext db, Guid? id, Batch batch, BatchInput input, CancellationToken cancellationToken)
    {
        var errors = input.Validate(await OptionsAsync(db, cancellationToken)).ToList();
        if (id is { } existing && await SubmittedCountAsync(db, existing, cancellationToken) is var submitted and > 0)
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
        if (errors.Count == 0 && await db.Batches.AnyAsync(b => b.Year == input.Year && b.Round == input.Round && b.Kind == input.Kind && b.Id != id, cancellationToken))
        {
            errors.Add(new("round", $"{input.Year}年{BatchText.Round(input.Round!.Value)}{RecognitionKinds.Label(input.Kind!.Value)}批次已存在"));
        }
        return errors;
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
