using NuMeng.Recognition.Web.Features.Applications;
using NuMeng.Recognition.Web.Infrastructure;

namespace NuMeng.Recognition.Web.Features.Exports;

/// <summary>An export's workbook and how many rows it holds (the audit log records the count).</summary>
public sealed record ExportFile(byte[] Content, int RowCount);

/// <summary>
/// The rows of every exported list. Every query runs on a context of the request's actor, so the tenancy filters decide
/// what each role gets (an enterprise its own applications, a bureau its 盟市's submitted ones, the agency its entrusted
/// batches from expert review on, an expert its declared assignments, the department everything); nothing here bypasses
/// them, and the filters of <see cref="ListFilter"/> only narrow. Queries project the columns they show and never
/// <see cref="Application.CurrentDraftJson"/> (the enterprise's unsubmitted edits, Data README "Filters are row-level").
/// </summary>
public sealed partial class ExportQueries(IDbContextFactory<RecognitionDbContext> factory, TimeProvider clock, ApplicationList applications)
{
    /// <summary>Column widths in Excel character units (a Chinese character is about two).</summary>
    private const double Name = 34;
    private const double Code = 22;
    private const double Short = 12;
    private const double Day = 16;
    private const double Moment = 20;
    private const double Long = 44;

    private static ExportFile Write<T>(IReadOnlyList<T> rows, IReadOnlyList<XlsxColumn<T>> columns, string sheet) =>
        new(XlsxWriter.Write(rows, columns, sheet), rows.Count);

    /// <summary>Applications narrowed by the filter: the applications list's own (<see cref="ApplicationList.Narrow"/>).</summary>
    private static IQueryable<Application> Narrow(RecognitionDbContext db, ListFilter filter) => ApplicationList.Narrow(db, filter);

    /// <summary>The applications the actor may see, as the applications list shows them, keyed by id.</summary>
    private static async Task<Dictionary<Guid, ApplicationListRow>> FactsAsync(RecognitionDbContext db, IQueryable<Application> apps, CancellationToken cancellationToken) =>
        await ApplicationList.Rows(db, apps).ToDictionaryAsync(r => r.Id, cancellationToken);

    private DateOnly Today => ChinaTime.Today(clock);

    // ---- 申报 (every business role, each through its own tenancy scope) ----

    /// <summary>申报列表: the applications list (<see cref="ApplicationList"/>), in its order.</summary>
    public async Task<ExportFile> ApplicationsAsync(ListFilter filter, ListPaging paging, CancellationToken cancellationToken = default)
    {
        var rows = (await applications.ReadAsync(filter, paging, cancellationToken)).Rows;
        return Write(rows, [
            new("企业名称", r => r.EnterpriseName, XlsxFormat.Text, Name),
            new("统一社会信用代码", r => r.CreditCode, XlsxFormat.Text, Code),
            new("所在盟市", r => r.LeagueName, XlsxFormat.Text, Short),
            new("车间/工厂名称", r => r.Name, XlsxFormat.Text, Name),
            new("认定类型", r => r.KindLabel, XlsxFormat.Text, Day),
            new("年度", r => r.Year == 0 ? null : r.Year, XlsxFormat.PlainNumber, 8),
            new("批次", r => r.BatchTitle, XlsxFormat.Text, Name),
            new("申报状态", r => r.StateLabel, XlsxFormat.Text, Day),
            new("版本", r => r.LatestVersionNumber == 0 ? null : r.LatestVersionNumber, XlsxFormat.WholeNumber, 8),
            new("最近提交时间", r => r.LastSubmittedAt, XlsxFormat.DateTime, Moment),
        ], "申报列表");
    }

    /// <summary>初审队列: the bureau's applications with where its review stands.</summary>
    public async Task<ExportFile> ReviewQueueAsync(ListFilter filter, ListPaging paging, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var apps = Narrow(db, filter).Where(a => a.State != ApplicationState.Draft);
        var facts = await FactsAsync(db, apps, cancellationToken);
        var ids = facts.Keys.ToList();
        var reviews = (await db.BureauReviews.AsNoTracking()
                .Where(r => ids.Contains(r.ApplicationId))
                .Select(r => new { r.ApplicationId, r.Decision, r.Ranking, r.SignedAt, r.CreatedAt })
                .ToListAsync(cancellationToken))
            .GroupBy(r => r.ApplicationId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.CreatedAt).First());
        var rows = facts.Values
            .Select(f => (Facts: f, Review: reviews.GetValueOrDefault(f.Id)))
            .OrderBy(r => r.Facts.BureauReviewDeadline ?? DateOnly.MaxValue).ThenBy(r => r.Facts.LastSubmittedAt).ThenBy(r => r.Facts.EnterpriseName, StringComparer.Ordinal)
            .ToList();
        return Write(paging.Apply(rows), [
            new("企业名称", r => r.Facts.EnterpriseName, XlsxFormat.Text, Name),
            new("统一社会信用代码", r => r.Facts.CreditCode, XlsxFormat.Text, Code),
            new("车间/工厂名称", r => r.Facts.Name, XlsxFormat.Text, Name),
            new("认定类型", r => r.Facts.KindLabel, XlsxFormat.Text, Day),
            new("批次", r => r.Facts.BatchTitle, XlsxFormat.Text, Name),
            new("申报状态", r => r.Facts.StateLabel, XlsxFormat.Text, Day),
            new("版本", r => r.Facts.LatestVersionNumber, XlsxFormat.WholeNumber, 8),
            new("最近提交时间", r => r.Facts.LastSubmittedAt, XlsxFormat.DateTime, Moment),
            new("初审截止日期", r => r.Facts.BureauReviewDeadline, XlsxFormat.Date, Day),
            new("初审结论", r => r.Review is null ? "待初审" : ExportLabels.BureauDecisionLabel(r.Review.Decision, r.Review.SignedAt is not null), XlsxFormat.Text, Moment),
            new("推荐排序", r => r.Review?.Ranking, XlsxFormat.WholeNumber, 10),
            new("负责人签发时间", r => r.Review?.SignedAt, XlsxFormat.DateTime, Moment),
        ], "初审队列");
    }
}
