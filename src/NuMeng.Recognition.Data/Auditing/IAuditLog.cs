namespace NuMeng.Recognition.Data.Auditing;

/// <summary>Something that happened, to be recorded. The actor comes from the context's <see cref="Tenancy.ICurrentActor"/>.</summary>
/// <param name="Action">Dotted verb, e.g. "application.submit".</param>
/// <param name="EntityType">The entity concerned, e.g. "Application".</param>
/// <param name="EntityId">Its id (or another stable key).</param>
/// <param name="Summary">Details: an object serialised to JSON (camelCase), or a string holding JSON.</param>
public sealed record AuditEvent(string Action, string EntityType, string? EntityId, object? Summary = null);

/// <summary>
/// The append-only, hash-chained audit log (docs/architecture.md principle 7).
/// <para>
/// Linear chain: appends are serialised within a process by one semaphore; across several application instances the
/// primary key on <see cref="AuditEntry.Sequence"/> (assigned as tail + 1) makes a racing second writer fail on the
/// key, and <see cref="AppendAsync(RecognitionDbContext, AuditEvent, CancellationToken)"/> then re-reads the tail and
/// retries. No database-specific locking is needed; with many instances under heavy load a dedicated appender (one
/// instance, or a database advisory lock such as PostgreSQL's pg_advisory_xact_lock / SQL Server's sp_getapplock)
/// reduces retries.
/// </para>
/// </summary>
public interface IAuditLog
{
    /// <summary>
    /// Adds an entry for <paramref name="auditEvent"/> to <paramref name="db"/> and saves the context: the pending
    /// business changes and their audit entry commit together or not at all.
    /// </summary>
    Task<AuditEntry> AppendAsync(RecognitionDbContext db, AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>Appends an entry on its own (e.g. sign-in, export, failed access).</summary>
    Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Walks the whole chain and reports the first broken link: a gap (deleted row), a row whose content no longer
    /// matches its HMAC (edited, or recomputed without the key), a row whose previous-MAC does not match its predecessor
    /// (deleted, inserted or reordered), and — against the signed checkpoints of the anchor store, outside the database —
    /// rows missing from the end (truncated) or a stretch rewritten with the key. Reads the anchor store on every call.
    /// </summary>
    Task<AuditChainReport> VerifyChainAsync(CancellationToken cancellationToken = default);

    /// <summary>The same against the given checkpoints (tests; an auditor's own copy of the checkpoint file).</summary>
    Task<AuditChainReport> VerifyChainAsync(AuditAnchorSet anchors, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks the chain from the latest checkpoint on and, when it is intact and has grown, appends a signed checkpoint of
    /// the head to the anchor store. A broken chain is never anchored.
    /// </summary>
    Task<AuditCheckpointOutcome> CheckpointAsync(CancellationToken cancellationToken = default);

    /// <summary>The current head (last sequence and hash), to be recorded outside the database as an anchor.</summary>
    Task<AuditAnchor?> GetHeadAsync(CancellationToken cancellationToken = default);
}

/// <summary>A point of the chain: a sequence and the MAC (or, for v1 rows, the hash) stored with it.</summary>
public sealed record AuditAnchor(long Sequence, string Hash);

/// <summary>How a link is broken.</summary>
public enum AuditBreakKind
{
    /// <summary>A sequence number is missing: the row was deleted.</summary>
    Missing,
    /// <summary>The row's content does not match its hash: it was edited.</summary>
    Edited,
    /// <summary>The row does not point at its predecessor's hash: rows were deleted, inserted or reordered.</summary>
    LinkBroken,
    /// <summary>The chain is shorter than, or differs from, a recorded checkpoint: rows at the end were deleted or rewritten.</summary>
    AnchorMismatch,
    /// <summary>A line of the checkpoint file does not carry the portal's signature.</summary>
    AnchorInvalid,
}

/// <summary>The first broken link found: from <see cref="Sequence"/> to <see cref="ToSequence"/> (when a range).</summary>
public sealed record AuditChainBreak(long Sequence, AuditBreakKind Kind, string Message, long? ToSequence = null);

/// <summary>Result of <see cref="IAuditLog.VerifyChainAsync"/>.</summary>
public sealed record AuditChainReport(bool IsIntact, long EntriesChecked, AuditChainBreak? FirstBreak, AuditAnchor? Head)
{
    /// <summary>The latest signed checkpoint the chain was compared with (null: none written yet).</summary>
    public AuditCheckpoint? LatestCheckpoint { get; init; }

    /// <summary>Rows 1 to this number are v1 rows (plain SHA-256) from before the upgrade.</summary>
    public long LegacyEntries { get; init; }

    /// <summary>One line for the auditor.</summary>
    public string Describe() => IsIntact
        ? $"审计日志完整：已校验 {EntriesChecked} 条记录，校验链未被破坏"
        : $"审计日志已被篡改：{FirstBreak!.Message}";
}

/// <summary>Result of <see cref="IAuditLog.CheckpointAsync"/>: the checkpoint written (null when none was) and the check behind it.</summary>
public sealed record AuditCheckpointOutcome(AuditCheckpoint? Written, AuditChainReport Report);
