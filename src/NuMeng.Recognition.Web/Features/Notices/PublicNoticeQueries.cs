namespace NuMeng.Recognition.Web.Features.Notices;

/// <summary>One notice in the public list.</summary>
public sealed record NoticeSummary(
    Guid Id, string Title, string BatchTitle, RecognitionKind Kind, DateOnly PublishedOn, int PeriodLength, PeriodUnit PeriodUnit,
    DateOnly EndsOn, bool IsOpen, int EntryCount)
{
    /// <summary>公示中 while objections are accepted, 公示期满 afterwards.</summary>
    public string StateLabel => IsOpen ? "公示中" : "公示期满";

    /// <summary>"5天（自然日）".</summary>
    public string PeriodLabel => $"{PeriodLength}{(PeriodUnit == PeriodUnit.WorkingDays ? "个工作日" : "天（自然日）")}";
}

/// <summary>One listed workshop or factory as published.</summary>
public sealed record NoticeEntryView(Guid ApplicationId, int Order, string EnterpriseName, string WorkshopOrFactoryName, string LeagueName);

/// <summary>A notice with its list, the objection window and how to object.</summary>
public sealed record NoticeDetail(NoticeSummary Summary, IReadOnlyList<NoticeEntryView> Entries, string? ObjectionContact, ObjectionWindow Window, ObjectionWindowStatus Status);

/// <summary>
/// The public pages' reads (no account): the tenancy filter shows published notices (not drafts) and their entries to
/// anyone. Nothing about objections is read here.
/// </summary>
public sealed class PublicNoticeQueries(IDbContextFactory<RecognitionDbContext> factory, TimeProvider clock)
{
    /// <summary>Current notices first, then past ones, newest first.</summary>
    public async Task<IReadOnlyList<NoticeSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        var rows = await (
                from n in db.PublicNotices.AsNoTracking()
                where n.State != PublicNoticeState.Draft
                join b in db.Batches on n.BatchId equals b.Id
                select new { n.Id, n.Title, BatchTitle = b.Title, b.Kind, n.PublishedOn, n.PeriodLength, n.PeriodUnit, n.EndsOn, n.State, Count = n.Entries.Count })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new NoticeSummary(r.Id, r.Title, r.BatchTitle, r.Kind, r.PublishedOn, r.PeriodLength, r.PeriodUnit, r.EndsOn,
                IsOpen(r.State, r.PublishedOn, r.EndsOn, today), r.Count))
            .OrderByDescending(n => n.IsOpen).ThenByDescending(n => n.PublishedOn).ThenBy(n => n.Title, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>One published notice, or null (unknown, or a draft).</summary>
    public async Task<NoticeDetail?> LoadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var n = await db.PublicNotices.AsNoTracking().Include(x => x.Entries)
            .Where(x => x.Id == id && x.State != PublicNoticeState.Draft)
            .FirstOrDefaultAsync(cancellationToken);
        if (n is null)
        {
            return null;
        }
        var batch = await db.Batches.AsNoTracking().Where(b => b.Id == n.BatchId).Select(b => new { b.Title, b.Kind }).FirstAsync(cancellationToken);
        var calendar = await NoticeCalendar.LoadAsync(db, cancellationToken);
        var today = ChinaTime.Today(clock);
        var window = NoticeCalendar.WindowOf(n.PublishedOn, n.PeriodLength, n.PeriodUnit, n.EndsOn, calendar);
        var status = n.State == PublicNoticeState.Closed && window.StatusOn(today) == ObjectionWindowStatus.Open
            ? ObjectionWindowStatus.Closed
            : window.StatusOn(today);
        var summary = new NoticeSummary(n.Id, n.Title, batch.Title, batch.Kind, n.PublishedOn, n.PeriodLength, n.PeriodUnit, n.EndsOn,
            IsOpen(n.State, n.PublishedOn, n.EndsOn, today), n.Entries.Count);
        var entries = n.Entries.OrderBy(e => e.Order)
            .Select(e => new NoticeEntryView(e.ApplicationId, e.Order, e.EnterpriseName, e.WorkshopOrFactoryName, LeagueName(e.LeagueCode)))
            .ToList();
        return new NoticeDetail(summary, entries, n.ObjectionContact, window, status);
    }

    /// <summary>盟市 name of a code ("1504" → 赤峰市).</summary>
    public static string LeagueName(string code) => InnerMongoliaRegions.ByCode(code)?.Name ?? code;

    private static bool IsOpen(PublicNoticeState state, DateOnly published, DateOnly endsOn, DateOnly today) =>
        state == PublicNoticeState.Open && today >= published && today <= endsOn;
}
