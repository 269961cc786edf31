namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>Thrown when a batch names a rule-set version or scene edition that is not stored, or whose snapshot fails its hash.</summary>
public sealed class RuleSetUnavailableException(string message) : InvalidOperationException(message);

/// <summary>
/// The one way to the rules an application is judged by (ADR 0009): the batch's stored rule-set snapshot
/// (<see cref="RuleSetRecord"/>, code@version) and scene catalogue edition, parsed once per snapshot hash and cached for
/// the life of the process (a snapshot never changes, so its hash identifies its content). Live check, submission check,
/// bureau and department verdicts, rubrics, on-site checklists, PDFs and exports all come through here; only
/// <see cref="DefaultForNewBatches"/> (and the public pre-check, which states the version it used) reach
/// <see cref="RuleSetCatalog.Current"/>.
/// </summary>
public sealed class RuleSetResolver(IDbContextFactory<RecognitionDbContext> factory)
{
    private static readonly ConcurrentDictionary<string, object> Parsed = new(StringComparer.Ordinal);

    /// <summary>The versions a new batch is offered first (the code's built-in versions).</summary>
    public static RuleSetCatalog DefaultForNewBatches => RuleSetCatalog.Current;

    public async Task<RuleSetCatalog> ForBatchAsync(Batch batch, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await ForBatchAsync(db, batch, cancellationToken);
    }

    public async Task<RuleSetCatalog> ForBatchAsync(Guid batchId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await ForBatchAsync(db, batchId, cancellationToken);
    }

    public async Task<RuleSetCatalog> ForApplicationAsync(Guid applicationId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await ForApplicationAsync(db, applicationId, cancellationToken);
    }

    /// <summary>The rules of the batch of <paramref name="applicationId"/>, read through <paramref name="db"/> (its tenancy applies).</summary>
    public static async Task<RuleSetCatalog> ForApplicationAsync(RecognitionDbContext db, Guid applicationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var batchId = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId).Select(a => (Guid?)a.BatchId)
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RuleSetUnavailableException("申报不存在，无法确定其适用的规则集");
        return await ForBatchAsync(db, batchId, cancellationToken);
    }

    public static async Task<RuleSetCatalog> ForBatchAsync(RecognitionDbContext db, Guid batchId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var batch = await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken)
            ?? throw new RuleSetUnavailableException("批次不存在，无法确定其适用的规则集");
        return await ForBatchAsync(db, batch, cancellationToken);
    }

    /// <summary>The rules <paramref name="batch"/> names: its rule-set snapshot and, for the tiers, its scene catalogue edition.</summary>
    public static async Task<RuleSetCatalog> ForBatchAsync(RecognitionDbContext db, Batch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(batch);
        var family = RuleSetJson.FamilyOf(batch.Kind);
        var rules = await SnapshotAsync(db, batch.RuleSetCode, batch.RuleSetVersion, family, cancellationToken);
        if (family == RuleSetFamily.Technical)
        {
            return RuleSetCatalog.ForBatch((TechnicalRuleSet)rules, null, null);
        }
        var scenes = await ScenesAsync(db, batch, cancellationToken);
        return RuleSetCatalog.ForBatch(null, (TierRuleSet)rules, scenes);
    }

    /// <summary>
    /// 每个盟市推荐名额: the batch's own cap when it sets one, else the cap of the rule-set version it names (null = 不限).
    /// </summary>
    public static async Task<int?> PerLeagueCapAsync(RecognitionDbContext db, Guid batchId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var batch = await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is null)
        {
            return null;
        }
        return batch.PerLeagueCap ?? (await ForBatchAsync(db, batch, cancellationToken)).ProcedureFor(batch.Kind).PerLeagueCap;
    }

    /// <summary>The parsed snapshot of code@version (a <see cref="TechnicalRuleSet"/> or a <see cref="TierRuleSet"/>).</summary>
    public static async Task<object> SnapshotAsync(RecognitionDbContext db, string code, string version, RuleSetFamily family, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = $"{code}@{version}";
        var head = await db.RuleSetRecords.AsNoTracking().Where(r => r.Code == code && r.Version == version)
            .Select(r => new { r.Id, r.Family, r.PayloadSha256 }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new RuleSetUnavailableException($"规则集 {key} 未登记，无法评价本批次的申报");
        if (head.Family != family)
        {
            throw new RuleSetUnavailableException($"规则集 {key} 不适用于本批次的认定类型");
        }
        if (Parsed.TryGetValue(head.PayloadSha256, out var cached))
        {
            return cached;
        }
        var record = await db.RuleSetRecords.AsNoTracking().FirstAsync(r => r.Id == head.Id, cancellationToken);
        return Parsed.GetOrAdd(record.PayloadSha256, _ => Parse(record));
    }

    /// <summary>Reads a stored snapshot, after checking its hash.</summary>
    public static object Parse(RuleSetRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.PayloadSha256.Length == 0 || !record.HashMatches())
        {
            throw new RuleSetUnavailableException($"规则集 {record.Key} 的快照与其 SHA-256 不符，已拒绝使用");
        }
        try
        {
            return record.Family == RuleSetFamily.Technical
                ? RuleSetJson.ReadTechnical(record.PayloadJson)
                : RuleSetJson.ReadTiers(record.PayloadJson);
        }
        catch (JsonException ex)
        {
            throw new RuleSetUnavailableException($"规则集 {record.Key} 的快照无法读取：{ex.Message}");
        }
    }

    private static async Task<SceneCatalogue> ScenesAsync(RecognitionDbContext db, Batch batch, CancellationToken cancellationToken)
    {
        if (batch.SceneCatalogueCode is not { } code || batch.SceneCatalogueVersion is not { } version)
        {
            throw new RuleSetUnavailableException($"梯度培育批次“{batch.Title}”未指定场景目录");
        }
        if (SceneEditionState.IsBuiltIn(code, version))
        {
            return SceneCatalogues.Provisional2025();
        }
        var record = await db.SceneCatalogueRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code && r.Version == version, cancellationToken)
            ?? throw new RuleSetUnavailableException($"场景目录 {code}@{version} 未登记");
        return SceneCatalogueService.CatalogueOf(record) ?? throw new RuleSetUnavailableException($"场景目录 {code}@{version} 无法读取");
    }
}
