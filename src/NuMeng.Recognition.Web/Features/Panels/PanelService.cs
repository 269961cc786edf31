using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Domain.ExpertReview;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Web.Features.Panels;

/// <summary>
/// The department's or agency's panel work on one application (issue 5 "Expert panels"): assign an expert, remove one
/// who has not declared yet, record a recusal, designate the leader, start the expert review and, once the panel has
/// closed, start the on-site verification. Each action checks the application's concurrency stamp the page was shown
/// with (every panel change touches the application row, so two people changing one panel cannot both succeed), goes
/// through <see cref="ApplicationWorkflow"/> for state changes, and is audited and saved together with its notifications.
/// <para>
/// A conflict of interest detected by <see cref="ConflictDetector"/> refuses the assignment: the expert gets no row, is
/// never notified and never sees anything of the application. A conflict found later on an existing assignment (the
/// pool record changed, or the expert reported it) is recorded as a recusal.
/// </para>
/// </summary>
public sealed class PanelService(IDbContextFactory<RecognitionDbContext> factory, IAuditLog audit, PanelNotifications notifications)
{
    /// <summary>Assigns <paramref name="expertId"/> to the application's panel as leader or member.</summary>
    public async Task<PanelOutcome> AssignAsync(Guid applicationId, Guid expectedStamp, Guid expertId, PanelRole role,
        string? panelName, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var start = await StartAsync(db, applicationId, cancellationToken);
        if (start is not ({ } actor, { } app, { } members, null))
        {
            return start.Stop!;
        }
        if (app.State == ApplicationState.OnSiteVerification || PanelData.IsClosed(members))
        {
            return PanelOutcome.Refused("评审组已完成评分，不能再调整成员");
        }
        if (!Enum.IsDefined(role))
        {
            return PanelOutcome.Invalid([new("role", "请选择组长或组员")]);
        }
        var pool = await PanelData.PoolAsync(db, cancellationToken);
        var chosen = pool.FirstOrDefault(p => p.Row.Id == expertId);
        if (chosen.Row is null)
        {
            return PanelOutcome.Invalid([new("expert", "请从推荐名单中选择一位专家")]);
        }
        var profile = await PanelData.ProfileAsync(db, app, cancellationToken);
        var conflicts = ConflictDetector.Detect(chosen.Profile, profile);
        if (conflicts.Count > 0)
        {
            return PanelOutcome.Refused($"系统检测到{chosen.Row.Name}与该申报存在利益冲突，不能分配：{ConflictDetector.Describe(conflicts)}");
        }
        if (!chosen.Row.IsActive)
        {
            return PanelOutcome.Refused($"{chosen.Row.Name}已停用，不能分配");
        }
        if (members.Any(m => m.ExpertId == expertId))
        {
            return PanelOutcome.Refused($"{chosen.Row.Name}已在本评审组（回避的专家不能再次加入）");
        }
        if (role == PanelRole.Leader && members.FirstOrDefault(m => !m.Recused && m.Role == PanelRole.Leader) is { } leader)
        {
            return PanelOutcome.Refused($"本评审组已有组长（{Name(pool, leader.ExpertId)}）；如需更换，请使用“设为组长”");
        }
        var name = (panelName ?? string.Empty).Trim();
        name = name.Length == 0 ? PanelData.PanelNameOf(members) : name.Length > 50 ? name[..50] : name;
        if (app.Stamp != expectedStamp)
        {
            return PanelOutcome.Conflict(ConcurrencyConflict.Message);
        }

        PanelData.Touch(db, app, expectedStamp);
        var versionId = await db.ApplicationVersions
            .Where(v => v.ApplicationId == app.Id && v.Number == app.LatestVersionNumber)
            .Select(v => (Guid?)v.Id).FirstOrDefaultAsync(cancellationToken);
        var assignment = new ExpertAssignment
        {
            ExpertId = expertId, ApplicationId = app.Id, ApplicationVersionId = versionId, BatchId = app.BatchId,
            PanelName = name, Role = role, AssignedByUserId = actor.UserId,
        };
        db.ExpertAssignments.Add(assignment);
        // Experts learn of an assignment when the review starts; one added afterwards (a replacement) at once.
        if (app.State == ApplicationState.UnderExpertReview)
        {
            await notifications.AddForExpertsAsync(db, [(assignment.Id, expertId)], _ => Invitation(app), cancellationToken);
        }
        return await SaveAsync(db, new AuditEvent("panel.assign", "ExpertAssignment", assignment.Id.ToString("D"), new
        {
            applicationId = app.Id, expertId, role = role.ToString(), panel = name,
        }), $"已将{chosen.Row.Name}分配为{(role == PanelRole.Leader ? "组长" : "组员")}", cancellationToken);
    }

    /// <summary>Removes an assignment whose expert has not declared on conflicts yet (nothing seen, nothing scored).</summary>
    public async Task<PanelOutcome> RemoveAsync(Guid applicationId, Guid expectedStamp, Guid assignmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var start = await StartAsync(db, applicationId, cancellationToken);
        if (start is not (_, { } app, { } members, null))
        {
            return start.Stop!;
        }
        if (members.FirstOrDefault(m => m.AssignmentId == assignmentId) is not { } member)
        {
            return PanelOutcome.NotFound("未找到该专家分配");
        }
        if (member.DeclaredAt is not null || member.HasSheet)
        {
            return PanelOutcome.Refused("该专家已作出利益冲突声明，不能移除；如需回避，请记录回避");
        }
        if (app.Stamp != expectedStamp)
        {
            return PanelOutcome.Conflict(ConcurrencyConflict.Message);
        }
        PanelData.Touch(db, app, expectedStamp);
        var row = await db.ExpertAssignments.FirstAsync(x => x.Id == assignmentId, cancellationToken);
        db.ExpertAssignments.Remove(row);
        return await SaveAsync(db, new AuditEvent("panel.remove", "ExpertAssignment", assignmentId.ToString("D"), new
        {
            applicationId = app.Id, expertId = member.ExpertId, role = member.Role.ToString(),
        }), "已移除该专家", cancellationToken);
    }

    /// <summary>
    /// Records a recusal (回避): the expert no longer reviews the application; their sheet, if any, does not count.
    /// Irreversible. A conflict the detector finds now is recorded as detected, otherwise as declared to the manager.
    /// </summary>
    public async Task<PanelOutcome> RecuseAsync(Guid applicationId, Guid expectedStamp, Guid assignmentId, string? reason,
        CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var start = await StartAsync(db, applicationId, cancellationToken);
        if (start is not (_, { } app, { } members, null))
        {
            return start.Stop!;
        }
        if (members.FirstOrDefault(m => m.AssignmentId == assignmentId) is not { } member)
        {
            return PanelOutcome.NotFound("未找到该专家分配");
        }
        if (member.Recused)
        {
            return PanelOutcome.Refused("该专家已回避");
        }
        if (PanelData.IsClosed(members) || app.State == ApplicationState.OnSiteVerification)
        {
            return PanelOutcome.Refused("评审组已完成评分，不能再记录回避");
        }
        var pool = await PanelData.PoolAsync(db, cancellationToken);
        var expert = pool.First(p => p.Row.Id == member.ExpertId);
        var detected = ConflictDetector.Detect(expert.Profile, await PanelData.ProfileAsync(db, app, cancellationToken));
        var text = (reason ?? string.Empty).Trim();
        if (text.Length == 0 && detected.Count == 0)
        {
            return PanelOutcome.Invalid([new("reason", "请填写回避原因")]);
        }
        if (text.Length > 500)
        {
            return PanelOutcome.Invalid([new("reason", $"回避原因不能超过 500 个字（当前 {text.Length} 个）")]);
        }
        if (app.Stamp != expectedStamp)
        {
            return PanelOutcome.Conflict(ConcurrencyConflict.Message);
        }
        PanelData.Touch(db, app, expectedStamp);
        var row = await db.ExpertAssignments.FirstAsync(x => x.Id == assignmentId, cancellationToken);
        row.Recused = true;
        row.Conflict = detected.Count > 0 ? ConflictDeclaration.Detected : ConflictDeclaration.Declared;
        row.ConflictReason = string.Join("；", new[] { ConflictDetector.Describe(detected), text }.Where(t => t.Length > 0));
        var wasLeader = member.Role == PanelRole.Leader;
        return await SaveAsync(db, new AuditEvent("panel.recuse", "ExpertAssignment", assignmentId.ToString("D"), new
        {
            applicationId = app.Id, expertId = member.ExpertId, conflict = row.Conflict.ToString(), reason = row.ConflictReason,
        }), $"已记录{expert.Row.Name}回避{(wasLeader ? "；该专家原为组长，请指定新组长" : string.Empty)}。可按推荐补充一位专家", cancellationToken);
    }

    /// <summary>Designates the panel leader (组长) among the experts who did not recuse; the previous leader becomes a member.</summary>
    public async Task<PanelOutcome> SetLeaderAsync(Guid applicationId, Guid expectedStamp, Guid assignmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var start = await StartAsync(db, applicationId, cancellationToken);
        if (start is not (_, { } app, { } members, null))
        {
            return start.Stop!;
        }
        if (members.FirstOrDefault(m => m.AssignmentId == assignmentId && !m.Recused) is not { } member)
        {
            return PanelOutcome.Invalid([new("assignment", "请选择一位未回避的专家")]);
        }
        if (members.Any(m => m.ConsensusSubmittedAt is not null))
        {
            return PanelOutcome.Refused("组长已提交专家组意见，不能再更换组长");
        }
        if (member.Role == PanelRole.Leader)
        {
            return PanelOutcome.Refused("该专家已是组长");
        }
        if (app.Stamp != expectedStamp)
        {
            return PanelOutcome.Conflict(ConcurrencyConflict.Message);
        }
        PanelData.Touch(db, app, expectedStamp);
        var rows = await db.ExpertAssignments.Where(x => x.ApplicationId == app.Id && !x.Recused).ToListAsync(cancellationToken);
        foreach (var r in rows)
        {
            r.Role = r.Id == assignmentId ? PanelRole.Leader : PanelRole.Member;
        }
        return await SaveAsync(db, new AuditEvent("panel.leader", "ExpertAssignment", assignmentId.ToString("D"), new
        {
            applicationId = app.Id, expertId = member.ExpertId,
        }), "已指定组长", cancellationToken);
    }

    /// <summary>
    /// 开始专家评审 (workflow StartExpertReview: 工信厅经办人 or 第三方机构): the panel must have at least
    /// <see cref="PanelData.MinimumPanel"/> experts and one leader; every expert is notified to declare on conflicts.
    /// </summary>
    public async Task<PanelOutcome> StartReviewAsync(Guid applicationId, Guid expectedStamp, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var start = await StartAsync(db, applicationId, cancellationToken);
        if (start is not ({ } actor, { } app, { } members, null))
        {
            return start.Stop!;
        }
        if (Refusal(app.State, ApplicationAction.StartExpertReview, actor.Role) is { } refusal)
        {
            return PanelOutcome.Refused(refusal);
        }
        if (PanelData.StartBlocker(members) is { } blocker)
        {
            return PanelOutcome.Refused(blocker);
        }
        if (app.Stamp != expectedStamp)
        {
            return PanelOutcome.Conflict(ConcurrencyConflict.Message);
        }
        var stub = PanelData.Touch(db, app, expectedStamp);
        stub.Apply(ApplicationWorkflow.Decide(app.State, ApplicationAction.StartExpertReview, [actor.Role]));
        var invited = members.Where(m => !m.Recused).Select(m => (m.AssignmentId, m.ExpertId)).ToList();
        var sent = await notifications.AddForExpertsAsync(db, invited, _ => Invitation(app), cancellationToken);
        return await SaveAsync(db, new AuditEvent("application.start-expert-review", "Application", app.Id.ToString("D"), new
        {
            from = app.State.ToString(), to = stub.State.ToString(), experts = invited.Select(i => i.ExpertId),
        }), $"专家评审已开始，已通知 {invited.Count} 位专家（{sent} 条通知）", cancellationToken);
    }

    /// <summary>转入现场核查 (workflow StartOnSiteVerification), only once the panel has closed; the panel is notified.</summary>
    public async Task<PanelOutcome> StartOnSiteAsync(Guid applicationId, Guid expectedStamp, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var start = await StartAsync(db, applicationId, cancellationToken);
        if (start is not ({ } actor, { } app, { } members, null))
        {
            return start.Stop!;
        }
        if (Refusal(app.State, ApplicationAction.StartOnSiteVerification, actor.Role) is { } refusal)
        {
            return PanelOutcome.Refused(refusal);
        }
        if (!PanelData.IsClosed(members))
        {
            return PanelOutcome.Refused("评审组尚未完成评分（每位未回避专家提交评分表、组长提交专家组意见），不能转入现场核查");
        }
        if (app.Stamp != expectedStamp)
        {
            return PanelOutcome.Conflict(ConcurrencyConflict.Message);
        }
        var stub = PanelData.Touch(db, app, expectedStamp);
        stub.Apply(ApplicationWorkflow.Decide(app.State, ApplicationAction.StartOnSiteVerification, [actor.Role]));
        var panel = members.Where(m => !m.Recused).Select(m => (m.AssignmentId, m.ExpertId)).ToList();
        await notifications.AddForExpertsAsync(db, panel, _ => $"“{app.Name}”已转入现场核查，请按现场核查表逐项核实。", cancellationToken);
        return await SaveAsync(db, new AuditEvent("application.start-onsite", "Application", app.Id.ToString("D"), new
        {
            from = app.State.ToString(), to = stub.State.ToString(),
        }), "已转入现场核查，已通知评审组专家", cancellationToken);
    }

    private static string Invitation(PanelApplication app) =>
        $"您受邀评审“{app.Name}”。请先声明是否存在利益冲突，声明无冲突后方可查看申报材料并评分。";

    private static string Name(List<(Expert Row, ExpertProfile Profile)> pool, Guid expertId) =>
        pool.FirstOrDefault(p => p.Row.Id == expertId).Row?.Name ?? "专家";

    /// <summary>The manager (or a refusal), the application under panel care (or not found), and its panel.</summary>
    private static async Task<(PanelActor? Actor, PanelApplication? App, List<PanelMemberRow>? Members, PanelOutcome? Stop)> StartAsync(
        RecognitionDbContext db, Guid applicationId, CancellationToken cancellationToken)
    {
        if (PanelActor.Of(db.Actor) is not { } actor)
        {
            return (null, null, null, PanelOutcome.Refused(PanelActor.NotManagerMessage));
        }
        if (await PanelData.FindAsync(db, applicationId, cancellationToken) is not { } app)
        {
            return (actor, null, null, PanelOutcome.NotFound());
        }
        if (PanelData.FinishedMessage(app.State) is { } finished)
        {
            return (actor, app, null, PanelOutcome.Refused(finished));
        }
        return (actor, app, await PanelData.MembersAsync(db, applicationId, cancellationToken), null);
    }

    private static string? Refusal(ApplicationState from, ApplicationAction action, ActorRole role)
    {
        try
        {
            ApplicationWorkflow.Transition(from, action, role);
            return null;
        }
        catch (WorkflowException ex)
        {
            return ex.Message;
        }
    }

    private async Task<PanelOutcome> SaveAsync(RecognitionDbContext db, AuditEvent auditEvent, string message, CancellationToken cancellationToken)
    {
        try
        {
            await audit.AppendAsync(db, auditEvent, cancellationToken);
            return PanelOutcome.Done(message);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            return PanelOutcome.Conflict(ConcurrencyConflict.Describe(ex));
        }
        catch (DbUpdateException)
        {
            // The unique (expert, application) index: the same expert added twice at once.
            return PanelOutcome.Conflict(ConcurrencyConflict.Message);
        }
        catch (ImmutableRowException ex)
        {
            return PanelOutcome.Refused(ex.Message);
        }
    }
}
