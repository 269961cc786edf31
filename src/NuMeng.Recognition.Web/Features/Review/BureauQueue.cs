namespace NuMeng.Recognition.Web.Features.Review;

/// <summary>The 初审截止 filter of the queue.</summary>
public enum DeadlineFilter
{
    Any,
    /// <summary>初审已超期 (waiting, deadline passed).</summary>
    Overdue,
    /// <summary>3 天内截止 (waiting, today … today + 3).</summary>
    Within3Days,
    /// <summary>7 天内截止.</summary>
    Within7Days,
}

/// <summary>Orders of the queue.</summary>
public enum QueueSort
{
    /// <summary>初审截止日最早在前 (then the earliest submission).</summary>
    Deadline,
    /// <summary>最近提交在前.</summary>
    SubmittedNewest,
    /// <summary>最早提交在前.</summary>
    SubmittedOldest,
    /// <summary>按企业名称.</summary>
    Enterprise,
}

/// <summary>The queue's filters (a GET form: shareable, bookmarkable).</summary>
public sealed record QueueFilter(Guid? BatchId = null, RecognitionKind? Kind = null, ApplicationState? State = null,
    DeadlineFilter Deadline = DeadlineFilter.Any, QueueSort Sort = QueueSort.Deadline);

/// <summary>One application in the queue.</summary>
/// <param name="DaysLeft">Days to the bureau's review deadline while it waits for the bureau; negative when overdue.</param>
/// <param name="DraftDecision">A recommendation or rejection prepared and waiting for the leader's signature.</param>
public sealed record QueueRow(Guid ApplicationId, string EnterpriseName, string Name, Guid BatchId, string BatchTitle,
    RecognitionKind Kind, ApplicationState State, int VersionNumber, DateTimeOffset? LastSubmittedAt,
    DateOnly? ReviewDeadline, int? DaysLeft, BureauDecision? DraftDecision);

/// <summary>A batch the bureau has applications in (for the filter).</summary>
public sealed record BatchOption(Guid Id, string Title);

/// <summary>The queue: rows for the filter, counts per state for the filter without its state, and the batches.</summary>
public sealed record QueueResult(IReadOnlyList<QueueRow> Rows, IReadOnlyDictionary<ApplicationState, int> CountsByState,
    IReadOnlyList<BatchOption> Batches, DateOnly Today);

/// <summary>
/// The bureau's queue ("submitted applications from its 盟市 only, with filters (batch, kind, state, deadline)
/// and counts"). Which applications the bureau sees is the tenancy filter's business (its 盟市, never drafts); this class
/// only narrows and orders.
/// </summary>
public sealed class BureauQueue(IDbContextFactory<RecognitionDbContext> factory, TimeProvider clock)
{
    public async Task<QueueResult> LoadAsync(QueueFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        if (ActingUser.Of(db.Actor) is not { IsBureau: true })
        {
            return new QueueResult([], new Dictionary<ApplicationState, int>(), [], today);
        }

        var apps = db.Applications.AsNoTracking();
        if (filter.BatchId is { } batch)
        {
            apps = apps.Where(a => a.BatchId == batch);
        }
        if (filter.Kind is { } kind)
        {
            apps = apps.Where(a => a.Kind == kind);
        }
        if (filter.Deadline != DeadlineFilter.Any)
        {
            var until = filter.Deadline switch
            {
                DeadlineFilter.Overdue => today.AddDays(-1),
                DeadlineFilter.Within3Days => today.AddDays(3),
                _ => today.AddDays(7),
            };
            var from = filter.Deadline == DeadlineFilter.Overdue ? DateOnly.MinValue : today;
            apps = apps.Where(a => a.State == ApplicationState.Submitted && db.Batches.Any(b => b.Id == a.BatchId
                && b.BureauReviewDeadline != null && b.BureauReviewDeadline >= from && b.BureauReviewDeadline <= until));
        }

        var counts = await apps.GroupBy(a => a.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        if (filter.State is { } state)
        {
            apps = apps.Where(a => a.State == state);
        }
        var rows = await (
                from a in apps
                join b in db.Batches on a.BatchId equals b.Id
                select new
                {
                    a.Id,
                    Enterprise = db.Organisations.Where(o => o.Id == a.EnterpriseId).Select(o => o.Name).FirstOrDefault(),
                    a.WorkshopOrFactoryName,
                    a.BatchId,
                    b.Title,
                    a.Kind,
                    a.State,
                    a.LatestVersionNumber,
                    a.LastSubmittedAt,
                    b.BureauReviewDeadline,
                    Draft = db.BureauReviews
                        .Where(r => r.ApplicationId == a.Id && r.SignedAt == null && r.Decision != BureauDecision.Return
                            && db.ApplicationVersions.Any(v => v.Id == r.ApplicationVersionId && v.Number == a.LatestVersionNumber))
                        .Select(r => (BureauDecision?)r.Decision)
                        .FirstOrDefault(),
                })
            .ToListAsync(cancellationToken);

        var list = rows.Select(r => new QueueRow(r.Id, r.Enterprise ?? "（企业信息不可见）", r.WorkshopOrFactoryName, r.BatchId, r.Title,
                r.Kind, r.State, r.LatestVersionNumber, r.LastSubmittedAt, r.BureauReviewDeadline,
                r.State == ApplicationState.Submitted && r.BureauReviewDeadline is { } d ? d.DayNumber - today.DayNumber : null,
                r.State == ApplicationState.Submitted ? r.Draft : null))
            .ToList();
        var batches = await db.Batches.AsNoTracking()
            .Where(b => db.Applications.Any(a => a.BatchId == b.Id))
            .OrderByDescending(b => b.Year).ThenByDescending(b => b.Round).ThenBy(b => b.Kind)
            .Select(b => new BatchOption(b.Id, b.Title))
            .ToListAsync(cancellationToken);
        return new QueueResult(Sort(list, filter.Sort), counts.ToDictionary(c => c.Key, c => c.Count), batches, today);
    }

    /// <summary>
    /// Sorting in memory: a bureau's queue is tens to hundreds of rows, and the default order uses the days left, which
    /// is computed.
    /// </summary>
    private static List<QueueRow> Sort(List<QueueRow> rows, QueueSort sort) => sort switch
    {
        QueueSort.SubmittedNewest => [.. rows.OrderByDescending(r => r.LastSubmittedAt)],
        QueueSort.SubmittedOldest => [.. rows.OrderBy(r => r.LastSubmittedAt)],
        QueueSort.Enterprise => [.. rows.OrderBy(r => r.EnterpriseName, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)],
        // Waiting ones first, most urgent (then longest waiting) first; the decided ones after, newest first.
        _ => [.. rows.OrderBy(r => r.DaysLeft is null).ThenBy(r => r.DaysLeft ?? 0)
            .ThenBy(r => (r.DaysLeft is null ? -1 : 1) * (r.LastSubmittedAt?.UtcTicks ?? 0))],
    };
}
