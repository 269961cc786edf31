using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Documents.Procedure;
using NuMeng.Recognition.Web.Features.Batches;
using NuMeng.Recognition.Web.Features.Documents;

namespace NuMeng.Recognition.Web.Features.Notices;

/// <summary>
/// The department's lists before recognition: the pre-selection list and the public notice (公示).
/// Each reads its record through the caller's tenancy filters (<see cref="DocumentLoader"/>); the endpoint is
/// <see cref="DocumentEndpoints"/>.
/// </summary>
public sealed class NoticeDocuments(RecognitionDbContext db, DocumentOptions options, TimeProvider clock) : DocumentLoader(db, options, clock)
{
    /// <summary>预选名单 of a batch (the department's own record) with the party-group decision on it, if taken.</summary>
    public async Task<PrintedDocument?> PreSelectionAsync(Guid batchId, CancellationToken cancellationToken)
    {
        var list = await Db.PreSelectionLists.AsNoTracking().Include(l => l.Entries)
            .Where(l => l.BatchId == batchId).OrderByDescending(l => l.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var batch = list is null ? null : await Db.Batches.AsNoTracking().Where(b => b.Id == batchId)
            .Select(b => new { b.Title, b.ScoreAggregation, b.Year, b.Round }).FirstOrDefaultAsync(cancellationToken);
        if (list is null || batch is null)
        {
            return null;
        }
        var appIds = list.Entries.Select(e => e.ApplicationId).ToList();
        var apps = await Db.Applications.AsNoTracking().Where(a => appIds.Contains(a.Id))
            .Select(a => new { a.Id, a.EnterpriseId, a.WorkshopOrFactoryName, a.LeagueCode, a.Kind, a.LatestVersionNumber })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var enterpriseIds = apps.Values.Select(a => a.EnterpriseId).ToList();
        var names = await Db.Organisations.AsNoTracking().Where(o => enterpriseIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var hashes = await Db.ApplicationVersions.AsNoTracking().Where(v => appIds.Contains(v.ApplicationId))
            .Select(v => new { v.ApplicationId, v.Number, v.ContentHash }).ToListAsync(cancellationToken);
        var rows = list.Entries.OrderBy(e => e.Rank).Where(e => apps.ContainsKey(e.ApplicationId)).Select(e =>
        {
            var a = apps[e.ApplicationId];
            var hash = hashes.Where(h => h.ApplicationId == a.Id).OrderByDescending(h => h.Number).Select(h => h.ContentHash).FirstOrDefault() ?? "—";
            return new PreSelectionRow(e.Rank, names.GetValueOrDefault(a.EnterpriseId) ?? "—", League(a.LeagueCode), a.WorkshopOrFactoryName, a.Kind, e.Score, hash);
        }).ToList();
        var decision = await Db.PartyGroupDecisions.AsNoTracking().Include(d => d.ApprovedEntries)
            .Where(d => d.PreSelectionListId == list.Id).OrderByDescending(d => d.MeetingDate).FirstOrDefaultAsync(cancellationToken);
        var model = new PreSelectionModel(list.Title, batch.Title, ScoreAggregation.Label(batch.ScoreAggregation), list.ProposedAt,
            await UserNameAsync(list.ProposedByUserId, cancellationToken), rows, decision?.MeetingNumber, decision?.MeetingDate,
            decision?.ApprovedEntries.Count ?? 0);
        var hashOfList = ProcedureDocuments.ListHash(rows.Select(r => $"{r.Rank}|{r.WorkshopOrFactoryName}|{r.Score}|{r.VersionSha256}"));
        var stamp = Stamp("预选名单", "preselection", $"YXMD-{batch.Year}-{batch.Round}-{ShortHash(hashOfList)}", hashOfList, "名单数据");
        return new PrintedDocument(typeof(PreSelectionDocument), model, stamp, PageSetup.Portrait, $"预选名单-{batch.Title}.pdf");
    }

    /// <summary>公示 (public once published; a draft only for the department — the filter decides).</summary>
    public async Task<PrintedDocument?> PublicNoticeAsync(Guid noticeId, CancellationToken cancellationToken)
    {
        var notice = await Db.PublicNotices.AsNoTracking().Include(n => n.Entries).FirstOrDefaultAsync(n => n.Id == noticeId, cancellationToken);
        var batch = notice is null ? null : await Db.Batches.AsNoTracking().Where(b => b.Id == notice.BatchId)
            .Select(b => new { b.Title, b.Kind, b.Year, b.Round }).FirstOrDefaultAsync(cancellationToken);
        if (notice is null || batch is null)
        {
            return null;
        }
        var entries = notice.Entries.OrderBy(e => e.Order)
            .Select(e => new ListedEntry(e.Order, e.EnterpriseName, League(e.LeagueCode), e.WorkshopOrFactoryName, RecognitionKinds.Label(batch.Kind)))
            .ToList();
        var clause = (await RuleSetResolver.ForBatchAsync(Db, notice.BatchId, cancellationToken)).ProcedureFor(batch.Kind).NoticeClause;
        var model = new PublicNoticeModel(
            Options.DepartmentName, notice.Title, batch.Title, notice.PublishedOn, notice.PublishedOn.AddDays(1), notice.EndsOn,
            notice.PeriodLength, notice.PeriodUnit, clause.Citation, entries,
            notice.ObjectionContact ?? Options.DepartmentContact, Options.DepartmentContact,
            Labels.Notice(notice.State));
        var hash = ProcedureDocuments.ListHash([notice.Title, notice.PublishedOn.ToString("O"), notice.EndsOn.ToString("O"),
            .. entries.Select(e => $"{e.Order}|{e.EnterpriseName}|{e.WorkshopOrFactoryName}")]);
        var stamp = Stamp("公示", "notice", $"GS-{batch.Year}-{batch.Round}-{ShortHash(hash)}", hash, "公示内容");
        return new PrintedDocument(typeof(PublicNoticeDocument), model, stamp, PageSetup.Portrait, $"{notice.Title}.pdf");
    }
}
