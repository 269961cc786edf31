using NuMeng.Recognition.Web.Features.Batches;

namespace NuMeng.Recognition.Web.Features.Notices;

/// <summary>One application of a batch on the selection page, with its results.</summary>
public sealed record SelectionRow(
    Guid ApplicationId, string EnterpriseName, string Name, string LeagueName, ApplicationState State, bool? OnSitePassed,
    string? OnSiteConclusion, AggregatedScore Score, int Rank)
{
    /// <summary>A candidate for the pre-selection list: on site verified and passed (管理办法 第八条 评审认定).</summary>
    public bool IsCandidate => State == ApplicationState.OnSiteVerification && OnSitePassed == true;
}

/// <summary>A batch in the department's selection overview.</summary>
public sealed record SelectionBatchSummary(Guid BatchId, string Title, RecognitionKind Kind, int Candidates, int PreSelected, int Approved, int InNotice, int Removed, bool HasOpenNotice);

/// <summary>The recorded pre-selection list.</summary>
public sealed record PreSelectionView(Guid Id, string Title, DateTimeOffset? ProposedAt, IReadOnlyList<Guid> ApplicationIds);

/// <summary>The recorded party-group decision.</summary>
public sealed record PartyGroupView(Guid Id, string MeetingNumber, DateOnly MeetingDate, IReadOnlyList<Guid> ApprovedIds);

/// <summary>A notice of the batch.</summary>
public sealed record BatchNoticeView(Guid Id, string Title, DateOnly PublishedOn, DateOnly EndsOn, PublicNoticeState State, int Objections, int Undecided);

/// <summary>Everything the batch page shows.</summary>
public sealed record SelectionBatchView(
    Guid BatchId, string Title, RecognitionKind Kind, ScoreAggregationRule Aggregation, IReadOnlyList<SelectionRow> Rows,
    IReadOnlyList<PreSelectionView> Lists, IReadOnlyList<PartyGroupView> Decisions, IReadOnlyList<BatchNoticeView> Notices,
    ProcedureRules Rules, NoticePeriodResult PublishPreview)
{
    public IReadOnlyList<SelectionRow> Candidates => [.. Rows.Where(r => r.IsCandidate)];

    public IReadOnlyList<SelectionRow> InState(ApplicationState state) => [.. Rows.Where(r => r.State == state)];
}

/// <summary>
/// The department's reads for the pre-selection list, the party-group decision and the notice (Policies.Department; the
/// tenancy filter shows the department everything). The aggregated expert score is computed here from the submitted
/// score sheets of the non-recused experts with the batch's rule (<see cref="ScoreAggregation"/>).
/// </summary>
public sealed class SelectionQueries(IDbContextFactory<RecognitionDbContext> factory, TimeProvider clock)
{
    /// <summary>States from the on-site verification on: what the selection pages show.</summary>
    public static IReadOnlyList<ApplicationState> States => ApplicationStages.FromOnSiteVerification;

    /// <summary>Batches with applications past the expert review, newest first.</summary>
    public async Task<IReadOnlyList<SelectionBatchSummary>> BatchesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (ActingUser.Of(db.Actor) is not { IsDepartment: true })
        {
            return [];
        }
        var states = States.ToList();
        var apps = await db.Applications.AsNoTracking().Where(a => states.Contains(a.State))
            .Select(a => new { a.Id, a.BatchId, a.State }).ToListAsync(cancellationToken);
        var passed = await db.OnSiteChecks.AsNoTracking().Where(c => c.SubmittedAt != null && c.Passed == true)
            .Select(c => c.ApplicationId).ToListAsync(cancellationToken);
        var batchIds = apps.Select(a => a.BatchId).Distinct().ToList();
        var batches = await db.Batches.AsNoTracking().Where(b => batchIds.Contains(b.Id))
            .OrderByDescending(b => b.Year).ThenByDescending(b => b.Round).ThenBy(b => b.Kind).ToListAsync(cancellationToken);
        var openNotices = await db.PublicNotices.AsNoTracking().Where(n => n.State == PublicNoticeState.Open).Select(n => n.BatchId).ToListAsync(cancellationToken);
        return batches.Select(b =>
        {
            var mine = apps.Where(a => a.BatchId == b.Id).ToList();
            return new SelectionBatchSummary(b.Id, b.Title, b.Kind,
                mine.Count(a => a.State == ApplicationState.OnSiteVerification && passed.Contains(a.Id)),
                mine.Count(a => a.State == ApplicationState.PreSelected),
                mine.Count(a => a.State == ApplicationState.PartyGroupApproved),
                mine.Count(a => a.State == ApplicationState.InPublicNotice),
                mine.Count(a => a.State == ApplicationState.RemovedAfterObjection),
                openNotices.Contains(b.Id));
        }).ToList();
    }

    /// <summary>The batch page, or null (unknown batch, or not a department user).</summary>
    public async Task<SelectionBatchView?> LoadAsync(Guid batchId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (ActingUser.Of(db.Actor) is not { IsDepartment: true })
        {
            return null;
        }
        var batch = await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is null)
        {
            return null;
        }
        var rows = await RowsAsync(db, batch, cancellationToken);
        var lists = await db.PreSelectionLists.AsNoTracking().Include(l => l.Entries).Where(l => l.BatchId == batchId).ToListAsync(cancellationToken);
        var decisions = await db.PartyGroupDecisions.AsNoTracking().Include(d => d.ApprovedEntries).Where(d => d.BatchId == batchId).ToListAsync(cancellationToken);
        var notices = await db.PublicNotices.AsNoTracking().Where(n => n.BatchId == batchId)
            .Select(n => new BatchNoticeView(n.Id, n.Title, n.PublishedOn, n.EndsOn, n.State,
                db.Objections.Count(o => o.PublicNoticeId == n.Id),
                db.Objections.Count(o => o.PublicNoticeId == n.Id && o.State != ObjectionState.Upheld && o.State != ObjectionState.Dismissed)))
            .ToListAsync(cancellationToken);
        var rules = await NoticeCalendar.RulesForAsync(db, batch, cancellationToken);
        var calendar = await NoticeCalendar.LoadAsync(db, cancellationToken);
        var preview = NoticePeriod.Compute(ChinaTime.Today(clock), rules, calendar);
        return new SelectionBatchView(batch.Id, batch.Title, batch.Kind, batch.ScoreAggregation, rows,
            [.. lists.OrderByDescending(l => l.ProposedAt).Select(l => new PreSelectionView(l.Id, l.Title, l.ProposedAt, [.. l.Entries.OrderBy(e => e.Rank).Select(e => e.ApplicationId)]))],
            [.. decisions.OrderByDescending(d => d.MeetingDate).Select(d => new PartyGroupView(d.Id, d.MeetingNumber, d.MeetingDate, [.. d.ApprovedEntries.Select(e => e.ApplicationId)]))],
            [.. notices.OrderByDescending(n => n.PublishedOn)],
            rules, preview);
    }

    /// <summary>The batch's applications from on-site verification on, ranked by aggregated score (highest first).</summary>
    internal static async Task<IReadOnlyList<SelectionRow>> RowsAsync(RecognitionDbContext db, Batch batch, CancellationToken cancellationToken)
    {
        var states = States.ToList();
        var apps = await (
                from a in db.Applications.AsNoTracking()
                where a.BatchId == batch.Id && states.Contains(a.State)
                join o in db.Organisations on a.EnterpriseId equals o.Id
                select new { a.Id, a.State, a.WorkshopOrFactoryName, a.LeagueCode, Enterprise = o.Name })
            .ToListAsync(cancellationToken);
        var ids = apps.Select(a => a.Id).ToList();
        var scores = await (
                from s in db.ExpertScores.AsNoTracking()
                join x in db.ExpertAssignments on s.AssignmentId equals x.Id
                where ids.Contains(x.ApplicationId) && !x.Recused && s.SubmittedAt != null
                select new { x.ApplicationId, s.TotalPoints })
            .ToListAsync(cancellationToken);
        var checks = await db.OnSiteChecks.AsNoTracking().Where(c => ids.Contains(c.ApplicationId) && c.SubmittedAt != null)
            .Select(c => new { c.ApplicationId, c.Passed, c.Conclusion, c.SubmittedAt }).ToListAsync(cancellationToken);
        var ranked = apps
            .Select(a =>
            {
                var check = checks.Where(c => c.ApplicationId == a.Id).OrderByDescending(c => c.SubmittedAt).FirstOrDefault();
                var score = ScoreAggregation.Aggregate([.. scores.Where(s => s.ApplicationId == a.Id).Select(s => s.TotalPoints)], batch.ScoreAggregation);
                return (a, check, score);
            })
            .OrderByDescending(t => t.score.Result ?? decimal.MinValue).ThenBy(t => t.a.Enterprise, StringComparer.Ordinal)
            .ToList();
        return [.. ranked.Select((t, i) => new SelectionRow(t.a.Id, t.a.Enterprise, t.a.WorkshopOrFactoryName,
            PublicNoticeQueries.LeagueName(t.a.LeagueCode), t.a.State, t.check?.Passed, t.check?.Conclusion, t.score, i + 1))];
    }
}
