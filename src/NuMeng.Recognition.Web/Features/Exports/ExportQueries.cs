using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Applications;
using NuMeng.Recognition.Documents.Xlsx;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Web.Features.Exports;

/// <summary>An export's workbook and how many rows it holds (the audit log records the count).</summary>
public sealed record ExportFile(byte[] Content, int RowCount);

/// <summary>
/// The rows of every exported list. Every query runs on a context of the request's actor, so the tenancy filters decide
/// what each role gets (an enterprise its own applications, a bureau its 盟市's submitted ones, the agency its entrusted
/// batches from expert review on, an expert its declared assignments, the department everything); nothing here bypasses
/// them, and the filters of <see cref="ExportFilter"/> only narrow. Queries project the columns they show and never
/// <see cref="Application.CurrentDraftJson"/> (the enterprise's unsubmitted edits, Data README "Filters are row-level").
/// </summary>
public sealed partial class ExportQueries(IDbContextFactory<RecognitionDbContext> factory, TimeProvider clock)
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

    /// <summary>Applications narrowed by the filter (batch, state, 盟市, kind, year of the batch).</summary>
    private static IQueryable<Application> Narrow(RecognitionDbContext db, ExportFilter filter)
    {
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

    /// <summary>One application as several lists show it: enterprise, name, kind, batch, state.</summary>
    private sealed record AppFacts(Guid Id, string Enterprise, string? CreditCode, string Name, RecognitionKind Kind,
        string League, Guid BatchId, string Batch, int Year, ApplicationState State, int Version, DateTimeOffset? LastSubmittedAt,
        DateOnly? BureauDeadline);

    /// <summary>The facts of the applications the actor may see, narrowed by the filter, keyed by id.</summary>
    private static async Task<Dictionary<Guid, AppFacts>> FactsAsync(RecognitionDbContext db, IQueryable<Application> apps, CancellationToken cancellationToken)
    {
        var rows = await (
            from a in apps
            join b in db.Batches on a.BatchId equals b.Id into bs
            from b in bs.DefaultIfEmpty()
            join o in db.Organisations on a.EnterpriseId equals o.Id into os
            from o in os.DefaultIfEmpty()
            select new
            {
                a.Id,
                Enterprise = o == null ? null : o.Name,
                CreditCode = o == null ? null : o.CreditCode,
                a.WorkshopOrFactoryName,
                a.Kind,
                a.LeagueCode,
                a.BatchId,
                Batch = b == null ? null : b.Title,
                Year = b == null ? 0 : b.Year,
                a.State,
                a.LatestVersionNumber,
                a.LastSubmittedAt,
                Deadline = b == null ? null : b.BureauReviewDeadline,
            }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new AppFacts(r.Id, r.Enterprise ?? "（企业信息不可见）", r.CreditCode, r.WorkshopOrFactoryName,
            r.Kind, ExportLabels.League(r.LeagueCode), r.BatchId, r.Batch ?? string.Empty, r.Year, r.State, r.LatestVersionNumber,
            r.LastSubmittedAt, r.Deadline));
    }

    private DateOnly Today => ChinaTime.Today(clock);

    // ---- 申报 (every business role, each through its own tenancy scope) ----

    /// <summary>申报列表: every application the actor may see.</summary>
    public async Task<ExportFile> ApplicationsAsync(ExportFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var facts = await FactsAsync(db, Narrow(db, filter), cancellationToken);
        var rows = facts.Values
            .OrderByDescending(r => r.Year).ThenBy(r => r.Batch, StringComparer.Ordinal).ThenBy(r => r.State).ThenBy(r => r.Enterprise, StringComparer.Ordinal)
            .ToList();
        return Write(rows, [
            new("企业名称", r => r.Enterprise, XlsxFormat.Text, Name),
            new("统一社会信用代码", r => r.CreditCode, XlsxFormat.Text, Code),
            new("所在盟市", r => r.League, XlsxFormat.Text, Short),
            new("车间/工厂名称", r => r.Name, XlsxFormat.Text, Name),
            new("认定类型", r => RecognitionKinds.Label(r.Kind), XlsxFormat.Text, Day),
            new("年度", r => r.Year == 0 ? null : r.Year, XlsxFormat.PlainNumber, 8),
            new("批次", r => r.Batch, XlsxFormat.Text, Name),
            new("申报状态", r => WorkflowLabels.State(r.State), XlsxFormat.Text, Day),
            new("版本", r => r.Version == 0 ? null : r.Version, XlsxFormat.WholeNumber, 8),
            new("最近提交时间", r => r.LastSubmittedAt, XlsxFormat.DateTime, Moment),
        ], "申报列表");
    }

    /// <summary>初审队列: the bureau's applications with where its review stands.</summary>
    public async Task<ExportFile> ReviewQueueAsync(ExportFilter filter, CancellationToken cancellationToken = default)
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
            .OrderBy(r => r.Facts.BureauDeadline ?? DateOnly.MaxValue).ThenBy(r => r.Facts.LastSubmittedAt).ThenBy(r => r.Facts.Enterprise, StringComparer.Ordinal)
            .ToList();
        return Write(rows, [
            new("企业名称", r => r.Facts.Enterprise, XlsxFormat.Text, Name),
            new("统一社会信用代码", r => r.Facts.CreditCode, XlsxFormat.Text, Code),
            new("车间/工厂名称", r => r.Facts.Name, XlsxFormat.Text, Name),
            new("认定类型", r => RecognitionKinds.Label(r.Facts.Kind), XlsxFormat.Text, Day),
            new("批次", r => r.Facts.Batch, XlsxFormat.Text, Name),
            new("申报状态", r => WorkflowLabels.State(r.Facts.State), XlsxFormat.Text, Day),
            new("版本", r => r.Facts.Version, XlsxFormat.WholeNumber, 8),
            new("最近提交时间", r => r.Facts.LastSubmittedAt, XlsxFormat.DateTime, Moment),
            new("初审截止日期", r => r.Facts.BureauDeadline, XlsxFormat.Date, Day),
            new("初审结论", r => r.Review is null ? "待初审" : ExportLabels.BureauDecisionLabel(r.Review.Decision, r.Review.SignedAt is not null), XlsxFormat.Text, Moment),
            new("推荐排序", r => r.Review?.Ranking, XlsxFormat.WholeNumber, 10),
            new("负责人签发时间", r => r.Review?.SignedAt, XlsxFormat.DateTime, Moment),
        ], "初审队列");
    }
}
