using NuMeng.Recognition.Web.Infrastructure;

namespace NuMeng.Recognition.Web.Features.Applications;

/// <summary>One application as every list of applications shows it (page, Excel export, record API).</summary>
public sealed record ApplicationListRow(
    Guid Id, Guid EnterpriseId, string EnterpriseName, string? CreditCode, string Name, RecognitionKind Kind, string LeagueCode,
    Guid BatchId, string BatchTitle, int Year, DateOnly? BatchClosesOn, DateOnly? BureauReviewDeadline, ApplicationState State,
    int LatestVersionNumber, DateTimeOffset? LastSubmittedAt, DateTimeOffset SavedAt, DateTimeOffset CreatedAt)
{
    /// <summary>What a row shows when the actor may not see the enterprise's organisation.</summary>
    public const string HiddenEnterprise = "（企业信息不可见）";

    public string KindLabel => RecognitionKinds.Label(Kind);

    public string StateLabel => WorkflowLabels.State(State);

    public string LeagueName => Labels.League(LeagueCode);

    public bool Editable => State is ApplicationState.Draft or ApplicationState.Returned;
}

/// <summary>
/// 申报列表 — the one read of the applications list, used by 我的申报, <c>/exports/applications.xlsx</c> and
/// <c>GET /api/v1/applications</c>. Through the actor's tenancy filter (an enterprise its own, drafts too; a bureau its
/// 盟市's submitted ones; the agency its entrusted batches from expert review on; an expert its declared assignments; the
/// department everything), narrowed by <see cref="ListFilter"/>, most recently saved first, paged by <see cref="ListPaging"/>.
/// Never reads <see cref="Application.CurrentDraftJson"/>.
/// </summary>
public sealed class ApplicationList(IDbContextFactory<RecognitionDbContext> factory)
{
    /// <summary>The applications the actor may see, narrowed by the filter (batch, state, 盟市, kind, year of the batch).</summary>
    public static IQueryable<Application> Narrow(RecognitionDbContext db, ListFilter filter)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var apps = db.Applications.AsNoTracking();
        if (filter.BatchId is { } batch)
        {
            apps = apps.Where(a => a.BatchId == batch);
        }
        if (filter.State is { } state)
        {
            apps = apps.Where(a => a.State == state);
        }
        if (filter.LeagueCode is { } league)
        {
            apps = apps.Where(a => a.LeagueCode == league);
        }
        if (filter.Kind is { } kind)
        {
            apps = apps.Where(a => a.Kind == kind);
        }
        if (filter.Year is { } year)
        {
            apps = apps.Where(a => db.Batches.Any(b => b.Id == a.BatchId && b.Year == year));
        }
        return apps;
    }

    /// <summary>The list's order: most recently saved first (ties by id, so pages never overlap).</summary>
    public static IOrderedQueryable<Application> Order(IQueryable<Application> apps) =>
        apps.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id);

    /// <summary>Projects applications (already narrowed and ordered) to rows; enterprise and batch through their own filtered sets.</summary>
    public static IQueryable<ApplicationListRow> Rows(RecognitionDbContext db, IQueryable<Application> apps)
    {
        ArgumentNullException.ThrowIfNull(db);
        return apps.Select(a => new ApplicationListRow(
            a.Id,
            a.EnterpriseId,
            db.Organisations.Where(o => o.Id == a.EnterpriseId).Select(o => o.Name).FirstOrDefault() ?? ApplicationListRow.HiddenEnterprise,
            db.Organisations.Where(o => o.Id == a.EnterpriseId).Select(o => o.CreditCode).FirstOrDefault(),
            a.WorkshopOrFactoryName,
            a.Kind,
            a.LeagueCode,
            a.BatchId,
            db.Batches.Where(b => b.Id == a.BatchId).Select(b => b.Title).FirstOrDefault() ?? string.Empty,
            db.Batches.Where(b => b.Id == a.BatchId).Select(b => b.Year).FirstOrDefault(),
            db.Batches.Where(b => b.Id == a.BatchId).Select(b => (DateOnly?)b.ApplicationClosesOn).FirstOrDefault(),
            db.Batches.Where(b => b.Id == a.BatchId).Select(b => b.BureauReviewDeadline).FirstOrDefault(),
            a.State,
            a.LatestVersionNumber,
            a.LastSubmittedAt,
            a.UpdatedAt,
            a.CreatedAt));
    }

    /// <summary>The rows of the list for the current actor.</summary>
    public async Task<ListPage<ApplicationListRow>> ReadAsync(ListFilter filter, ListPaging paging, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(db, filter, paging, cancellationToken);
    }

    /// <summary>The rows of the list, on a context the caller holds.</summary>
    public static async Task<ListPage<ApplicationListRow>> ReadAsync(RecognitionDbContext db, ListFilter filter, ListPaging paging, CancellationToken cancellationToken)
    {
        var apps = Narrow(db, filter);
        var total = await apps.CountAsync(cancellationToken);
        var rows = await Rows(db, paging.Apply(Order(apps))).ToListAsync(cancellationToken);
        return new ListPage<ApplicationListRow>(total, paging, rows);
    }

    /// <summary>One application as the list shows it, or null when the actor may not see it.</summary>
    public static Task<ApplicationListRow?> FindAsync(RecognitionDbContext db, Guid id, CancellationToken cancellationToken) =>
        Rows(db, db.Applications.AsNoTracking().Where(a => a.Id == id)).FirstOrDefaultAsync(cancellationToken);
}
