using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Web.Features.Notifications;

namespace NuMeng.Recognition.Web.Features.ExpertDesk;

/// <summary>
/// The expert's declaration of (no) conflict of interest — the gate before any content — and the panel leader's
/// consensus opinion. Every step acts only on the caller's own assignment row, checks the stamp the form was shown with,
/// is audited and saved in one transaction with its notifications. Scoring is <see cref="ScoreSheetService"/>.
/// </summary>
public sealed class ExpertDeskService(
    IDbContextFactory<RecognitionDbContext> factory, IAuditLog audit, NotificationService notifications, TimeProvider clock)
{
    public const int MaxReasonLength = 500;
    public const int MaxOpinionLength = 4000;

    /// <summary>
    /// 利益冲突声明: once per assignment. No conflict opens the application to the expert; a conflict (with its reason)
    /// records 自行申报 + 回避, notifies the department and the entrusted agency to replace the expert, and the expert
    /// can never score this application.
    /// </summary>
    public async Task<ExpertOutcome> DeclareAsync(Guid assignmentId, Guid expectedStamp, bool conflict, string? reason,
        CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var start = await StartAsync(db, assignmentId, cancellationToken);
        if (start is not ({ } expert, { } assignment, null))
        {
            return start.Stop!;
        }
        if (assignment.DeclaredAt is not null || assignment.Recused)
        {
            return assignment.Recused
                ? ExpertOutcome.AlreadyDone("您已回避该申报的评审，无需再次声明")
                : ExpertOutcome.AlreadyDone("您已作出利益冲突声明，无需重复声明");
        }
        var text = reason?.Trim();
        if (conflict && string.IsNullOrEmpty(text))
        {
            return ExpertOutcome.Invalid([new("reason", "申报存在利益冲突时，请说明冲突情况（如任职、咨询服务或亲属关系）")]);
        }
        if (text is { Length: > MaxReasonLength })
        {
            return ExpertOutcome.Invalid([new("reason", $"冲突情况说明不能超过 {MaxReasonLength} 字")]);
        }
        db.ExpectStamp(assignment, expectedStamp);
        assignment.DeclaredAt = clock.GetUtcNow();
        assignment.Conflict = conflict ? ConflictDeclaration.Declared : ConflictDeclaration.None;
        assignment.ConflictReason = conflict ? text : null;
        assignment.Recused = conflict;
        if (conflict)
        {
            var enterprise = (await UnfilteredQueries.ExpertAssignmentHeadersAsync(db, cancellationToken))
                .FirstOrDefault(h => h.AssignmentId == assignmentId)?.EnterpriseName ?? "申报企业";
            var message = $"评审专家{expert.DisplayName}声明与“{enterprise}”的申报存在利益冲突（{text}），已回避该申报的评审，请安排替补专家。";
            var link = $"/panels/{assignment.ApplicationId:D}";
            await notifications.AddForOrganisationAsync(db, WellKnownIds.Department, [ActorRole.DepartmentStaff], message, link, cancellationToken);
            if (await db.Batches.Where(b => b.Id == assignment.BatchId).Select(b => b.EntrustedAgencyId).FirstOrDefaultAsync(cancellationToken) is { } agency)
            {
                await notifications.AddForOrganisationAsync(db, agency, [ActorRole.AgencyCoordinator], message, link, cancellationToken);
            }
        }
        return await SaveAsync(db, new AuditEvent(conflict ? "expert.declare-conflict" : "expert.declare-no-conflict", "ExpertAssignment",
            assignment.Id.ToString("D"), new { assignment.ApplicationId, conflict, reason = assignment.ConflictReason, recused = assignment.Recused }),
            conflict ? "已申报利益冲突并回避，已通知工信厅和评审组织机构" : "已声明无利益冲突，可以查看申报材料并评分", cancellationToken);
    }

    /// <summary>
    /// 专家组意见: the panel leader only, once every member who did not recuse has submitted (the panel has closed), while
    /// the application is under expert review. Saved as a draft, or submitted — then it is locked.
    /// </summary>
    public async Task<ExpertOutcome> SaveConsensusAsync(Guid assignmentId, Guid expectedStamp, string? opinion, bool submit,
        CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var start = await StartAsync(db, assignmentId, cancellationToken);
        if (start is not (_, { } assignment, null))
        {
            return start.Stop!;
        }
        if (assignment.Role != PanelRole.Leader)
        {
            return ExpertOutcome.Refused("只有评审组组长可以填写专家组意见");
        }
        if (!ExpertDeskStates.Cleared(assignment))
        {
            return ExpertOutcome.Refused(assignment.DeclaredAt is null ? "请先作出利益冲突声明" : "您已回避该申报的评审，不能填写专家组意见");
        }
        if (assignment.ConsensusSubmittedAt is not null)
        {
            return ExpertOutcome.Refused("专家组意见已提交，不能修改");
        }
        var progress = await UnfilteredQueries.PanelProgressAsync(db, assignmentId, cancellationToken);
        if (progress is not { Closed: true })
        {
            return ExpertOutcome.Refused($"评审组还有专家未提交评分（已提交 {progress?.Submitted ?? 0} / {progress?.Members ?? 0}），全部提交后才能填写专家组意见");
        }
        if (await ApplicationStateAsync(db, assignment.ApplicationId, cancellationToken) != ApplicationState.UnderExpertReview)
        {
            return ExpertOutcome.Refused("该申报已不在专家评审阶段，不能再填写专家组意见");
        }
        var text = opinion?.Trim();
        if (submit && string.IsNullOrEmpty(text))
        {
            return ExpertOutcome.Invalid([new("opinion", "请填写专家组意见")]);
        }
        if (text is { Length: > MaxOpinionLength })
        {
            return ExpertOutcome.Invalid([new("opinion", $"专家组意见不能超过 {MaxOpinionLength} 字")]);
        }
        db.ExpectStamp(assignment, expectedStamp);
        assignment.ConsensusOpinion = string.IsNullOrEmpty(text) ? null : text;
        if (submit)
        {
            assignment.ConsensusSubmittedAt = clock.GetUtcNow();
            var message = $"评审组“{assignment.PanelName}”组长已提交专家组意见，评分已全部完成。";
            var link = $"/panels/{assignment.ApplicationId:D}";
            await notifications.AddForOrganisationAsync(db, WellKnownIds.Department, [ActorRole.DepartmentStaff], message, link, cancellationToken);
            if (await db.Batches.Where(b => b.Id == assignment.BatchId).Select(b => b.EntrustedAgencyId).FirstOrDefaultAsync(cancellationToken) is { } agency)
            {
                await notifications.AddForOrganisationAsync(db, agency, [ActorRole.AgencyCoordinator], message, link, cancellationToken);
            }
        }
        return await SaveAsync(db, new AuditEvent(submit ? "expert.consensus-submit" : "expert.consensus-draft", "ExpertAssignment",
            assignment.Id.ToString("D"), new { assignment.ApplicationId, length = text?.Length ?? 0 }),
            submit ? "专家组意见已提交并锁定" : "专家组意见草稿已保存", cancellationToken);
    }

    /// <summary>The expert, then their own assignment (tracked), or the reason to stop.</summary>
    internal static async Task<(ExpertActor? Expert, ExpertAssignment? Assignment, ExpertOutcome? Stop)> StartAsync(
        RecognitionDbContext db, Guid assignmentId, CancellationToken cancellationToken)
    {
        if (ExpertActor.Of(db.Actor) is not { } expert)
        {
            return (null, null, ExpertOutcome.Refused(ExpertActor.NotExpertMessage));
        }
        var assignment = await db.ExpertAssignments.FirstOrDefaultAsync(x => x.Id == assignmentId && x.ExpertId == expert.ExpertId, cancellationToken);
        return assignment is null ? (expert, null, ExpertOutcome.NotFound()) : (expert, assignment, null);
    }

    /// <summary>The state of an application the expert may see (cleared), else null.</summary>
    internal static Task<ApplicationState?> ApplicationStateAsync(RecognitionDbContext db, Guid applicationId, CancellationToken cancellationToken) =>
        db.Applications.Where(a => a.Id == applicationId).Select(a => (ApplicationState?)a.State).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Saves the changes with their audit entry; a lost race or a locked row becomes a message, nothing saved.</summary>
    internal static async Task<ExpertOutcome> SaveAsync(IAuditLog audit, RecognitionDbContext db, AuditEvent auditEvent, string message, CancellationToken cancellationToken)
    {
        try
        {
            await audit.AppendAsync(db, auditEvent, cancellationToken);
            return ExpertOutcome.Done(message);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            return ExpertOutcome.Conflict(ConcurrencyConflict.Describe(ex));
        }
        catch (ImmutableRowException ex)
        {
            return ExpertOutcome.Refused(ex.Message);
        }
    }

    private Task<ExpertOutcome> SaveAsync(RecognitionDbContext db, AuditEvent auditEvent, string message, CancellationToken cancellationToken) =>
        SaveAsync(audit, db, auditEvent, message, cancellationToken);
}
