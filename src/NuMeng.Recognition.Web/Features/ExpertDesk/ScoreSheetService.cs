using NuMeng.Recognition.Web.Features.Applications;
using NuMeng.Recognition.Web.Features.Batches;

namespace NuMeng.Recognition.Web.Features.ExpertDesk;

/// <summary>
/// The expert's score sheet (评分表): saved as a draft any number of times, submitted once — then the data layer locks it
/// (<see cref="ExpertScore"/> is an ILockableRow). Refused, with the reason in Chinese, to anyone who has not declared no
/// conflict, who declared or was found to have a conflict, or when the application is no longer under expert review.
/// The rules of the sheet are the domain's (<see cref="ScoreSheet"/>), against the batch's rubric.
/// </summary>
public sealed class ScoreSheetService(IDbContextFactory<RecognitionDbContext> factory, IAuditLog audit, TimeProvider clock)
{
    public const string ConflictRefusal = "您已申报（或经核查存在）利益冲突并回避该申报的评审，不能评分";
    public const string UndeclaredRefusal = "请先作出利益冲突声明，声明无利益冲突后才能查看申报材料并评分";
    public const string LockedRefusal = "评分表已提交，不能修改";

    /// <summary>
    /// Saves the sheet (<paramref name="submit"/> = false: a draft, only what is entered is checked) or submits it (every
    /// item scored, comments where required; locked afterwards). <paramref name="expectedStamp"/> is the stamp of the
    /// sheet the form showed, null when it showed none.
    /// </summary>
    public async Task<ExpertOutcome> SaveAsync(Guid assignmentId, Guid? expectedStamp, IReadOnlyList<ScoreEntry> entries,
        string? overallComment, bool submit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var start = await ExpertDeskService.StartAsync(db, assignmentId, cancellationToken);
        if (start is not (_, { } assignment, null))
        {
            return start.Stop!;
        }
        if (assignment.Recused || (assignment.DeclaredAt is not null && assignment.Conflict != ConflictDeclaration.None))
        {
            return ExpertOutcome.Refused(ConflictRefusal);
        }
        if (assignment.DeclaredAt is null)
        {
            return ExpertOutcome.Refused(UndeclaredRefusal);
        }
        var sheet = await db.ExpertScores.FirstOrDefaultAsync(s => s.AssignmentId == assignmentId, cancellationToken);
        if (sheet?.SubmittedAt is not null)
        {
            return submit ? ExpertOutcome.AlreadyDone("评分表已提交，无需重复提交") : ExpertOutcome.Refused(LockedRefusal);
        }
        if (await ExpertDeskService.ApplicationStateAsync(db, assignment.ApplicationId, cancellationToken) != ApplicationState.UnderExpertReview)
        {
            return ExpertOutcome.Refused("该申报当前不在专家评审阶段，不能评分");
        }
        if (sheet?.ConcurrencyStamp != expectedStamp && !(sheet is null && expectedStamp is null))
        {
            return ExpertOutcome.Conflict(ConcurrencyConflict.Message);
        }
        var batch = await db.Batches.AsNoTracking().FirstAsync(b => b.Id == assignment.BatchId, cancellationToken);
        var rubric = ScoreSheet.RubricFor(await RuleSetResolver.ForBatchAsync(db, batch, cancellationToken), batch.Kind);
        var result = ScoreSheet.Check(rubric, entries, submit);
        var comment = overallComment?.Trim();
        var errors = result.Errors.ToList();
        if (comment is { Length: > ScoreSheet.MaxCommentLength * 2 })
        {
            errors.Add(new("overallComment", $"总体评价不能超过 {ScoreSheet.MaxCommentLength * 2} 字"));
        }
        if (errors.Count > 0)
        {
            return ExpertOutcome.Invalid(errors);
        }

        if (sheet is null)
        {
            sheet = new ExpertScore { AssignmentId = assignmentId };
            db.ExpertScores.Add(sheet);
        }
        else
        {
            db.ExpectStamp(sheet, expectedStamp!.Value);
        }
        // Only scored items are stored (the column holds points); a comment on an unscored draft item waits for its points.
        sheet.Items = [.. result.Lines.Where(l => l.Points is not null)
            .Select(l => new ExpertScoreItem { RubricItemCode = l.Item.Code, Points = l.Points!.Value, Comment = l.Comment })];
        sheet.TotalPoints = result.Total;
        sheet.OverallComment = string.IsNullOrEmpty(comment) ? null : comment;
        if (submit)
        {
            sheet.SubmittedAt = clock.GetUtcNow();
        }
        return await ExpertDeskService.SaveAsync(audit, db, new AuditEvent(submit ? "expert-score.submit" : "expert-score.draft", "ExpertScore",
            sheet.Id.ToString("D"), new { assignmentId, assignment.ApplicationId, total = result.Total, items = sheet.Items.Count }),
            submit ? $"评分表已提交并锁定，总分 {Domain.Rules.Numbers.Format(result.Total)} 分" : "评分草稿已保存", cancellationToken);
    }
}
