using NuMeng.Recognition.Web.Features.Applications;
using NuMeng.Recognition.Web.Features.Batches;
using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Web.Infrastructure;

namespace NuMeng.Recognition.Web.Features.Exports;

/// <summary>Batches, the expert pool, assignments and scores.</summary>
public sealed partial class ExportQueries
{
    /// <summary>批次: the batches list (<see cref="BatchList"/>), in its order.</summary>
    public async Task<ExportFile> BatchesAsync(ListFilter filter, ListPaging paging, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = (await BatchList.ReadAsync(db, filter, paging, cancellationToken)).Rows;
        return Write(rows, [
            new XlsxColumn<BatchRow>("年度", b => b.Year, XlsxFormat.PlainNumber, 8),
            new("批次", b => b.RoundLabel, XlsxFormat.Text, 10),
            new("批次名称", b => b.Title, XlsxFormat.Text, Long),
            new("认定类型", b => b.KindLabel, XlsxFormat.Text, Day),
            new("状态", b => b.StateLabel, XlsxFormat.Text, 10),
            new("申报开始日期", b => b.OpensOn, XlsxFormat.Date, Day),
            new("申报截止日期", b => b.ClosesOn, XlsxFormat.Date, Day),
            new("盟市初审截止日期", b => b.BureauReviewDeadline, XlsxFormat.Date, Day),
            new("专家评审截止日期", b => b.ExpertReviewDeadline, XlsxFormat.Date, Day),
            new("规则集", b => b.RuleSetKey, XlsxFormat.Text, Day),
            new("场景目录", b => b.SceneCatalogueKey, XlsxFormat.Text, Moment),
            new("受托第三方机构", b => b.AgencyName, XlsxFormat.Text, Name),
            new("每盟市推荐上限", b => b.PerLeagueCap, XlsxFormat.WholeNumber, Short),
            new("评分汇总规则", b => ScoreAggregation.Label(b.ScoreAggregation), XlsxFormat.Text, Long),
            new("申报数", b => b.Applications, XlsxFormat.WholeNumber, 10),
        ], "批次");
    }

    /// <summary>专家库: the expert pool (the department and the agency; personal contact details, so audited).</summary>
    public async Task<ExportFile> ExpertsAsync(ListFilter filter, ListPaging paging, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var experts = db.Experts.AsNoTracking();
        if (filter.LeagueCode is { } league)
        {
            experts = experts.Where(e => e.LeagueCode == league);
        }
        var list = await experts.ToListAsync(cancellationToken);
        var load = await db.ExpertAssignments.AsNoTracking()
            .GroupBy(x => x.ExpertId)
            .Select(g => new { g.Key, Count = g.Count(x => !x.Recused) })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var rows = list.OrderBy(e => e.LeagueCode, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
        return Write(paging.Apply(rows), [
            new XlsxColumn<Data.Review.Expert>("姓名", e => e.Name, XlsxFormat.Text, Short),
            new("职称", e => e.Title, XlsxFormat.Text, Day),
            new("工作单位", e => e.EmployerName, XlsxFormat.Text, Name),
            new("专业领域", e => string.Join("、", e.Fields), XlsxFormat.Text, Name),
            new("所在盟市", e => Labels.League(e.LeagueCode), XlsxFormat.Text, Short),
            new("联系电话", e => e.Phone, XlsxFormat.Text, Day),
            new("关联咨询机构", e => string.Join("、", e.ConsultancyLinks), XlsxFormat.Text, Name),
            new("状态", e => e.IsActive ? "在库" : "停用", XlsxFormat.Text, 8),
            new("评审任务数（不含回避）", e => load.GetValueOrDefault(e.Id), XlsxFormat.WholeNumber, Short),
        ], "专家库");
    }

    /// <summary>专家分配: who reviews which application, the conflict declarations, recusals and scoring progress.</summary>
    public async Task<ExportFile> AssignmentsAsync(ListFilter filter, ListPaging paging, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var panels = await PanelsAsync(db, filter, cancellationToken);
        var rows = panels.SelectMany(p => p.Members.Select(m => (Panel: p, Member: m)))
            .OrderBy(r => r.Panel.Facts.BatchTitle, StringComparer.Ordinal).ThenBy(r => r.Panel.Facts.EnterpriseName, StringComparer.Ordinal)
            .ThenBy(r => r.Member.Role).ThenBy(r => r.Member.Expert, StringComparer.Ordinal)
            .ToList();
        return Write(paging.Apply(rows), [
            new("批次", r => r.Panel.Facts.BatchTitle, XlsxFormat.Text, Name),
            new("企业名称", r => r.Panel.Facts.EnterpriseName, XlsxFormat.Text, Name),
            new("车间/工厂名称", r => r.Panel.Facts.Name, XlsxFormat.Text, Name),
            new("所在盟市", r => r.Panel.Facts.LeagueName, XlsxFormat.Text, Short),
            new("评审组", r => r.Member.PanelName, XlsxFormat.Text, Short),
            new("专家", r => r.Member.Expert, XlsxFormat.Text, Short),
            new("组内角色", r => Labels.PanelRole(r.Member.Role), XlsxFormat.Text, 8),
            new("利益冲突声明", r => ExportLabels.Conflict(r.Member.DeclaredAt, r.Member.Conflict), XlsxFormat.Text, Day),
            new("声明时间", r => r.Member.DeclaredAt, XlsxFormat.DateTime, Moment),
            new("是否回避", r => ExportLabels.YesNo(r.Member.Recused), XlsxFormat.Text, 8),
            new("回避原因", r => r.Member.ConflictReason, XlsxFormat.Text, Long),
            new("评分状态", r => ExportLabels.ScoreProgress(r.Member.Recused, r.Member.HasSheet, r.Member.SubmittedAt), XlsxFormat.Text, Day),
            new("评审组已结束评分", r => ExportLabels.YesNo(r.Panel.Closed), XlsxFormat.Text, Short),
        ], "专家分配");
    }

    /// <summary>
    /// 专家评分: each expert's score of the panels that are closed, with the batch's aggregation. A panel is closed when
    /// every non-recused assignment has a submitted score and the leader submitted the consensus opinion (ADR 0008; issue
    /// 5: "each expert's scores (visible to the department only once the panel closes)"); the scores of an open panel are
    /// never exported, to anybody — the score-sheet filter does not even return them.
    /// </summary>
    public async Task<ExportFile> ScoresAsync(ListFilter filter, ListPaging paging, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var panels = (await PanelsAsync(db, filter, cancellationToken)).Where(p => p.Closed).ToList();
        var batchIds = panels.Select(p => p.Facts.BatchId).Distinct().ToList();
        var rules = await db.Batches.AsNoTracking().Where(b => batchIds.Contains(b.Id))
            .ToDictionaryAsync(b => b.Id, b => b.ScoreAggregation, cancellationToken);
        var rows = new List<ScoreRow>();
        foreach (var panel in panels)
        {
            var rule = rules.GetValueOrDefault(panel.Facts.BatchId, ScoreAggregationRule.TrimmedMeanFromFive);
            // Points come only through the score-sheet filter: a sheet it does not show is not exported, to anybody.
            var scored = panel.Members.Where(m => !m.Recused && m.SubmittedAt is not null && m.Total is not null).ToList();
            var aggregate = ScoreAggregation.Aggregate([.. scored.Select(m => m.Total!.Value)], rule);
            foreach (var member in scored.OrderBy(m => m.Role).ThenBy(m => m.Expert, StringComparer.Ordinal))
            {
                rows.Add(new ScoreRow(panel.Facts, member, aggregate));
            }
        }
        rows = [.. rows.OrderBy(r => r.Facts.BatchTitle, StringComparer.Ordinal).ThenByDescending(r => r.Aggregate.Result).ThenBy(r => r.Facts.EnterpriseName, StringComparer.Ordinal)];
        return Write(paging.Apply(rows), [
            new("批次", r => r.Facts.BatchTitle, XlsxFormat.Text, Name),
            new("企业名称", r => r.Facts.EnterpriseName, XlsxFormat.Text, Name),
            new("车间/工厂名称", r => r.Facts.Name, XlsxFormat.Text, Name),
            new("认定类型", r => r.Facts.KindLabel, XlsxFormat.Text, Day),
            new("所在盟市", r => r.Facts.LeagueName, XlsxFormat.Text, Short),
            new("评审组", r => r.Member.PanelName, XlsxFormat.Text, Short),
            new("专家", r => r.Member.Expert, XlsxFormat.Text, Short),
            new("组内角色", r => Labels.PanelRole(r.Member.Role), XlsxFormat.Text, 8),
            new("专家评分", r => r.Member.Total, XlsxFormat.TwoDecimals, 10),
            new("提交时间", r => r.Member.SubmittedAt, XlsxFormat.DateTime, Moment),
            new("评审意见", r => r.Member.Comment, XlsxFormat.Text, Long),
            new("汇总规则", r => ScoreAggregation.Label(r.Aggregate.Rule), XlsxFormat.Text, Long),
            new("去掉的分数", r => string.Join("、", r.Aggregate.Dropped.Select(d => d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture))), XlsxFormat.Text, Short),
            new("汇总得分", r => r.Aggregate.Result, XlsxFormat.TwoDecimals, 10),
        ], "专家评分");
    }

    private sealed record ScoreRow(ApplicationListRow Facts, PanelMember Member, AggregatedScore Aggregate);

    /// <summary>
    /// One expert on one application's panel. <see cref="Total"/> and <see cref="Comment"/> come from the score sheet as the
    /// tenancy filter shows it (the department and the agency: only once the panel has closed); whether a sheet exists
    /// and when it was submitted from <see cref="UnfilteredQueries.ScoreSheetStatesAsync"/> (counts, never points).
    /// </summary>
    private sealed record PanelMember(Guid ApplicationId, string PanelName, string Expert, Data.Review.PanelRole Role,
        Data.Review.ConflictDeclaration Conflict, string? ConflictReason, DateTimeOffset? DeclaredAt, bool Recused,
        bool HasSheet, decimal? Total, string? Comment, DateTimeOffset? SubmittedAt, DateTimeOffset? ConsensusSubmittedAt);

    /// <summary>
    /// An application's panel. Closed (ADR 0008): every non-recused member submitted a score sheet (and there is one) and
    /// the leader submitted the consensus opinion.
    /// </summary>
    private sealed record Panel(ApplicationListRow Facts, IReadOnlyList<PanelMember> Members)
    {
        public bool Closed => Members.Any(m => !m.Recused)
            && Members.Where(m => !m.Recused).All(m => m.SubmittedAt is not null)
            && Members.Any(m => !m.Recused && m.Role == Data.Review.PanelRole.Leader && m.ConsensusSubmittedAt is not null);
    }

    /// <summary>The panels the actor may see (assignments through their filter), of the applications the filter narrows to.</summary>
    private static async Task<List<Panel>> PanelsAsync(Data.RecognitionDbContext db, ListFilter filter, CancellationToken cancellationToken)
    {
        var assignments = db.ExpertAssignments.AsNoTracking();
        if (filter.BatchId is { } batch)
        {
            assignments = assignments.Where(x => x.BatchId == batch);
        }
        var members = await (
            from x in assignments
            join e in db.Experts on x.ExpertId equals e.Id into es
            from e in es.DefaultIfEmpty()
            join s in db.ExpertScores on x.Id equals s.AssignmentId into ss
            from s in ss.DefaultIfEmpty()
            select new
            {
                x.Id, x.ApplicationId, x.PanelName, Expert = e == null ? null : e.Name, x.Role, x.Conflict, x.ConflictReason, x.DeclaredAt, x.Recused,
                Total = s == null ? (decimal?)null : s.TotalPoints, Comment = s == null ? null : s.OverallComment, x.ConsensusSubmittedAt,
            }).ToListAsync(cancellationToken);
        var sheets = await UnfilteredQueries.ScoreSheetStatesAsync(db, members.ConvertAll(m => m.Id), cancellationToken);
        var appIds = members.Select(m => m.ApplicationId).Distinct().ToList();
        var facts = await FactsAsync(db, Narrow(db, filter).Where(a => appIds.Contains(a.Id)), cancellationToken);
        return members
            .Where(m => facts.ContainsKey(m.ApplicationId))
            .GroupBy(m => m.ApplicationId)
            .Select(g => new Panel(facts[g.Key], [.. g.Select(m => new PanelMember(m.ApplicationId, m.PanelName, m.Expert ?? "（专家信息不可见）", m.Role,
                m.Conflict, m.ConflictReason, m.DeclaredAt, m.Recused, sheets.ContainsKey(m.Id), m.Total, m.Comment,
                sheets.GetValueOrDefault(m.Id), m.ConsensusSubmittedAt))]))
            .ToList();
    }
}
