using NuMeng.Recognition.Web.Features.Notifications;
using NuMeng.Recognition.Web.Infrastructure;

namespace NuMeng.Recognition.Web.Features.Exports;

/// <summary>Notices, objections, certificates (all, expiring, eligible for national recommendation), renames, notifications.</summary>
public sealed partial class ExportQueries
{
    /// <summary>
    /// Kinds whose holders may be recommended for the national 智能制造示范工厂 (docs/procedure.md §2: "Only enterprises holding this
    /// regional smart-factory recognition may be recommended"): 智能工厂 and 先进级 and above, not 数字化车间 or 基础级.
    /// </summary>
    public static bool NationalKind(RecognitionKind kind) =>
        // The rule is the domain's (NationalRecommendation, 第十一条): asked for a valid, unrevoked certificate of the kind.
        NationalRecommendation.Evaluate(kind, revoked: false, DateOnly.MaxValue, DateOnly.MinValue).Count > 0;

    /// <summary>公示: every notice the actor may see (published ones to everybody, drafts to the department), one row per listed enterprise.</summary>
    public async Task<ExportFile> NoticesAsync(ListFilter filter, ListPaging paging, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var notices = db.PublicNotices.AsNoTracking();
        if (filter.BatchId is { } batch)
        {
            notices = notices.Where(n => n.BatchId == batch);
        }
        if (filter.Year is { } year)
        {
            notices = notices.Where(n => db.Batches.Any(b => b.Id == n.BatchId && b.Year == year));
        }
        if (filter.Kind is { } kind)
        {
            notices = notices.Where(n => db.Batches.Any(b => b.Id == n.BatchId && b.Kind == kind));
        }
        var list = await notices.Include(n => n.Entries).ToListAsync(cancellationToken);
        var rows = list
            .SelectMany(n => n.Entries.Where(e => filter.LeagueCode is null || e.LeagueCode == filter.LeagueCode).Select(e => (Notice: n, Entry: e)))
            .OrderByDescending(r => r.Notice.PublishedOn).ThenBy(r => r.Notice.Title, StringComparer.Ordinal).ThenBy(r => r.Entry.Order)
            .ToList();
        return Write(paging.Apply(rows), [
            new("公示标题", r => r.Notice.Title, XlsxFormat.Text, Long),
            new("发布日期", r => r.Notice.PublishedOn, XlsxFormat.Date, Day),
            new("公示期", r => ExportLabels.Period(r.Notice.PeriodLength, r.Notice.PeriodUnit), XlsxFormat.Text, Short),
            new("公示截止日期", r => r.Notice.EndsOn, XlsxFormat.Date, Day),
            new("公示状态", r => Labels.Notice(r.Notice.State), XlsxFormat.Text, 10),
            new("序号", r => r.Entry.Order, XlsxFormat.PlainNumber, 8),
            new("企业名称", r => r.Entry.EnterpriseName, XlsxFormat.Text, Name),
            new("车间/工厂名称", r => r.Entry.WorkshopOrFactoryName, XlsxFormat.Text, Name),
            new("所在盟市", r => Labels.League(r.Entry.LeagueCode), XlsxFormat.Text, Short),
            new("异议受理联系方式", r => r.Notice.ObjectionContact, XlsxFormat.Text, Name),
        ], "公示名单");
    }

    /// <summary>异议: the cases (department only: the objector's identity is confidential, docs/rule-reference.md §9).</summary>
    public async Task<ExportFile> ObjectionsAsync(ListFilter filter, ListPaging paging, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var objections = await db.Objections.AsNoTracking().ToListAsync(cancellationToken);
        var appIds = objections.Select(o => o.ApplicationId).Distinct().ToList();
        var facts = await FactsAsync(db, Narrow(db, filter).Where(a => appIds.Contains(a.Id)), cancellationToken);
        var noticeIds = objections.Select(o => o.PublicNoticeId).Distinct().ToList();
        var notices = await db.PublicNotices.AsNoTracking().Where(n => noticeIds.Contains(n.Id))
            .ToDictionaryAsync(n => n.Id, n => n.Title, cancellationToken);
        var rows = objections.Where(o => facts.ContainsKey(o.ApplicationId))
            .Select(o => (Case: o, Facts: facts[o.ApplicationId]))
            .OrderByDescending(r => r.Case.ReceivedAt)
            .ToList();
        return Write(paging.Apply(rows), [
            new("案件编号", r => r.Case.CaseNumber, XlsxFormat.Text, Day),
            new("公示", r => notices.GetValueOrDefault(r.Case.PublicNoticeId), XlsxFormat.Text, Long),
            new("被异议企业", r => r.Facts.EnterpriseName, XlsxFormat.Text, Name),
            new("车间/工厂名称", r => r.Facts.Name, XlsxFormat.Text, Name),
            new("所在盟市", r => r.Facts.LeagueName, XlsxFormat.Text, Short),
            new("异议人类型", r => Labels.Objector(r.Case.ObjectorKind), XlsxFormat.Text, 10),
            new("异议人（保密）", r => r.Case.ObjectorName, XlsxFormat.Text, Day),
            new("联系方式（保密）", r => r.Case.Contact, XlsxFormat.Text, Moment),
            new("收到时间", r => r.Case.ReceivedAt, XlsxFormat.DateTime, Moment),
            new("状态", r => Labels.Objection(r.Case.State), XlsxFormat.Text, Short),
            new("要求企业说明时间", r => r.Case.ResponseRequestedAt, XlsxFormat.DateTime, Moment),
            new("企业答复时间", r => r.Case.RespondedAt, XlsxFormat.DateTime, Moment),
            new("决定时间", r => r.Case.DecidedAt, XlsxFormat.DateTime, Moment),
            new("决定理由", r => r.Case.DecisionReasons, XlsxFormat.Text, Long),
        ], "异议案件");
    }

    /// <summary>证书: every certificate the department issued.</summary>
    public Task<ExportFile> CertificatesAsync(ListFilter filter, ListPaging paging, CancellationToken cancellationToken = default) =>
        CertificateListAsync(filter, paging, "认定证书", _ => true, cancellationToken);

    /// <summary>即将到期: valid certificates whose validity ends within six months from today (today included).</summary>
    public Task<ExportFile> ExpiringAsync(ListFilter filter, ListPaging paging, CancellationToken cancellationToken = default)
    {
        var today = Today;
        return CertificateListAsync(filter, paging, "即将到期", c => c.Status == CertificateStatus.Valid && CertificateStanding.IsExpiring(c.ValidUntil, today), cancellationToken);
    }

    /// <summary>可推荐国家示范工厂: valid smart-factory (and tier) recognitions.</summary>
    public Task<ExportFile> NationalAsync(ListFilter filter, ListPaging paging, CancellationToken cancellationToken = default)
    {
        var today = Today;
        return CertificateListAsync(filter, paging, "可推荐国家级", c => c.Status == CertificateStatus.Valid && c.ValidUntil >= today && NationalKind(c.Kind), cancellationToken);
    }

    private async Task<ExportFile> CertificateListAsync(ListFilter filter, ListPaging paging, string sheet, Func<Certificate, bool> keep, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var certificates = db.Certificates.AsNoTracking();
        if (filter.Kind is { } kind)
        {
            certificates = certificates.Where(c => c.Kind == kind);
        }
        var list = (await certificates.ToListAsync(cancellationToken)).Where(keep).ToList();
        if (filter.Year is { } year)
        {
            list = [.. list.Where(c => c.AwardedOn.Year == year)];
        }
        var appIds = list.Select(c => c.ApplicationId).Distinct().ToList();
        var facts = await FactsAsync(db, Narrow(db, filter with { Year = null, Kind = null }).Where(a => appIds.Contains(a.Id)), cancellationToken);
        var publicationIds = list.Where(c => c.PublicationId is not null).Select(c => c.PublicationId!.Value).Distinct().ToList();
        var publications = await db.Publications.AsNoTracking().Where(p => publicationIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.DocumentNumber, cancellationToken);
        var today = Today;
        var rows = list.Where(c => facts.ContainsKey(c.ApplicationId))
            .Select(c => (Certificate: c, Facts: facts[c.ApplicationId]))
            .OrderBy(r => r.Certificate.Number, StringComparer.Ordinal)
            .ToList();
        return Write(paging.Apply(rows), [
            new("证书编号", r => r.Certificate.Number, XlsxFormat.Text, Day),
            new("企业名称", r => r.Certificate.EnterpriseName, XlsxFormat.Text, Name),
            new("统一社会信用代码", r => r.Facts.CreditCode, XlsxFormat.Text, Code),
            new("车间/工厂名称", r => r.Certificate.WorkshopOrFactoryName, XlsxFormat.Text, Name),
            new("认定类型", r => RecognitionKinds.Label(r.Certificate.Kind), XlsxFormat.Text, Day),
            new("所在盟市", r => r.Facts.LeagueName, XlsxFormat.Text, Short),
            new("认定文件", r => r.Certificate.PublicationId is { } p ? publications.GetValueOrDefault(p) : null, XlsxFormat.Text, Name),
            new("授牌日期", r => r.Certificate.AwardedOn, XlsxFormat.Date, Day),
            new("有效期至", r => r.Certificate.ValidUntil, XlsxFormat.Date, Day),
            new("剩余天数", r => r.Certificate.Status == CertificateStatus.Valid ? Math.Max(0, r.Certificate.ValidUntil.DayNumber - today.DayNumber) : null, XlsxFormat.WholeNumber, 10),
            new("证书状态", r => Labels.Certificate(r.Certificate.Status), XlsxFormat.Text, 10),
            new("更名记录", r => string.Join("；", r.Certificate.NameHistory.Select(h => $"{Domain.Calendar.ChineseDates.Format(h.ChangedOn)} {h.PreviousName} → {h.NewName}")), XlsxFormat.Text, Long),
        ], sheet);
    }

    /// <summary>更名申请: the bureau forwards them, the department decides, the enterprise follows its own.</summary>
    public async Task<ExportFile> RenamesAsync(ListFilter filter, ListPaging paging, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var requests = await db.RenameRequests.AsNoTracking().ToListAsync(cancellationToken);
        var appIds = requests.Select(r => r.ApplicationId).Distinct().ToList();
        var facts = await FactsAsync(db, Narrow(db, filter with { State = null }).Where(a => appIds.Contains(a.Id)), cancellationToken);
        var certificateIds = requests.Select(r => r.CertificateId).Distinct().ToList();
        var numbers = await db.Certificates.AsNoTracking().Where(c => certificateIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Number, cancellationToken);
        var rows = requests.Where(r => facts.ContainsKey(r.ApplicationId))
            .Select(r => (Request: r, Facts: facts[r.ApplicationId]))
            .OrderByDescending(r => r.Request.CreatedAt)
            .ToList();
        return Write(paging.Apply(rows), [
            new("证书编号", r => numbers.GetValueOrDefault(r.Request.CertificateId), XlsxFormat.Text, Day),
            new("企业名称", r => r.Facts.EnterpriseName, XlsxFormat.Text, Name),
            new("所在盟市", r => r.Facts.LeagueName, XlsxFormat.Text, Short),
            new("原名称", r => r.Request.PreviousName, XlsxFormat.Text, Name),
            new("申请更名为", r => r.Request.NewName, XlsxFormat.Text, Name),
            new("新统一社会信用代码", r => r.Request.NewCreditCode, XlsxFormat.Text, Code),
            new("更名理由", r => r.Request.Reason, XlsxFormat.Text, Long),
            new("申请时间", r => r.Request.CreatedAt, XlsxFormat.DateTime, Moment),
            new("状态", r => Labels.Rename(r.Request.State), XlsxFormat.Text, Day),
            new("盟市意见", r => r.Request.BureauOpinion, XlsxFormat.Text, Long),
            new("转报时间", r => r.Request.ForwardedAt, XlsxFormat.DateTime, Moment),
            new("决定时间", r => r.Request.DecidedAt, XlsxFormat.DateTime, Moment),
            new("决定说明", r => r.Request.DecisionNote, XlsxFormat.Text, Long),
        ], "更名申请");
    }

    /// <summary>我的通知: the notifications list (<see cref="NotificationList"/>), the signed-in user's own.</summary>
    public async Task<ExportFile> NotificationsAsync(ListFilter filter, ListPaging paging, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = (await NotificationList.ReadAsync(db, filter.UnreadOnly, paging, cancellationToken)).Rows;
        return Write(rows, [
            new("时间", r => r.CreatedAt, XlsxFormat.DateTime, Moment),
            new("内容", r => r.Text, XlsxFormat.Text, 60),
            new("链接", r => r.Link, XlsxFormat.Text, Name),
            new("状态", r => r.IsRead ? "已读" : "未读", XlsxFormat.Text, 8),
            new("阅读时间", r => r.ReadAt, XlsxFormat.DateTime, Moment),
        ], "我的通知");
    }
}
