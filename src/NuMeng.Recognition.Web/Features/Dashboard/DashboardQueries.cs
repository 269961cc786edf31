using NuMeng.Recognition.Web.Features.Exports;

namespace NuMeng.Recognition.Web.Features.Dashboard;

/// <summary>One bar of a chart (and one row of its table): a Chinese label, the count, a stable key for tests and links.</summary>
public sealed record DashboardBar(string Label, int Count, string Key);

/// <summary>The dashboard's filters (a GET form): the batch year and one batch.</summary>
public sealed record DashboardFilter(int? Year = null, Guid? BatchId = null);

/// <summary>A batch in the filter.</summary>
public sealed record DashboardBatch(Guid Id, string Title, int Year);

/// <summary>Applications by 盟市 × state (department and agency).</summary>
public sealed record LeagueStateMatrix(IReadOnlyList<ApplicationState> States, IReadOnlyList<(string League, string Name, IReadOnlyDictionary<ApplicationState, int> Counts, int Total)> Rows);

/// <summary>Certificates: valid (of which expiring within 6 months) and revoked.</summary>
public sealed record CertificateCounts(int Valid, int ExpiringSoon, int Revoked, int Expired);

/// <summary>Everything the dashboard shows for one actor and filter.</summary>
public sealed record DashboardModel(
    int Total,
    IReadOnlyList<DashboardBar> ByState,
    IReadOnlyList<DashboardBar> ByBatch,
    IReadOnlyList<DashboardBar> ByLeague,
    IReadOnlyList<DashboardBar> ByKind,
    IReadOnlyList<DashboardBar>? Assignments,
    LeagueStateMatrix? Matrix,
    CertificateCounts? Certificates,
    IReadOnlyList<DashboardBatch> Batches,
    IReadOnlyList<int> Years);

/// <summary>
/// The dashboard's figures. Every count is a query through the tenancy filter of
/// the request's actor: an enterprise counts its own applications, a bureau its 盟市's submitted ones, the agency its
/// entrusted batches from expert review on, the department all; an expert counts its assignments. No role test here
/// decides what is counted — only which sections are worth showing.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<RecognitionDbContext> factory, TimeProvider clock)
{
    /// <summary>The figures for <paramref name="filter"/>. <paramref name="overview"/>: add the 盟市 × state matrix and certificates.</summary>
    public async Task<DashboardModel> LoadAsync(DashboardFilter filter, bool overview, bool expert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        var visible = db.Applications.AsNoTracking();
        // The batches and years worth offering: those the actor has applications (or assignments) in.
        var batchIds = await visible.Select(a => a.BatchId).Distinct().ToListAsync(cancellationToken);
        if (expert)
        {
            batchIds = [.. batchIds.Union(await db.ExpertAssignments.AsNoTracking().Select(x => x.BatchId).Distinct().ToListAsync(cancellationToken))];
        }
        var batches = (await db.Batches.AsNoTracking().Where(b => batchIds.Contains(b.Id))
                .Select(b => new { b.Id, b.Title, b.Year, b.Round, b.Kind }).ToListAsync(cancellationToken))
            .OrderByDescending(b => b.Year).ThenBy(b => b.Round).ThenBy(b => b.Kind)
            .ToList();

        var apps = visible;
        if (filter.BatchId is { } batch)
        {
            apps = apps.Where(a => a.BatchId == batch);
        }
        if (filter.Year is { } year)
        {
            apps = apps.Where(a => db.Batches.Any(b => b.Id == a.BatchId && b.Year == year));
        }
        var rows = await apps.Select(a => new { a.State, a.BatchId, a.LeagueCode, a.Kind }).ToListAsync(cancellationToken);

        var byState = rows.GroupBy(r => r.State).OrderBy(g => g.Key)
            .Select(g => new DashboardBar(WorkflowLabels.State(g.Key), g.Count(), g.Key.ToString())).ToList();
        var byBatch = batches.Select(b => new DashboardBar(ShortTitle(b.Year, b.Round, b.Kind), rows.Count(r => r.BatchId == b.Id), b.Id.ToString("D")))
            .Where(b => b.Count > 0).ToList();
        var byLeague = InnerMongoliaRegions.All
            .Select(l => new DashboardBar(l.Name, rows.Count(r => r.LeagueCode == l.Code), l.Code))
            .Where(b => b.Count > 0).ToList();
        var byKind = Enum.GetValues<RecognitionKind>()
            .Select(k => new DashboardBar(RecognitionKinds.Label(k), rows.Count(r => r.Kind == k), k.ToString()))
            .Where(b => b.Count > 0).ToList();

        IReadOnlyList<DashboardBar>? assignments = null;
        if (expert)
        {
            assignments = await AssignmentsAsync(db, filter, cancellationToken);
        }

        LeagueStateMatrix? matrix = null;
        CertificateCounts? certificates = null;
        if (overview)
        {
            var states = rows.Select(r => r.State).Distinct().Order().ToList();
            matrix = new LeagueStateMatrix(states, [.. InnerMongoliaRegions.All
                .Select(l => (l.Code, l.Name, Counts: (IReadOnlyDictionary<ApplicationState, int>)rows.Where(r => r.LeagueCode == l.Code)
                    .GroupBy(r => r.State).ToDictionary(g => g.Key, g => g.Count()), Total: rows.Count(r => r.LeagueCode == l.Code)))
                .Where(r => r.Total > 0)]);
            certificates = await CertificatesAsync(db, filter, cancellationToken);
        }

        return new DashboardModel(rows.Count, byState, byBatch, byLeague, byKind, assignments, matrix, certificates,
            [.. batches.Select(b => new DashboardBatch(b.Id, b.Title, b.Year))],
            [.. batches.Select(b => b.Year).Distinct().OrderDescending()]);
    }

    /// <summary>2026年第一批 · 基础级智能工厂 (the batch title without its boilerplate, short enough for a chart label).</summary>
    public static string ShortTitle(int year, int round, RecognitionKind kind) => $"{year}年{Labels.Round(round)} {RecognitionKinds.Label(kind)}";

    /// <summary>The expert's own assignments (the filter shows nobody else's), by where they stand.</summary>
    private static async Task<IReadOnlyList<DashboardBar>> AssignmentsAsync(RecognitionDbContext db, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var assignments = db.ExpertAssignments.AsNoTracking();
        if (filter.BatchId is { } batch)
        {
            assignments = assignments.Where(x => x.BatchId == batch);
        }
        if (filter.Year is { } year)
        {
            assignments = assignments.Where(x => db.Batches.Any(b => b.Id == x.BatchId && b.Year == year));
        }
        var rows = await (
            from x in assignments
            join s in db.ExpertScores on x.Id equals s.AssignmentId into ss
            from s in ss.DefaultIfEmpty()
            select new { x.DeclaredAt, x.Conflict, x.Recused, Submitted = s != null && s.SubmittedAt != null }).ToListAsync(cancellationToken);
        return
        [
            new("待声明利益冲突", rows.Count(r => r.DeclaredAt is null && !r.Recused), "undeclared"),
            new("待评分", rows.Count(r => r.DeclaredAt is not null && r.Conflict == ConflictDeclaration.None && !r.Recused && !r.Submitted), "to-score"),
            new("已提交评分", rows.Count(r => !r.Recused && r.Submitted), "submitted"),
            new("已回避", rows.Count(r => r.Recused), "recused"),
        ];
    }

    /// <summary>Certificates the actor may see: valid (and of those, ending within 6 months from today), revoked, expired.</summary>
    private async Task<CertificateCounts> CertificatesAsync(RecognitionDbContext db, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var certificates = db.Certificates.AsNoTracking();
        if (filter.BatchId is { } batch)
        {
            certificates = certificates.Where(c => db.Applications.Any(a => a.Id == c.ApplicationId && a.BatchId == batch));
        }
        if (filter.Year is { } year)
        {
            certificates = certificates.Where(c => db.Applications.Any(a => a.Id == c.ApplicationId && db.Batches.Any(b => b.Id == a.BatchId && b.Year == year)));
        }
        var rows = await certificates.Select(c => new { c.Status, c.ValidUntil }).ToListAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        bool Valid(CertificateStatus status, DateOnly until) => status == CertificateStatus.Valid && until >= today;
        return new CertificateCounts(
            rows.Count(r => Valid(r.Status, r.ValidUntil)),
            rows.Count(r => r.Status == CertificateStatus.Valid && CertificateStanding.IsExpiring(r.ValidUntil, today)),
            rows.Count(r => r.Status == CertificateStatus.Revoked),
            rows.Count(r => r.Status == CertificateStatus.Expired || (r.Status == CertificateStatus.Valid && r.ValidUntil < today)));
    }
}
