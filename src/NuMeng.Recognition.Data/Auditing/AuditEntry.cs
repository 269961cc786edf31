using NuMeng.Recognition.Data.Common;

namespace NuMeng.Recognition.Data.Auditing;

/// <summary>
/// One event of the append-only, hash-chained audit log (ARCHITECTURE decision 7). <see cref="Sequence"/> is the primary
/// key and is assigned by <see cref="IAuditLog"/> as previous + 1, so two writers that race for the same tail collide on
/// the key instead of forking the chain. <see cref="Hash"/> = SHA-256 over <see cref="AuditHashing.CanonicalContent"/>,
/// which includes <see cref="PreviousHash"/>: editing, deleting or reordering a row breaks the chain at that row.
/// Written once; the context refuses updates and deletes.
/// </summary>
public sealed class AuditEntry : IImmutableRow
{
    /// <summary>1, 2, 3, … without gaps.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, truncated to whole microseconds so every provider stores it exactly (PostgreSQL keeps µs).</summary>
    public DateTimeOffset At { get; set; }

    public Guid? ActorUserId { get; set; }

    public string ActorDisplayName { get; set; } = string.Empty;

    public Guid? ActorOrganisationId { get; set; }

    public string? ActorOrganisationName { get; set; }

    /// <summary>What happened, e.g. "application.submit", "user.login", "certificate.revoke".</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>The entity concerned, e.g. "Application".</summary>
    public string EntityType { get; set; } = string.Empty;

    public string? EntityId { get; set; }

    /// <summary>Details as JSON text (stored verbatim, never as jsonb: the hash is over these exact characters).</summary>
    public string SummaryJson { get; set; } = "{}";

    /// <summary>Hash of the previous entry; 64 zeros for the first.</summary>
    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;
}
