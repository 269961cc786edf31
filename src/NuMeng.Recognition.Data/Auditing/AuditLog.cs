using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Hashing;
using NuMeng.Recognition.Data.Tenancy;

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
    private readonly TimeProvider _time;

    public AuditLog(IDbContextFactory<RecognitionDbContext> factory, AuditAppendLock appendLock, TimeProvider? time = null)
    {
        _factory = factory;
        _lock = appendLock;
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

    public async Task<AuditChainReport> VerifyChainAsync(AuditAnchor? anchor = null, CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        long expected = 1;
        var previousHash = AuditHashing.GenesisHash;
        AuditAnchor? head = null;
        string? anchorHashSeen = null;

        await foreach (var entry in UnfilteredQueries.AuditChain(db).AsNoTracking()
            .OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.Sequence != expected)
            {
                return Broken(expected - 1, head, new AuditChainBreak(expected, AuditBreakKind.Missing,
                    expected == entry.Sequence - 1
                        ? $"第 {expected} 条记录缺失（已被删除）"
                        : $"第 {expected} 至 {entry.Sequence - 1} 条记录缺失（已被删除）"));
            }
            if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return Broken(expected - 1, head, new AuditChainBreak(entry.Sequence, AuditBreakKind.LinkBroken,
                    $"第 {entry.Sequence} 条记录与前一条的哈希不衔接（前序记录被删除、插入或调换）"));
            }
            if (!string.Equals(AuditHashing.ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
            {
                return Broken(expected - 1, head, new AuditChainBreak(entry.Sequence, AuditBreakKind.Edited,
                    $"第 {entry.Sequence} 条记录的内容与其哈希不符（记录被修改）"));
            }
            if (anchor is not null && entry.Sequence == anchor.Sequence)
            {
                anchorHashSeen = entry.Hash;
            }
            previousHash = entry.Hash;
            head = new AuditAnchor(entry.Sequence, entry.Hash);
            expected++;
        }

        var checkedCount = expected - 1;
        if (anchor is not null)
        {
            if (checkedCount < anchor.Sequence)
            {
                return Broken(checkedCount, head, new AuditChainBreak(checkedCount + 1, AuditBreakKind.AnchorMismatch,
                    $"日志只有 {checkedCount} 条，而此前记录的链头为第 {anchor.Sequence} 条：末尾记录已被删除"));
            }
            if (!string.Equals(anchorHashSeen, anchor.Hash, StringComparison.Ordinal))
            {
                return Broken(checkedCount, head, new AuditChainBreak(anchor.Sequence, AuditBreakKind.AnchorMismatch,
                    $"第 {anchor.Sequence} 条记录的哈希与此前记录的锚点不符：该处及之前的记录被整体改写"));
            }
        }
        return new AuditChainReport(true, checkedCount, null, head);
    }

    private static AuditChainReport Broken(long checkedCount, AuditAnchor? head, AuditChainBreak chainBreak) =>
        new(false, checkedCount, chainBreak, head);

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
        entry.Hash = AuditHashing.ComputeHash(entry);
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
