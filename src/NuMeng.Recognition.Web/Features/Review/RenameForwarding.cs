using NuMeng.Recognition.Web.Features.Notifications;

namespace NuMeng.Recognition.Web.Features.Review;

/// <summary>A rename request as the bureau sees it.</summary>
public sealed record RenameRow(Guid Id, Guid Stamp, Guid ApplicationId, string CertificateNumber, string EnterpriseName,
    string PreviousName, string NewName, string? NewCreditCode, string EnterpriseReason, string? BureauOpinion,
    RenameRequestState State, DateTimeOffset RequestedAt, DateTimeOffset? ForwardedAt, DateTimeOffset ChangedAt, string? DecisionNote)
{
    /// <summary>Still waiting for this bureau (待盟市转报).</summary>
    public bool Waiting => State == RenameRequestState.Submitted;

    public string StateLabel => RenameForwarding.StateLabel(State);
}

/// <summary>
/// 更名 (管理办法 第四章): after a renaming or restructuring, the league/city bureau applies to the department for the name
/// change. The enterprise's request (a <see cref="RenameRequest"/> of its recognised workshop/factory, state Submitted,
/// addressed to its bureau) is forwarded by the bureau with its opinion (<see cref="RenameRequestState.Forwarded"/>,
/// <see cref="RenameRequest.BureauOpinion"/>, <see cref="RenameRequest.ForwardedAt"/>) or declined with its opinion
/// (<see cref="RenameRequestState.DeclinedByBureau"/>); the department then decides on a forwarded one (Approved/Rejected).
/// Both acts are audited (<c>rename.forward</c>, <c>rename.decline</c>) and notify the enterprise.
/// </summary>
public sealed class RenameForwarding(
    IDbContextFactory<RecognitionDbContext> factory, Procedure procedure, NotificationService notifications, TimeProvider clock)
{
    public const int MaxOpinionLength = 1000;

    /// <summary>The requests addressed to the signed-in bureau, waiting ones first.</summary>
    public async Task<IReadOnlyList<RenameRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (ActingUser.Of(db.Actor) is not { IsBureau: true } bureau)
        {
            return [];
        }
        var rows = await (
                from r in db.RenameRequests.AsNoTracking()
                join c in db.Certificates.AsNoTracking() on r.CertificateId equals c.Id
                where r.RequestedByBureauId == bureau.OrganisationId
                select new RenameRow(r.Id, r.ConcurrencyStamp, r.ApplicationId, c.Number, c.EnterpriseName, r.PreviousName,
                    r.NewName, r.NewCreditCode, r.Reason, r.BureauOpinion, r.State, r.CreatedAt, r.ForwardedAt, r.UpdatedAt, r.DecisionNote))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Waiting ? 0 : 1).ThenByDescending(r => r.RequestedAt).ToList();
    }

    /// <summary>Forwards a waiting request to the department with the bureau's opinion (either bureau role).</summary>
    public Task<StepOutcome> ForwardAsync(Guid requestId, Guid expectedStamp, string? opinion, CancellationToken cancellationToken = default) =>
        ActAsync(requestId, expectedStamp, opinion, forward: true, cancellationToken);

    /// <summary>Declines a waiting request with the bureau's opinion (why it is not forwarded); the enterprise is told.</summary>
    public Task<StepOutcome> DeclineAsync(Guid requestId, Guid expectedStamp, string? opinion, CancellationToken cancellationToken = default) =>
        ActAsync(requestId, expectedStamp, opinion, forward: false, cancellationToken);

    private Task<StepOutcome> ActAsync(Guid requestId, Guid expectedStamp, string? opinion, bool forward, CancellationToken cancellationToken)
    {
        var text = opinion?.Trim() ?? string.Empty;
        return procedure.RunAsync(new Step<Forwarding>
        {
            Desk = Desk.Bureau,
            Load = async s => await s.Db.RenameRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.RequestedByBureauId == s.User.OrganisationId, s.Cancellation) is { } request
                ? new Forwarding(request, await s.Db.Applications.AsNoTracking().Where(a => a.Id == request.ApplicationId)
                    .Select(a => new ApplicationRef(a.Id, a.EnterpriseId, a.State)).FirstAsync(s.Cancellation))
                : null,
            NotFound = ReviewSteps.NotFound,
            AlreadyDone = f => f.Request.State != RenameRequestState.Submitted ? $"该更名申请已办理（{StateLabel(f.Request.State)}），无需重复操作" : null,
            Validate = _ => text.Length == 0 || text.Length > MaxOpinionLength
                ? [new("opinion", text.Length == 0
                    ? (forward ? "请填写盟市意见（是否同意更名及理由）" : "请填写不予转报的理由")
                    : $"盟市意见不能超过 {MaxOpinionLength} 个字（当前 {text.Length} 个）")]
                : [],
            InvalidMessage = ReviewSteps.InvalidMessage,
            // 更名 is the department's act on a recognised workshop/factory; a revoked or expired one cannot be renamed
            // (declining it is still possible: the bureau says why).
            Decide = (_, f) => forward && !ApplicationWorkflow.CanTransition(f.App.State, ApplicationAction.Rename, ActorRole.DepartmentStaff)
                ? Ruling.Refuse($"该认定当前状态为“{WorkflowLabels.State(f.App.State)}”，更名申请不能转报")
                : Ruling.Allow(),
            Stamp = expectedStamp,
            StampedRow = f => f.Request,
            Work = async (s, f) =>
            {
                var request = f.Request;
                var bureauName = s.User.BureauName();
                if (forward)
                {
                    request.Forward(RenameRequestWorkflow.Decide(request.State, RenameRequestAction.Forward, s.User.Roles), text, clock.GetUtcNow());
                    await notifications.AddForOrganisationAsync(s.Db, WellKnownIds.Department, [ActorRole.DepartmentStaff],
                        $"{bureauName}转报更名申请：“{request.PreviousName}”拟更名为“{request.NewName}”。盟市意见：{text}", "/certificates/renames", s.Cancellation);
                }
                else
                {
                    request.DeclineByBureau(RenameRequestWorkflow.Decide(request.State, RenameRequestAction.Decline, s.User.Roles), text);
                }
                await notifications.AddForOrganisationAsync(s.Db, f.App.EnterpriseId, [ActorRole.EnterpriseApplicant],
                    forward
                        ? $"您的更名申请（“{request.PreviousName}”更名为“{request.NewName}”）已由{bureauName}转报自治区工业和信息化厅。"
                        : $"您的更名申请（“{request.PreviousName}”更名为“{request.NewName}”）{bureauName}不予转报。理由：{text}",
                    "/recognitions", s.Cancellation);
                return null;
            },
            Audit = (_, f) => [(forward ? AuditKinds.RenameForward : AuditKinds.RenameDecline).For(f.Request.Id, new
            {
                applicationId = f.App.Id,
                previousName = f.Request.PreviousName,
                newName = f.Request.NewName,
                opinion = text,
            })],
            Done = _ => forward ? "已转报自治区工业和信息化厅" : "已不予转报，并已通知企业",
        }, cancellationToken);
    }

    /// <summary>A rename request addressed to the bureau and the recognition it concerns.</summary>
    private sealed record Forwarding(RenameRequest Request, ApplicationRef App);

    private sealed record ApplicationRef(Guid Id, Guid EnterpriseId, ApplicationState State);

    /// <summary>The state of a rename request in Chinese, as both the enterprise and the bureau read it (the domain's label).</summary>
    public static string StateLabel(RenameRequestState state) => RenameRequestWorkflow.Label(state);
}
