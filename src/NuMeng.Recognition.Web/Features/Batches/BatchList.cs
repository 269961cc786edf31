using NuMeng.Recognition.Web.Infrastructure;

namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>One batch as every list of batches shows it (the department's page, the Excel export, the record API).</summary>
public sealed record BatchRow(
    Guid Id, int Year, int Round, RecognitionKind Kind, string Title, string RuleSetKey, string? SceneCatalogueKey,
    DateOnly OpensOn, DateOnly ClosesOn, DateOnly? BureauReviewDeadline, DateOnly? ExpertReviewDeadline, BatchState State,
    int Applications, int Submitted, Guid? AgencyId, string? AgencyName, DateTimeOffset? EntrustedAt, int? PerLeagueCap,
    ScoreAggregationRule ScoreAggregation)
{
    public string StateLabel => Labels.Batch(State);

    public string RoundLabel => Labels.Round(Round);

    public string KindLabel => RecognitionKinds.Label(Kind);
}

/// <summary>
/// 申报批次 — the one read of the batches list, used by the department's batch page, <c>/exports/batches.xlsx</c> and
/// <c>GET /api/v1/batches</c>: narrowed by <see cref="ListFilter"/> (batch, kind, year), newest year first, then the
/// later round, then the kind; with the number of applications (and submitted ones) the actor may see.
/// </summary>
public sealed class BatchList(IDbContextFactory<RecognitionDbContext> factory)
{
    /// <summary>The rows of the list for the current actor.</summary>
    public async Task<ListPage<BatchRow>> ReadAsync(ListFilter filter, ListPaging paging, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(db, filter, paging, cancellationToken);
    }

    /// <summary>The years that have batches (the page's year filter), newest first.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Batches.AsNoTracking().Select(b => b.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
    }

    /// <summary>The rows of the list, on a context the caller holds.</summary>
    public static async Task<ListPage<BatchRow>> ReadAsync(RecognitionDbContext db, ListFilter filter, ListPaging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var batches = db.Batches.AsNoTracking();
        if (filter.BatchId is { } id)
        {
            batches = batches.Where(b => b.Id == id);
        }
        if (filter.Kind is { } kind)
        {
            batches = batches.Where(b => b.Kind == kind);
        }
        if (filter.Year is { } year)
        {
            batches = batches.Where(b => b.Year == year);
        }
        var total = await batches.CountAsync(cancellationToken);
        var ordered = batches.OrderByDescending(b => b.Year).ThenByDescending(b => b.Round).ThenBy(b => b.Kind).ThenBy(b => b.Id);
        var page = await paging.Apply(ordered)
            .Select(b => new
            {
                b.Id, b.Year, b.Round, b.Kind, b.Title, b.RuleSetCode, b.RuleSetVersion, b.SceneCatalogueCode, b.SceneCatalogueVersion,
                b.ApplicationOpensOn, b.ApplicationClosesOn, b.BureauReviewDeadline, b.ExpertReviewDeadline, b.State,
                b.EntrustedAgencyId, b.EntrustedAt, b.PerLeagueCap, b.ScoreAggregation,
            })
            .ToListAsync(cancellationToken);
        var ids = page.ConvertAll(b => b.Id);
        var counts = await db.Applications.AsNoTracking()
            .Where(a => ids.Contains(a.BatchId))
            .GroupBy(a => a.BatchId)
            .Select(g => new { BatchId = g.Key, All = g.Count(), Submitted = g.Count(a => a.State != ApplicationState.Draft) })
            .ToDictionaryAsync(c => c.BatchId, cancellationToken);
        var agencies = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Agency)
            .Select(o => new { o.Id, o.Name })
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var rows = page.ConvertAll(b => new BatchRow(
            b.Id, b.Year, b.Round, b.Kind, b.Title, $"{b.RuleSetCode}@{b.RuleSetVersion}",
            b.SceneCatalogueCode is null ? null : $"{b.SceneCatalogueCode}@{b.SceneCatalogueVersion}",
            b.ApplicationOpensOn, b.ApplicationClosesOn, b.BureauReviewDeadline, b.ExpertReviewDeadline, b.State,
            counts.TryGetValue(b.Id, out var c) ? c.All : 0, counts.TryGetValue(b.Id, out var s) ? s.Submitted : 0,
            b.EntrustedAgencyId, b.EntrustedAgencyId is { } a ? agencies.GetValueOrDefault(a) : null, b.EntrustedAt,
            b.PerLeagueCap, b.ScoreAggregation));
        return new ListPage<BatchRow>(total, paging, rows);
    }
}
