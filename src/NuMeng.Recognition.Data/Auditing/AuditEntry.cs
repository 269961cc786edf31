namespace NuMeng.Recognition.Data.Auditing;

/// <summary>
/// One event of the append-only, MAC-chained audit log (docs/architecture.md principle 7, ADR 0010). <see cref="Sequence"/> is the primary
/// key and is assigned by <see cref="IAuditLog"/> as previous + 1, so two writers that race for the same tail collide on
/// the key instead of forking the chain. <see cref="Hash"/> = HMAC-SHA256 (key outside the database) over the v2
/// <see cref="AuditHashing.CanonicalContent(AuditEntry, string)"/>, which includes <see cref="PreviousHash"/>: editing,
/// deleting or reordering a row breaks the chain at that row; signed checkpoints outside the database catch the rest.
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

    /// <summary>MAC (or, for a v1 row, hash) of the previous entry; 64 zeros for the first.</summary>
    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;
}
