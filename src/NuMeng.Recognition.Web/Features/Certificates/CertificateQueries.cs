namespace NuMeng.Recognition.Web.Features.Certificates;

/// <summary>
/// The department's certificate lists: all (with filters), expiring within six months (<see cref="CertificateStanding"/>),
/// eligible for national or upward recommendation (<see cref="NationalRecommendation"/>), and one certificate in full.
/// Read through the tenancy filter; empty for anyone but the department.
/// </summary>
public sealed class CertificateQueries(IDbContextFactory<RecognitionDbContext> factory, TimeProvider clock)
{
    /// <summary>Every certificate matching <paramref name="filter"/>, newest award first.</summary>
    public async Task<IReadOnlyList<CertificateRow>> ListAsync(CertificateFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = await LoadAsync(filter, cancellationToken);
        return rows.Where(r => filter.Standing is not { } s || r.Standing == s).ToList();
    }

    /// <summary>即将到期: in force and ending within six months (bound included), soonest first.</summary>
    public async Task<IReadOnlyList<CertificateRow>> ExpiringAsync(CertificateFilter filter, CancellationToken cancellationToken = default) =>
        (await LoadAsync(filter, cancellationToken)).Where(r => r.Standing == CertificateStandingKind.ExpiringSoon).OrderBy(r => r.ValidUntil).ToList();

    /// <summary>可推荐: holders of a recognition in force that the province may recommend upward (第十一条; tiers in order).</summary>
    public async Task<IReadOnlyList<CertificateRow>> NationalAsync(CertificateFilter filter, CancellationToken cancellationToken = default) =>
        (await LoadAsync(filter, cancellationToken)).Where(r => r.Recommendations.Count > 0).OrderBy(r => r.Kind).ThenBy(r => r.Number).ToList();

    /// <summary>One certificate with its publication, name history, revocation and rename requests; null when not visible.</summary>
    public async Task<CertificateDetail?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!CertificateDesk.Admits(db.Actor))
        {
            return null;
        }
        var c = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (c is null)
        {
            return null;
        }
        var app = await db.Applications.AsNoTracking().Where(a => a.Id == c.ApplicationId).Select(a => new { a.State, a.LeagueCode }).FirstAsync(cancellationToken);
        var publication = c.PublicationId is { } pid
            ? await db.Publications.AsNoTracking().Where(p => p.Id == pid).Select(p => new PublishedDocument(p.Id, p.DocumentNumber, p.Title, p.PublishedOn)).FirstOrDefaultAsync(cancellationToken)
            : null;
        var revocations = await RevocationService.ViewsAsync(db, r => r.CertificateId == id, cancellationToken);
        var revocation = revocations.Count > 0 ? revocations[0] : null;
        var renames = await RenameDecisions.ViewsAsync(db, r => r.CertificateId == id, cancellationToken);
        return new CertificateDetail(ToRow(c, app.LeagueCode, ChinaTime.Today(clock)), c.ApplicationId, c.EnterpriseId, c.ConcurrencyStamp,
            c.VerificationCode, app.State, publication, c.NameHistory, revocation, renames);
    }

    private async Task<List<CertificateRow>> LoadAsync(CertificateFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!CertificateDesk.Admits(db.Actor))
        {
            return [];
        }
        var query = from c in db.Certificates.AsNoTracking()
                    join a in db.Applications.AsNoTracking() on c.ApplicationId equals a.Id
                    select new { c, a.LeagueCode };
        if (filter.Kind is { } kind)
        {
            query = query.Where(x => x.c.Kind == kind);
        }
        if (!string.IsNullOrEmpty(filter.League))
        {
            query = query.Where(x => x.LeagueCode == filter.League);
        }
        if (filter.Year is { } year)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            query = query.Where(x => x.c.AwardedOn >= first && x.c.AwardedOn <= last);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var q = filter.Search.Trim();
            query = query.Where(x => x.c.Number.Contains(q) || x.c.EnterpriseName.Contains(q) || x.c.WorkshopOrFactoryName.Contains(q));
        }
        var today = ChinaTime.Today(clock);
        var rows = await query.ToListAsync(cancellationToken);
        return rows.Select(x => ToRow(x.c, x.LeagueCode, today)).OrderByDescending(r => r.AwardedOn).ThenBy(r => r.Number).ToList();
    }

    private static CertificateRow ToRow(Certificate c, string league, DateOnly today)
    {
        var revoked = c.Status == CertificateStatus.Revoked;
        return new CertificateRow(c.Id, c.Number, c.Kind, c.EnterpriseName, c.WorkshopOrFactoryName, league, c.AwardedOn, c.ValidUntil,
            CertificateStanding.Of(revoked, c.ValidUntil, today), NationalRecommendation.Evaluate(c.Kind, revoked, c.ValidUntil, today));
    }
}
