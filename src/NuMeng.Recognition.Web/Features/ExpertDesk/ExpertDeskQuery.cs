using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Web.Features.Applications;
using NuMeng.Recognition.Web.Features.Review;
using NuMeng.Recognition.Web.Features.Batches;

namespace NuMeng.Recognition.Web.Features.ExpertDesk;

/// <summary>
/// What an expert reads: their assignments, and one assignment with — only after declaring no conflict — the frozen
/// version's verdict and files, their own sheet, the panel's progress in counts, and for the leader of a closed panel
/// the panel's sheets and their aggregation. The tenancy filter already hides the application before the declaration;
/// this class does not even ask for it then.
/// </summary>
public sealed class ExpertDeskQuery(IDbContextFactory<RecognitionDbContext> factory)
{
    /// <summary>The calling expert's assignments, undeclared first, then by deadline. Empty for anyone else.</summary>
    public async Task<IReadOnlyList<ExpertAssignmentRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (ExpertActor.Of(db.Actor) is not { } expert)
        {
            return [];
        }
        var headers = await UnfilteredQueries.ExpertAssignmentHeadersAsync(db, cancellationToken);
        var assignments = await db.ExpertAssignments.AsNoTracking().Where(x => x.ExpertId == expert.ExpertId).ToListAsync(cancellationToken);
        var ids = assignments.Select(a => a.Id).ToList();
        var submitted = await db.ExpertScores.Where(s => ids.Contains(s.AssignmentId) && s.SubmittedAt != null).Select(s => s.AssignmentId).ToListAsync(cancellationToken);
        var batchIds = assignments.Select(a => a.BatchId).Distinct().ToList();
        var batches = await db.Batches.AsNoTracking().Where(b => batchIds.Contains(b.Id))
            .Select(b => new { b.Id, b.Title, b.ExpertReviewDeadline }).ToDictionaryAsync(b => b.Id, cancellationToken);
        return [.. assignments
            .Join(headers, a => a.Id, h => h.AssignmentId, (a, h) => new ExpertAssignmentRow(
                a.Id, a.ApplicationId, batches[a.BatchId].Title, h.EnterpriseName, h.Kind, a.Role,
                ExpertDeskStates.Of(a, submitted.Contains(a.Id)), h.State, batches[a.BatchId].ExpertReviewDeadline))
            .OrderBy(r => r.State)
            .ThenBy(r => r.Deadline ?? DateOnly.MaxValue)
            .ThenBy(r => r.EnterpriseName, StringComparer.Ordinal)];
    }

    /// <summary>One assignment of the calling expert; null when it is not theirs (or does not exist).</summary>
    public async Task<ExpertCase?> LoadAsync(Guid assignmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (ExpertActor.Of(db.Actor) is not { } expert)
        {
            return null;
        }
        var assignment = await db.ExpertAssignments.AsNoTracking()
            .FirstOrDefaultAsync(x => x.Id == assignmentId && x.ExpertId == expert.ExpertId, cancellationToken);
        var header = (await UnfilteredQueries.ExpertAssignmentHeadersAsync(db, cancellationToken)).FirstOrDefault(h => h.AssignmentId == assignmentId);
        if (assignment is null || header is null)
        {
            return null;
        }
        var batch = await db.Batches.AsNoTracking().FirstAsync(b => b.Id == assignment.BatchId, cancellationToken);
        var rubric = ScoreSheet.RubricFor(await RuleSetResolver.ForBatchAsync(db, batch, cancellationToken), header.Kind);
        var sheet = await db.ExpertScores.AsNoTracking().Where(s => s.AssignmentId == assignmentId)
            .Select(s => new ExpertSheet(s.Id, s.ConcurrencyStamp, s.Items, s.TotalPoints, s.OverallComment, s.SubmittedAt))
            .FirstOrDefaultAsync(cancellationToken);
        var row = new ExpertAssignmentRow(assignment.Id, assignment.ApplicationId, batch.Title, header.EnterpriseName, header.Kind,
            assignment.Role, ExpertDeskStates.Of(assignment, sheet?.Locked == true), header.State, batch.ExpertReviewDeadline);
        var progress = await UnfilteredQueries.PanelProgressAsync(db, assignmentId, cancellationToken) ?? new PanelProgress(0, 0, 0);

        ExpertContent? content = null;
        PanelResult? panel = null;
        if (ExpertDeskStates.Cleared(assignment))
        {
            content = await ContentAsync(db, assignment, header.Kind, batch, cancellationToken);
            if (assignment.Role == PanelRole.Leader && await UnfilteredQueries.PanelScoresForLeaderAsync(db, assignmentId, cancellationToken) is { } rows)
            {
                panel = new PanelResult(rows, ScoreAggregation.Aggregate([.. rows.Select(r => r.Total)], batch.ScoreAggregation));
            }
        }
        return new ExpertCase(row, assignment.PanelName, assignment.ConcurrencyStamp, assignment.Conflict, assignment.ConflictReason,
            assignment.DeclaredAt, content, rubric, sheet, progress, panel, assignment.ConsensusOpinion, assignment.ConsensusSubmittedAt);
    }

    /// <summary>
    /// The version the panel reviews (the assignment's, else the latest), judged like the bureau judged it: at the
    /// submission date under the batch's rule sets. Reads only what the filter shows a cleared expert; never the
    /// enterprise's unsubmitted draft column.
    /// </summary>
    private static async Task<ExpertContent?> ContentAsync(RecognitionDbContext db, ExpertAssignment assignment,
        Domain.Rules.RecognitionKind kind, Data.Batches.Batch batch, CancellationToken cancellationToken)
    {
        var app = await db.Applications.AsNoTracking().Where(a => a.Id == assignment.ApplicationId)
            .Select(a => new { a.WorkshopOrFactoryName, a.LatestVersionNumber, a.ConsultancyName }).FirstOrDefaultAsync(cancellationToken);
        if (app is null)
        {
            return null;
        }
        var version = await db.ApplicationVersions.AsNoTracking().Include(v => v.Attachments)
            .Where(v => v.ApplicationId == assignment.ApplicationId
                && (assignment.ApplicationVersionId != null ? v.Id == assignment.ApplicationVersionId : v.Number == app.LatestVersionNumber))
            .FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return null;
        }
        var parsed = ApplicationContent.Read(version.ContentJson, out var readErrors) ?? ApplicationContent.ReadDraft(version.ContentJson, out _);
        var problem = readErrors.Count == 0 ? null : "该版本的内容与当前申报表格式不完全一致，核验只依据能识别的内容：" + string.Join("；", readErrors.Select(e => e.Message));
        var submittedOn = DateOnly.FromDateTime(version.SubmittedAt.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var outcome = parsed.Evaluate(kind, submittedOn, await RuleSetResolver.ForBatchAsync(db, batch, cancellationToken));
        var files = version.Attachments
            .OrderBy(f => f.ItemKey, StringComparer.Ordinal)
            .Select(f => new ExpertFile(f.AttachmentId, f.ItemKey, ReviewItems.Label(f.ItemKey), f.OriginalFileName, f.SizeBytes))
            .ToList();
        return new ExpertContent(app.WorkshopOrFactoryName, version.Number, version.ContentHash, version.SubmittedAt, outcome, problem,
            parsed.Consultancy ?? app.ConsultancyName, files);
    }
}
