using System.Linq.Expressions;
using NuMeng.Recognition.Web.Features.Notifications;

namespace NuMeng.Recognition.Web.Features.Certificates;

/// <summary>
/// 更名 (管理办法 第十条: "所在企业发生更名、重组等重大调整的，应由盟市工信部门向自治区工信厅申请更名"). The department decides
/// the requests its bureaus forwarded (<see cref="RenameRequestState.Forwarded"/>): approval changes the name on the
/// certificate — the enterprise name when the request names it, otherwise the workshop/factory name — and keeps the previous
/// one in <see cref="Certificate.NameHistory"/> with the date and the request; the application takes the workflow's
/// 更名 row (已授牌 → 已授牌). A rejection needs a note. The enterprise and the bureau are told either way.
/// </summary>
public sealed class RenameDecisions(
    IDbContextFactory<RecognitionDbContext> factory, Procedure procedure, NotificationService notifications, TimeProvider clock)
{
    public const int MaxNote = 1000;

    /// <summary>Forwarded requests first (oldest first), then the decided ones.</summary>
    public async Task<IReadOnlyList<RenameView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!CertificateDesk.Admits(db.Actor))
        {
            return [];
        }
        var rows = await ViewsAsync(db, r => r.State == RenameRequestState.Forwarded || r.State == RenameRequestState.Approved || r.State == RenameRequestState.Rejected, cancellationToken);
        return rows.OrderBy(r => r.State != RenameRequestState.Forwarded).ThenBy(r => r.State == RenameRequestState.Forwarded ? r.ForwardedAt : null)
            .ThenByDescending(r => r.DecidedAt).ToList();
    }

    /// <summary>Approves (<paramref name="approve"/>) or rejects a forwarded request.</summary>
    public Task<StepOutcome> DecideAsync(Guid requestId, Guid expectedStamp, bool approve, string? note, CancellationToken cancellationToken = default)
    {
        var text = note?.Trim() ?? string.Empty;
        string? field = null;
        return procedure.RunAsync(new Step<RenameCase>
        {
            Desk = CertificateDesk.Desk,
            Id = _ => requestId,
            Load = async step => await step.Db.RenameRequests.FirstOrDefaultAsync(r => r.Id == requestId, step.Cancellation) is { } request
                ? new RenameCase(request,
                    await step.Db.Certificates.FirstAsync(c => c.Id == request.CertificateId, step.Cancellation),
                    await step.Db.Applications.FirstAsync(a => a.Id == request.ApplicationId, step.Cancellation))
                : null,
            AlreadyDone = c => c.Request.State is RenameRequestState.Approved or RenameRequestState.Rejected ? "该更名申请已办结，无需重复操作" : null,
            Decide = (step, c) => c.Request.State != RenameRequestState.Forwarded ? Ruling.Refuse("该更名申请尚未经盟市工信部门转报，不能办理")
                : approve ? ApplicationWorkflowSteps.Decide(step, c.Application, ApplicationAction.Rename)
                : Ruling.Allow(),
            Stamp = expectedStamp,
            StampedRow = c => c.Request,
            Work = async (step, c) =>
            {
                if (text.Length > MaxNote || (!approve && text.Length == 0))
                {
                    return StepOutcome.Invalid([new("note", text.Length == 0 ? "不同意更名时请写明理由" : $"办理意见不能超过 {MaxNote} 个字")], CertificateDesk.InvalidMessage);
                }
                var (request, certificate, app) = c;
                var decision = RenameRequestWorkflow.Decide(request.State, approve ? RenameRequestAction.Approve : RenameRequestAction.Reject, step.User.Roles);
                if (!decision.Allowed)
                {
                    return StepOutcome.Refused(decision.Refusal!);
                }
                var now = Timestamps.Normalise(clock.GetUtcNow());
                request.Decide(decision, step.User.UserId, now, text.Length == 0 ? null : text);
                if (approve)
                {
                    // The request names what changes: the enterprise (更名、重组 of the company) or the workshop/factory itself.
                    field = request.PreviousName == certificate.EnterpriseName ? "enterpriseName" : "workshopOrFactoryName";
                    var previous = field == "enterpriseName" ? certificate.EnterpriseName : certificate.WorkshopOrFactoryName;
                    certificate.NameHistory = [.. certificate.NameHistory, new CertificateNameChange
                    {
                        PreviousName = previous, NewName = request.NewName, ChangedOn = ChinaTime.Today(clock), RenameRequestId = request.Id,
                    }];
                    if (field == "enterpriseName")
                    {
                        certificate.EnterpriseName = request.NewName;
                    }
                    else
                    {
                        certificate.WorkshopOrFactoryName = request.NewName;
                    }
                    app.UpdatedAt = now; // the 更名 row keeps the state; the row still records that it moved
                }
                var message = approve
                    ? $"自治区工业和信息化厅已同意更名：证书 {certificate.Number} 上的“{request.PreviousName}”更名为“{request.NewName}”。"
                    : $"自治区工业和信息化厅不同意“{request.PreviousName}”更名为“{request.NewName}”：{text}";
                await notifications.AddForOrganisationAsync(step.Db, certificate.EnterpriseId, [ActorRole.EnterpriseApplicant], message, "/recognitions", step.Cancellation);
                await notifications.AddForOrganisationAsync(step.Db, request.RequestedByBureauId, [ActorRole.BureauReviewer, ActorRole.BureauLeader], message, "/review/renames", step.Cancellation);
                return null;
            },
            Audit = (_, c) => [(approve ? CertificateAuditKinds.RenameApprove : CertificateAuditKinds.RenameReject).For(requestId, new
            {
                certificateId = c.Certificate.Id,
                number = c.Certificate.Number,
                previousName = c.Request.PreviousName,
                newName = c.Request.NewName,
                field,
                note = c.Request.DecisionNote,
            })],
            Done = c => approve ? $"已同意更名，证书 {c.Certificate.Number} 已更新并保留原名称记录" : "已不同意更名，已通知企业和盟市",
        }, cancellationToken);
    }

    /// <summary>A rename request with the certificate and application it changes.</summary>
    private sealed record RenameCase(RenameRequest Request, Certificate Certificate, Application Application);

    internal static async Task<IReadOnlyList<RenameView>> ViewsAsync(RecognitionDbContext db, Expression<Func<RenameRequest, bool>> filter, CancellationToken cancellationToken) =>
        await (from r in db.RenameRequests.AsNoTracking().Where(filter)
               join c in db.Certificates.AsNoTracking() on r.CertificateId equals c.Id
               join b in db.Organisations.AsNoTracking() on r.RequestedByBureauId equals b.Id into bureaus
               from b in bureaus.DefaultIfEmpty()
               orderby r.CreatedAt descending
               select new RenameView(r.Id, r.ConcurrencyStamp, c.Id, c.Number, c.EnterpriseName, r.PreviousName, r.NewName, r.NewCreditCode,
                   r.Reason, r.BureauOpinion, b == null ? "" : b.Name, r.ForwardedAt, r.State, r.DecisionNote, r.DecidedAt))
              .ToListAsync(cancellationToken);
}
