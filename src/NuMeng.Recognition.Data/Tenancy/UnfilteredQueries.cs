namespace NuMeng.Recognition.Data.Tenancy;

/// <summary>
/// THE place for queries that cross the tenancy filters ("any query that bypasses it lives in one named place
/// with a reason"). Each method says why it may, and returns only what its purpose needs. Nothing else in the solution
/// calls IgnoreQueryFilters (a test checks the source).
/// </summary>
public static partial class UnfilteredQueries
{
    /// <summary>
    /// Registration: an enterprise may register a credit code only once, and the applicant cannot see other
    /// organisations. Returns only whether the code is taken.
    /// </summary>
    public static Task<bool> CreditCodeTakenAsync(RecognitionDbContext db, string creditCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var code = creditCode.Trim().ToUpperInvariant();
        return db.Organisations.IgnoreQueryFilters().AnyAsync(o => o.CreditCode == code, cancellationToken);
    }

    /// <summary>
    /// Sign-in: the claims of a user who is not yet signed in need the name, kind and 盟市 of their organisation.
    /// </summary>
    public static Task<OrganisationClaims?> OrganisationForSignInAsync(
        RecognitionDbContext db, Guid organisationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Organisations.IgnoreQueryFilters()
            .Where(o => o.Id == organisationId)
            .Select(o => new OrganisationClaims(o.Id, o.Name, o.Kind, o.LeagueCode))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The audit chain: appending needs the tail and verifying needs every row, whoever triggers the event
    /// (an enterprise's submission is audited too). Used only by <see cref="Auditing.AuditLog"/>.
    /// </summary>
    internal static IQueryable<Auditing.AuditEntry> AuditChain(RecognitionDbContext db) =>
        db.AuditEntries.IgnoreQueryFilters();

    /// <summary>
    /// Seeding: which of the well-known <paramref name="ids"/> are already stored, whoever the actor, so a seeder
    /// skips what an earlier (or interrupted) run wrote. Answers ids only, and only among those asked. Used only by the
    /// seeders.
    /// </summary>
    internal static async Task<HashSet<Guid>> SeededIdsAsync<T>(RecognitionDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
        where T : class
    {
        var found = await db.Set<T>().IgnoreQueryFilters()
            .Select(e => EF.Property<Guid>(e, "Id"))
            .Where(id => ids.Contains(id))
            .ToListAsync(cancellationToken);
        return [.. found];
    }

    /// <summary>Seeding: whether the demo's audit events were written (the demo seeder's idempotency check).</summary>
    internal static Task<bool> DemoAuditSeededAsync(RecognitionDbContext db, string action, CancellationToken cancellationToken) =>
        db.AuditEntries.IgnoreQueryFilters().AnyAsync(e => e.Action == action, cancellationToken);
}

/// <summary>Organisation facts put into the sign-in principal.</summary>
public sealed record OrganisationClaims(Guid Id, string Name, OrganisationKind Kind, string? LeagueCode);
