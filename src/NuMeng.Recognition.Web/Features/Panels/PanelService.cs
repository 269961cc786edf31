namespace NuMeng.Recognition.Web.Features.Panels;

/// <summary>
/// The department's or agency's panel work on one application: assign an expert, remove one
/// who has not declared yet, record a recusal, designate the leader, start the expert review and, once the panel has
/// closed, start the on-site verification. Each action is a step of the <see cref="Procedure"/> on the application's
/// panel (<see cref="PanelRecord"/>): it checks the application's concurrency stamp the page was shown with (every panel
/// change touches the application row, so two people changing one panel cannot both succeed), asks
/// <see cref="ApplicationWorkflow"/> for state changes, and is audited and saved together with its notifications.
/// <para>
/// A conflict of interest detected by <see cref="ConflictDetector"/> refuses the assignment: the expert gets no row, is
/// never notified and never sees anything of the application. A conflict found later on an existing assignment (the
/// pool record changed, or the expert reported it) is recorded as a recusal.
/// </para>
/// </summary>
public sealed class PanelService(Procedure procedure, PanelNotifications notifications)
{
    /// <summary>Assigns <paramref name="expertId"/> to the application's panel as leader or member.</summary>
    public Task<StepOutcome> AssignAsync(Guid applicationId, Guid expectedStamp, Guid expertId, PanelRole role,
        string? panelName, CancellationToken cancellationToken = default)
    {
        var assignment = new ExpertAssignment { ExpertId = expertId, Role = role };
        var expertName = string.Empty;
        return procedure.RunAsync(Step(applicationId, expectedStamp,
            work: async (step, c) =>
            {
                var (app, members, _) = c;
                if (app.State == ApplicationState.OnSiteVerification || PanelData.IsClosed(members))
                {
                    return StepOutcome.Refused("评审组已完成评分，不能再调整成员");
                }
                if (!Enum.IsDefined(role))
                {
                    return StepOutcome.Invalid([new("role", "请选择组长或组员")], PanelDesk.InvalidMessage);
                }
                var pool = await PanelData.PoolAsync(step.Db, step.Cancellation);
                var chosen = pool.FirstOrDefault(p => p.Row.Id == expertId);
                if (chosen.Row is null)
                {
                    return StepOutcome.Invalid([new("expert", "请从推荐名单中选择一位专家")], PanelDesk.InvalidMessage);
                }
                var conflicts = ConflictDetector.Detect(chosen.Profile, await PanelData.ProfileAsync(step.Db, app, step.Cancellation));
                if (conflicts.Count > 0)
                {
                    return StepOutcome.Refused($"系统检测到{chosen.Row.Name}与该申报存在利益冲突，不能分配：{ConflictDetector.Describe(conflicts)}");
                }
                if (!chosen.Row.IsActive)
                {
                    return StepOutcome.Refused($"{chosen.Row.Name}已停用，不能分配");
                }
                if (members.Any(m => m.ExpertId == expertId))
                {
                    return StepOutcome.Refused($"{chosen.Row.Name}已在本评审组（回避的专家不能再次加入）");
                }
                if (role == PanelRole.Leader && members.FirstOrDefault(m => !m.Recused && m.Role == PanelRole.Leader) is { } leader)
                {
                    return StepOutcome.Refused($"本评审组已有组长（{Name(pool, leader.ExpertId)}）；如需更换，请使用“设为组长”");
                }
                var name = (panelName ?? string.Empty).Trim();
                assignment.PanelName = name.Length == 0 ? PanelData.PanelNameOf(members) : name.Length > 50 ? name[..50] : name;
                assignment.ApplicationId = app.Id;
                assignment.BatchId = app.BatchId;
                assignment.AssignedByUserId = step.User.UserId;
                assignment.ApplicationVersionId = await step.Db.ApplicationVersions
                    .Where(v => v.ApplicationId == app.Id && v.Number == app.LatestVersionNumber)
                    .Select(v => (Guid?)v.Id).FirstOrDefaultAsync(step.Cancellation);
                step.Db.ExpertAssignments.Add(assignment);
                expertName = chosen.Row.Name;
                // Experts learn of an assignment when the review starts; one added afterwards (a replacement) at once.
                if (app.State == ApplicationState.UnderExpertReview)
                {
                    await notifications.AddForExpertsAsync(step.Db, [(assignment.Id, expertId)], _ => Invitation(app), step.Cancellation);
                }
                return null;
            },
            audit: c => PanelAuditKinds.Assign.For(assignment.Id, new { applicationId = c.App.Id, expertId, role = role.ToString(), panel = assignment.PanelName }),
            done: _ => $"已将{expertName}分配为{(role == PanelRole.Leader ? "组长" : "组员")}"), cancellationToken);
    }

    /// <summary>Removes an assignment whose expert has not declared on conflicts yet (nothing seen, nothing scored).</summary>
    public Task<StepOutcome> RemoveAsync(Guid applicationId, Guid expectedStamp, Guid assignmentId, CancellationToken cancellationToken = default)
    {
        PanelMemberRow? member = null;
        return procedure.RunAsync(Step(applicationId, expectedStamp,
            work: async (step, c) =>
            {
                member = c.Members.FirstOrDefault(m => m.AssignmentId == assignmentId);
                if (member is null)
                {
                    return StepOutcome.NotFound("未找到该专家分配");
                }
                if (member.DeclaredAt is not null || member.HasSheet)
                {
                    return StepOutcome.Refused("该专家已作出利益冲突声明，不能移除；如需回避，请记录回避");
                }
                step.Db.ExpertAssignments.Remove(await step.Db.ExpertAssignments.FirstAsync(x => x.Id == assignmentId, step.Cancellation));
                return null;
            },
            audit: c => PanelAuditKinds.Remove.For(assignmentId, new { applicationId = c.App.Id, expertId = member!.ExpertId, role = member.Role.ToString() }),
            done: _ => "已移除该专家"), cancellationToken);
    }

    /// <summary>
    /// Records a recusal (回避): the expert no longer reviews the application; their sheet, if any, does not count.
    /// Irreversible. A conflict the detector finds now is recorded as detected, otherwise as declared to the manager.
    /// </summary>
    public Task<StepOutcome> RecuseAsync(Guid applicationId, Guid expectedStamp, Guid assignmentId, string? reason,
        CancellationToken cancellationToken = default)
    {
        PanelMemberRow? member = null;
        ExpertAssignment? row = null;
        var expertName = string.Empty;
        return procedure.RunAsync(Step(applicationId, expectedStamp,
            work: async (step, c) =>
            {
                var (app, members, _) = c;
                member = members.FirstOrDefault(m => m.AssignmentId == assignmentId);
                if (member is null)
                {
                    return StepOutcome.NotFound("未找到该专家分配");
                }
                if (member.Recused)
                {
                    return StepOutcome.Refused("该专家已回避");
                }
                if (PanelData.IsClosed(members) || app.State == ApplicationState.OnSiteVerification)
                {
                    return StepOutcome.Refused("评审组已完成评分，不能再记录回避");
                }
                var pool = await PanelData.PoolAsync(step.Db, step.Cancellation);
                var expert = pool.First(p => p.Row.Id == member.ExpertId);
                var detected = ConflictDetector.Detect(expert.Profile, await PanelData.ProfileAsync(step.Db, app, step.Cancellation));
                var text = (reason ?? string.Empty).Trim();
                if (text.Length == 0 && detected.Count == 0)
                {
                    return StepOutcome.Invalid([new("reason", "请填写回避原因")], PanelDesk.InvalidMessage);
                }
                if (text.Length > 500)
                {
                    return StepOutcome.Invalid([new("reason", $"回避原因不能超过 500 个字（当前 {text.Length} 个）")], PanelDesk.InvalidMessage);
                }
                row = await step.Db.ExpertAssignments.FirstAsync(x => x.Id == assignmentId, step.Cancellation);
                row.Recused = true;
                row.Conflict = detected.Count > 0 ? ConflictDeclaration.Detected : ConflictDeclaration.Declared;
                row.ConflictReason = string.Join("；", new[] { ConflictDetector.Describe(detected), text }.Where(t => t.Length > 0));
                expertName = expert.Row.Name;
                return null;
            },
            audit: c => PanelAuditKinds.Recuse.For(assignmentId, new
            {
                applicationId = c.App.Id, expertId = member!.ExpertId, conflict = row!.Conflict.ToString(), reason = row.ConflictReason,
            }),
            done: _ => $"已记录{expertName}回避{(member!.Role == PanelRole.Leader ? "；该专家原为组长，请指定新组长" : string.Empty)}。可按推荐补充一位专家"),
            cancellationToken);
    }

    /// <summary>Designates the panel leader (组长) among the experts who did not recuse; the previous leader becomes a member.</summary>
    public Task<StepOutcome> SetLeaderAsync(Guid applicationId, Guid expectedStamp, Guid assignmentId, CancellationToken cancellationToken = default)
    {
        PanelMemberRow? member = null;
        return procedure.RunAsync(Step(applicationId, expectedStamp,
            work: async (step, c) =>
            {
                member = c.Members.FirstOrDefault(m => m.AssignmentId == assignmentId && !m.Recused);
                if (member is null)
                {
                    return StepOutcome.Invalid([new("assignment", "请选择一位未回避的专家")], PanelDesk.InvalidMessage);
                }
                if (c.Members.Any(m => m.ConsensusSubmittedAt is not null))
                {
                    return StepOutcome.Refused("组长已提交专家组意见，不能再更换组长");
                }
                if (member.Role == PanelRole.Leader)
                {
                    return StepOutcome.Refused("该专家已是组长");
                }
                foreach (var r in await step.Db.ExpertAssignments.Where(x => x.ApplicationId == c.App.Id && !x.Recused).ToListAsync(step.Cancellation))
                {
                    r.Role = r.Id == assignmentId ? PanelRole.Leader : PanelRole.Member;
                }
                return null;
            },
            audit: c => PanelAuditKinds.Leader.For(assignmentId, new { applicationId = c.App.Id, expertId = member!.ExpertId }),
            done: _ => "已指定组长"), cancellationToken);
    }

    /// <summary>
    /// 开始专家评审 (workflow StartExpertReview: 工信厅经办人 or 第三方机构): the panel must have at least
    /// <see cref="PanelData.MinimumPanel"/> experts and one leader; every expert is notified to declare on conflicts.
    /// </summary>
    public Task<StepOutcome> StartReviewAsync(Guid applicationId, Guid expectedStamp, CancellationToken cancellationToken = default)
    {
        var invited = new List<(Guid AssignmentId, Guid ExpertId)>();
        var sent = 0;
        return procedure.RunAsync(Step(applicationId, expectedStamp, ApplicationAction.StartExpertReview, PanelData.StartBlocker,
            work: async (step, c) =>
            {
                invited.AddRange(c.Members.Where(m => !m.Recused).Select(m => (m.AssignmentId, m.ExpertId)));
                sent = await notifications.AddForExpertsAsync(step.Db, invited, _ => Invitation(c.App), step.Cancellation);
                return null;
            },
            audit: c => AuditKinds.StartExpertReview.For(c.App.Id, new { from = c.App.State.ToString(), to = c.Row.State.ToString(), experts = invited.Select(i => i.ExpertId) }),
            done: _ => $"专家评审已开始，已通知 {invited.Count} 位专家（{sent} 条通知）"), cancellationToken);
    }

    /// <summary>转入现场核查 (workflow StartOnSiteVerification), only once the panel has closed; the panel is notified.</summary>
    public Task<StepOutcome> StartOnSiteAsync(Guid applicationId, Guid expectedStamp, CancellationToken cancellationToken = default) =>
        procedure.RunAsync(Step(applicationId, expectedStamp, ApplicationAction.StartOnSiteVerification,
            members => PanelData.IsClosed(members) ? null : "评审组尚未完成评分（每位未回避专家提交评分表、组长提交专家组意见），不能转入现场核查",
            work: async (step, c) =>
            {
                var panel = c.Members.Where(m => !m.Recused).Select(m => (m.AssignmentId, m.ExpertId)).ToList();
                await notifications.AddForExpertsAsync(step.Db, panel, _ => $"“{c.App.Name}”已转入现场核查，请按现场核查表逐项核实。", step.Cancellation);
                return null;
            },
            audit: c => AuditKinds.StartOnSite.For(c.App.Id, new { from = c.App.State.ToString(), to = c.Row.State.ToString() }),
            done: _ => "已转入现场核查，已通知评审组专家"), cancellationToken);

    /// <summary>
    /// A panel step: the manager's desk; the application under panel care with its panel (a finished review refuses);
    /// with <paramref name="action"/>, the workflow's decision and then <paramref name="blocker"/>'s refusal; the stamp.
    /// </summary>
    private static Step<PanelRecord> Step(Guid applicationId, Guid expectedStamp, ApplicationAction? action = null,
        Func<IReadOnlyList<PanelMemberRow>, string?>? blocker = null,
        Func<StepContext, PanelRecord, Task<StepOutcome?>>? work = null,
        Func<PanelRecord, Data.Auditing.AuditEvent>? audit = null, Func<PanelRecord, string>? done = null) => new()
    {
        Desk = PanelDesk.Managers,
        Id = _ => applicationId,
        NotFound = StepOutcome.NotFound(PanelDesk.NotFoundMessage),
        Load = async step => await PanelData.FindAsync(step.Db, applicationId, step.Cancellation) is { } app
            ? new PanelRecord(app, await PanelData.MembersAsync(step.Db, applicationId, step.Cancellation), PanelData.Touch(step.Db, app, app.Stamp))
            : null,
        Decide = (step, c) =>
        {
            if (PanelData.FinishedMessage(c.App.State) is { } finished)
            {
                return Ruling.Refuse(finished);
            }
            if (action is not { } a)
            {
                return Ruling.Allow();
            }
            var ruling = ApplicationWorkflowSteps.Decide(step, c.Row, a);
            return ruling.Refusal is null && blocker?.Invoke(c.Members) is { } blocked ? Ruling.Refuse(blocked) : ruling;
        },
        Stamp = expectedStamp,
        StampedRow = c => c.Row,
        Work = work,
        Audit = (_, c) => [audit!(c)],
        Done = done!,
    };

    private static string Invitation(PanelApplication app) =>
        $"您受邀评审“{app.Name}”。请先声明是否存在利益冲突，声明无冲突后方可查看申报材料并评分。";

    private static string Name(List<(Expert Row, ExpertProfile Profile)> pool, Guid expertId) =>
        pool.FirstOrDefault(p => p.Row.Id == expertId).Row?.Name ?? "专家";
}

/// <summary>
/// One application's panel as a step sees it: the application's columns a panel needs, its members, and the application
/// row attached for update (every panel change touches it; see <see cref="PanelData.Touch"/>).
/// </summary>
internal sealed record PanelRecord(PanelApplication App, List<PanelMemberRow> Members, Application Row);
