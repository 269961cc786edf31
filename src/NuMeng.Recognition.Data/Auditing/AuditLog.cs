using System.Text.Encodings.Web;

namespace NuMeng.Recognition.Data.Auditing;

/// <summary>Serialises appends within one process (registered as a singleton).</summary>
public sealed class AuditAppendLock : IDisposable
{
    internal SemaphoreSlim Semaphore { get; } = new(1, 1);

    public void Dispose() => Semaphore.Dispose();
}

/// <summary>EF Core implementation of <see cref="IAuditLog"/>; see the interface for the concurrency design.</summary>
public sealed class AuditLog : IAuditLog
{
    private const int MaxAttempts = 8;

    private static readonly JsonSerializerOptions SummaryJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly IDbContextFactory<RecognitionDbContext> _factory;
    private readonly AuditAppendLock _lock;
    private readonly AuditIntegrity _integrity;
    private readonly TimeProvider _time;

    public AuditLog(IDbContextFactory<RecognitionDbContext> factory, AuditAppendLock appendLock, AuditIntegrity integrity, TimeProvider? time = null)
    {
        _factory = factory;
        _lock = appendLock;
        _integrity = integrity;
        _time = time ?? TimeProvider.System;
    }

    public async Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        return await AppendAsync(db, auditEvent, cancellationToken);
    }

    public async Task<AuditEntry> AppendAsync(RecognitionDbContext db, AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(auditEvent);
        var summary = SerialiseSummary(auditEvent.Summary);

        await _lock.Semaphore.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var entry = await NextEntryAsync(db, db.Actor, auditEvent, summary, cancellationToken);
                db.AuditEntries.Add(entry);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    // The checkpoint service reads the committed head itself: an entry of a transaction that is later
                    // rolled back is never anchored.
                    _integrity.Notify(entry.Sequence);
                    return entry;
                }
                catch (DbUpdateException) when (attempt < MaxAttempts)
                {
                    db.Entry(entry).State = EntityState.Detached;
                    // Another instance took this sequence number: re-read the tail and try again. Anything else
                    // (a concurrency conflict on a business row, a constraint) is the caller's to handle.
                    var tail = await TailAsync(db, cancellationToken);
                    if (tail is null || tail.Sequence < entry.Sequence)
                    {
                        throw;
                    }
                }
            }
        }
        finally
        {
            _lock.Semaphore.Release();
        }
    }

    public async Task<AuditAnchor?> GetHeadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        return await TailAsync(db, cancellationToken);
    }

    public async Task<AuditChainReport> VerifyChainAsync(CancellationToken cancellationToken = default) =>
        await VerifyChainAsync(await _integrity.ReadAnchorsAsync(cancellationToken), cancellationToken);

    public async Task<AuditChainReport> VerifyChainAsync(AuditAnchorSet anchors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        return await WalkAsync(db, anchors, from: null, cancellationToken);
    }

    public async Task<AuditCheckpointOutcome> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await _integrity.CheckpointGate.WaitAsync(cancellationToken);
        try
        {
            var anchors = await _integrity.ReadAnchorsAsync(cancellationToken);
            await using var db = await _factory.CreateDbContextAsync(cancellationToken);
            // From the latest anchor on: what is before it was checked when it was written, and the page checks it all.
            var report = await WalkAsync(db, anchors, anchors.InvalidLines.Count == 0 ? anchors.Latest : null, cancellationToken);
            var latest = anchors.Latest;
            if (!report.IsIntact || report.Head is null || (latest is not null && report.Head.Sequence <= latest.Sequence))
            {
                _integrity.LastCheckpointed = latest?.Sequence ?? 0;
                return new AuditCheckpointOutcome(null, report);
            }
            var checkpoint = new AuditCheckpoint(report.Head.Sequence, report.Head.Hash, Timestamps.Normalise(_time.GetUtcNow()),
                anchors.LegacyThrough ?? report.LegacyEntries);
            await _integrity.Anchors.AppendAsync(checkpoint.ToLine(_integrity.Keys), cancellationToken);
            _integrity.LastCheckpointed = checkpoint.Sequence;
            return new AuditCheckpointOutcome(checkpoint, report with { LatestCheckpoint = checkpoint });
        }
        finally
        {
            _integrity.CheckpointGate.Release();
        }
    }

    /// <summary>
    /// Walks the chain (all of it, or from the anchor <paramref name="from"/> on) and returns the first break in sequence
    /// order, comparing each row with every checkpoint recorded for it and the length with the latest checkpoint.
    /// </summary>
    private async Task<AuditChainReport> WalkAsync(RecognitionDbContext db, AuditAnchorSet anchors, AuditCheckpoint? from, CancellationToken cancellationToken)
    {
        var latest = anchors.Latest;
        if (anchors.InvalidLines.Count > 0)
        {
            return Broken(0, null, latest, 0, new AuditChainBreak(0, AuditBreakKind.AnchorInvalid,
                $"检查点文件第 {string.Join("、", anchors.InvalidLines)} 行的签名无效：检查点被改动，或不是本门户以其证书写入的"));
        }
        var keys = _integrity.Keys;
        var bySequence = anchors.Checkpoints.GroupBy(c => c.Sequence).ToDictionary(g => g.Key, g => g.ToList());
        // Before the first checkpoint a v1 prefix (rows written before the upgrade) is accepted; after it, only up to the
        // boundary it sealed.
        var legacyLimit = anchors.LegacyThrough ?? long.MaxValue;
        var inLegacyPrefix = true;
        long legacyEntries = 0;
        long lastMatchedAnchor = 0;

        long expected = 1;
        var previousHash = AuditHashing.GenesisHash;
        AuditAnchor? head = null;
        var rows = UnfilteredQueries.AuditChain(db).AsNoTracking();
        if (from is not null)
        {
            var at = await rows.SingleOrDefaultAsync(e => e.Sequence == from.Sequence, cancellationToken);
            if (at is null || !string.Equals(at.Hash, from.Mac, StringComparison.Ordinal) || !Seals(at, keys, from.Sequence <= legacyLimit))
            {
                // Something at or before the latest anchor changed: the full walk says exactly where.
                return await WalkAsync(db, anchors, from: null, cancellationToken);
            }
            expected = from.Sequence + 1;
            previousHash = from.Mac;
            head = new AuditAnchor(from.Sequence, from.Mac);
            lastMatchedAnchor = from.Sequence;
            inLegacyPrefix = from.Sequence <= legacyLimit;
            legacyEntries = Math.Min(from.Sequence, anchors.LegacyThrough ?? 0);
            rows = rows.Where(e => e.Sequence > from.Sequence);
        }

        await foreach (var entry in rows.OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var checkedCount = expected - 1;
            if (entry.Sequence != expected)
            {
                return Broken(checkedCount, head, latest, legacyEntries, new AuditChainBreak(expected, AuditBreakKind.Missing,
                    expected == entry.Sequence - 1
                        ? $"第 {expected} 条记录缺失（已被删除）"
                        : $"第 {expected} 至 {entry.Sequence - 1} 条记录缺失（已被删除）",
                    entry.Sequence - 1));
            }
            if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return Broken(checkedCount, head, latest, legacyEntries, new AuditChainBreak(entry.Sequence, AuditBreakKind.LinkBroken,
                    $"第 {entry.Sequence} 条记录与前一条的校验码不衔接（前序记录被删除、插入或调换）"));
            }
            var isV2 = string.Equals(AuditHashing.ComputeMac(entry, keys), entry.Hash, StringComparison.Ordinal);
            if (!isV2)
            {
                var legacy = inLegacyPrefix && entry.Sequence <= legacyLimit
                    && string.Equals(AuditHashing.ComputeHash(entry), entry.Hash, StringComparison.Ordinal);
                if (!legacy)
                {
                    return Broken(checkedCount, head, latest, legacyEntries, new AuditChainBreak(entry.Sequence, AuditBreakKind.Edited,
                        $"第 {entry.Sequence} 条记录的内容与其密钥校验码（HMAC）不符（记录被修改，或由不持有审计密钥者重算）"));
                }
                legacyEntries = entry.Sequence;
            }
            else
            {
                inLegacyPrefix = false;
            }
            if (bySequence.TryGetValue(entry.Sequence, out var recorded))
            {
                var mismatch = recorded.FirstOrDefault(c => !string.Equals(c.Mac, entry.Hash, StringComparison.Ordinal));
                if (mismatch is not null)
                {
                    return Broken(checkedCount, head, latest, legacyEntries, new AuditChainBreak(lastMatchedAnchor + 1, AuditBreakKind.AnchorMismatch,
                        $"第 {lastMatchedAnchor + 1} 至 {entry.Sequence} 条之间的记录与外部检查点不符（{Beijing(mismatch.At)} 的检查点记下的第 {entry.Sequence} 条校验码不同）：这段记录被整体改写",
                        entry.Sequence));
                }
                lastMatchedAnchor = entry.Sequence;
            }
            previousHash = entry.Hash;
            head = new AuditAnchor(entry.Sequence, entry.Hash);
            expected++;
        }

        var count = expected - 1;
        if (latest is not null && count < latest.Sequence)
        {
            return Broken(count, head, latest, legacyEntries, new AuditChainBreak(count + 1, AuditBreakKind.AnchorMismatch,
                count + 1 == latest.Sequence
                    ? $"第 {latest.Sequence} 条记录缺失：{Beijing(latest.At)} 的外部检查点记到第 {latest.Sequence} 条，日志只剩 {count} 条（末尾被截断）"
                    : $"第 {count + 1} 至 {latest.Sequence} 条记录缺失：{Beijing(latest.At)} 的外部检查点记到第 {latest.Sequence} 条，日志只剩 {count} 条（末尾被截断）",
                latest.Sequence));
        }
        return new AuditChainReport(true, count, null, head) { LatestCheckpoint = latest, LegacyEntries = legacyEntries };
    }

    private static bool Seals(AuditEntry entry, AuditKeys keys, bool legacyAllowed) =>
        string.Equals(AuditHashing.ComputeMac(entry, keys), entry.Hash, StringComparison.Ordinal)
        || (legacyAllowed && string.Equals(AuditHashing.ComputeHash(entry), entry.Hash, StringComparison.Ordinal));

    private static string Beijing(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static AuditChainReport Broken(long checkedCount, AuditAnchor? head, AuditCheckpoint? latest, long legacy, AuditChainBreak chainBreak) =>
        new(false, checkedCount, chainBreak, head) { LatestCheckpoint = latest, LegacyEntries = legacy };

    private async Task<AuditEntry> NextEntryAsync(
        RecognitionDbContext db, ICurrentActor actor, AuditEvent auditEvent, string summary, CancellationToken cancellationToken)
    {
        var tail = await TailAsync(db, cancellationToken);
        var entry = new AuditEntry
        {
            Sequence = (tail?.Sequence ?? 0) + 1,
            At = Timestamps.Normalise(_time.GetUtcNow()),
            ActorUserId = actor.UserId,
            ActorDisplayName = actor.DisplayName,
            ActorOrganisationId = actor.OrganisationId,
            ActorOrganisationName = actor.OrganisationName,
            Action = auditEvent.Action,
            EntityType = auditEvent.EntityType,
            EntityId = auditEvent.EntityId,
            SummaryJson = summary,
            PreviousHash = tail?.Hash ?? AuditHashing.GenesisHash,
        };
        entry.Hash = AuditHashing.ComputeMac(entry, _integrity.Keys);
        return entry;
    }

    private static Task<AuditAnchor?> TailAsync(RecognitionDbContext db, CancellationToken cancellationToken) =>
        UnfilteredQueries.AuditChain(db).AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new AuditAnchor(e.Sequence, e.Hash))
            .FirstOrDefaultAsync(cancellationToken);

    private static string SerialiseSummary(object? summary) => summary switch
    {
        null => "{}",
        string json => CanonicalJson.Canonicalize(json),
        _ => CanonicalJson.Canonicalize(JsonSerializer.Serialize(summary, summary.GetType(), SummaryJson)),
    };
}
