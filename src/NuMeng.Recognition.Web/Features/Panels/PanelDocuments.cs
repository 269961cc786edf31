using NuMeng.Recognition.Documents.Procedure;
using NuMeng.Recognition.Web.Api.Records;
using NuMeng.Recognition.Web.Features.Batches;
using NuMeng.Recognition.Web.Features.Documents;

namespace NuMeng.Recognition.Web.Features.Panels;

/// <summary>
/// The expert review's papers: an expert's score sheet, the panel's score summary, the on-site check.
/// Each reads its record through the caller's tenancy filters (<see cref="DocumentLoader"/>); the endpoint is
/// <see cref="DocumentEndpoints"/>.
/// </summary>
public sealed class PanelDocuments(RecognitionDbContext db, DocumentOptions options, TimeProvider clock) : DocumentLoader(db, options, clock)
{
    /// <summary>
    /// 专家评分表 of one assignment, only once the expert submitted it (a draft score is nobody's paper yet); for anyone but
    /// the expert, only once the panel has closed (the score-sheet filter; before that 404, as the record API).
    /// </summary>
    public async Task<PrintedDocument?> ScoreSheetAsync(Guid assignmentId, CancellationToken cancellationToken)
    {
        var assignment = await Db.ExpertAssignments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == assignmentId, cancellationToken);
        var score = assignment is null ? null : await Db.ExpertScores.AsNoTracking()
            .FirstOrDefaultAsync(s => s.AssignmentId == assignmentId && s.SubmittedAt != null, cancellationToken);
        if (assignment is null || score is null)
        {
            return null;
        }
        // The application row itself may be hidden from the agency in some states; the assignment says which one it is.
        var app = await ApplicationAsync(assignment.ApplicationId, cancellationToken);
        var version = app is null ? null : await VersionAsync(app.Id, assignment.ApplicationVersionId, cancellationToken);
        if (app is null || version is null)
        {
            return null;
        }
        var expert = await Db.Experts.AsNoTracking().Where(e => e.Id == assignment.ExpertId)
            .Select(e => new { e.Name, e.Title, e.EmployerName }).FirstOrDefaultAsync(cancellationToken);
        var rubric = ScoreSheet.RubricFor(await RuleSetResolver.ForBatchAsync(Db, app.BatchId, cancellationToken), app.Kind);
        var given = score.Items.GroupBy(i => CodeKey(i.RubricItemCode)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var lines = rubric.Items
            .Select(item => new ScoreLine(item.Code, item.Name, item.MaxPoints, item.Guidance,
                given.GetValueOrDefault(CodeKey(item.Code))?.Points, given.GetValueOrDefault(CodeKey(item.Code))?.Comment))
            // Points given under codes the rubric does not know (an older rubric) still print, so the total adds up.
            .Concat(score.Items.Where(i => rubric.Items.All(r => CodeKey(r.Code) != CodeKey(i.RubricItemCode)))
                .Select(i => new ScoreLine(i.RubricItemCode, $"其他（{i.RubricItemCode}）", 0m, "评分项不在现行评分表中", i.Points, i.Comment)))
            .ToList();
        var model = new ScoreSheetModel(
            await ApplicantAsync(app, cancellationToken), Line(version),
            expert?.Name ?? "（专家）", expert?.Title, expert?.EmployerName, assignment.PanelName, Labels.PanelRole(assignment.Role),
            rubric.Name, lines, score.TotalPoints, rubric.TotalPoints, score.OverallComment, score.SubmittedAt!.Value);
        var stamp = Stamp("专家评分表", "score-sheet", $"PFB-{ShortHash(version.Hash)}-{ShortHash(assignment.Id.ToString("N"))}", version.Hash);
        return new PrintedDocument(typeof(ScoreSheetDocument), model, stamp, PageSetup.Portrait, $"专家评分表-{app.Name}-{model.ExpertName}.pdf");
    }

    /// <summary>
    /// 评分汇总表 of an application's closed panel: every assignment (recused ones said so), the submitted totals combined
    /// by the batch's rule (Domain ScoreAggregation), the dropped scores, and the leader's consensus opinion.
    /// </summary>
    public async Task<PrintedDocument?> ScoreSummaryAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var app = await ApplicationAsync(applicationId, cancellationToken);
        var assignments = app is null ? [] : await Db.ExpertAssignments.AsNoTracking()
            .Where(x => x.ApplicationId == applicationId).OrderBy(x => x.Role).ThenBy(x => x.CreatedAt).ToListAsync(cancellationToken);
        if (app is null || assignments.Count == 0)
        {
            return null;
        }
        var version = await VersionAsync(app.Id, assignments.Select(x => x.ApplicationVersionId).FirstOrDefault(v => v is not null), cancellationToken);
        if (version is null)
        {
            return null;
        }
        var ids = assignments.Select(x => x.Id).ToList();
        var scores = await Db.ExpertScores.AsNoTracking().Where(s => ids.Contains(s.AssignmentId) && s.SubmittedAt != null)
            .ToDictionaryAsync(s => s.AssignmentId, cancellationToken);
        // Only a closed panel has a summary (ADR 0008): the leader's consensus submitted and every non-recused sheet
        // visible — the score-sheet filter shows none of them to the department or the agency before closure. Before
        // that the answer is 404, as the record API answers for the sheets themselves.
        var active = assignments.Where(x => !x.Recused).ToList();
        if (!active.Any(x => x.Role == PanelRole.Leader && x.ConsensusSubmittedAt != null) || active.Any(x => !scores.ContainsKey(x.Id)))
        {
            return null;
        }
        var expertIds = assignments.Select(x => x.ExpertId).ToList();
        var experts = await Db.Experts.AsNoTracking().Where(e => expertIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var rule = await Db.Batches.AsNoTracking().Where(b => b.Id == app.BatchId).Select(b => b.ScoreAggregation).FirstOrDefaultAsync(cancellationToken);
        var counted = assignments.Where(x => !x.Recused && scores.ContainsKey(x.Id)).ToList();
        var aggregate = ScoreAggregation.Aggregate([.. counted.Select(x => scores[x.Id].TotalPoints)], rule);
        // Which rows the rule dropped: the first row holding the highest total, and the first holding the lowest.
        var dropped = new HashSet<Guid>();
        foreach (var value in aggregate.Dropped)
        {
            var row = counted.First(x => scores[x.Id].TotalPoints == value && !dropped.Contains(x.Id));
            dropped.Add(row.Id);
        }
        var rubric = ScoreSheet.RubricFor(await RuleSetResolver.ForBatchAsync(Db, app.BatchId, cancellationToken), app.Kind);
        var rows = assignments.Select(x =>
        {
            var sheet = scores.GetValueOrDefault(x.Id);
            var status = x.Recused ? $"回避（{x.ConflictReason ?? "利益冲突"}）" : sheet is null ? "未提交" : "已提交";
            var points = rubric.Items.Select(item => sheet?.Items.FirstOrDefault(i => CodeKey(i.RubricItemCode) == CodeKey(item.Code))?.Points).ToList();
            return new PanelScoreRow(experts.GetValueOrDefault(x.ExpertId) ?? "（专家）", Labels.PanelRole(x.Role),
                x.Recused ? null : sheet?.TotalPoints, status, dropped.Contains(x.Id), points);
        }).ToList();
        var leader = assignments.FirstOrDefault(x => x.Role == PanelRole.Leader);
        var model = new ScoreSummaryModel(
            await ApplicantAsync(app, cancellationToken), Line(version), assignments[0].PanelName, rubric.Items, rows, aggregate,
            ScoreAggregation.Label(rule), leader?.ConsensusOpinion, leader is null ? null : experts.GetValueOrDefault(leader.ExpertId), leader?.ConsensusSubmittedAt);
        var stamp = Stamp("评分汇总表", "score-summary", $"PFHZ-{ShortHash(version.Hash)}", version.Hash);
        return new PrintedDocument(typeof(ScoreSummaryDocument), model, stamp, PageSetup.Portrait, $"评分汇总表-{app.Name}.pdf");
    }

    /// <summary>现场核查表: the application's latest on-site check.</summary>
    public async Task<PrintedDocument?> OnSiteCheckAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        var check = await Db.OnSiteChecks.AsNoTracking().Where(c => c.ApplicationId == applicationId)
            .OrderByDescending(c => c.CheckedOn).FirstOrDefaultAsync(cancellationToken);
        var app = check is null ? null : await ApplicationAsync(applicationId, cancellationToken);
        var version = app is null ? null : await VersionAsync(app.Id, check!.ApplicationVersionId, cancellationToken);
        if (check is null || app is null || version is null)
        {
            return null;
        }
        var panel = await Db.ExpertAssignments.AsNoTracking()
            .Where(x => x.ApplicationId == applicationId && x.PanelName == check.PanelName && !x.Recused)
            .Select(x => x.ExpertId).ToListAsync(cancellationToken);
        var names = await Db.Experts.AsNoTracking().Where(e => panel.Contains(e.Id) || e.Id == check.LeaderExpertId)
            .ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var leader = check.LeaderExpertId is { } l ? names.GetValueOrDefault(l) : null;
        var model = new OnSiteCheckModel(
            await ApplicantAsync(app, cancellationToken), Line(version), check.PanelName, check.CheckedOn,
            [.. check.Items.Select(i => new OnSiteLine(i.ItemKey, i.Description, i.Confirmed, i.Note))],
            check.Conclusion, check.Passed, leader,
            [.. panel.Where(id => id != check.LeaderExpertId).Select(id => names.GetValueOrDefault(id)).OfType<string>()],
            check.SubmittedAt);
        var stamp = Stamp("现场核查表", "onsite-check", $"XCHC-{ShortHash(version.Hash)}", version.Hash);
        return new PrintedDocument(typeof(OnSiteCheckDocument), model, stamp, PageSetup.Portrait, $"现场核查表-{app.Name}.pdf");
    }

    /// <summary>Rubric codes compared without case and dashes: "data-collection" and an older sheet's "dataCollection" are one item.</summary>
    private static string CodeKey(string code) => code.Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}
