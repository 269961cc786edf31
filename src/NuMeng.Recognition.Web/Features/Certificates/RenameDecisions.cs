using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Domain.Workflow;
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
    IDbContextFactory<RecognitionDbContext> factory, IAuditLog audit, NotificationService notifications, TimeProvider clock)
{
    public const int MaxNote = 1000;

    /// <summary>Forwarded requests first (oldest first), then the decided ones.</summary>
    public async Task<IReadOnlyList<RenameView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (CertificateActor.Of(db.Actor, ApplicationAction.Rename) is null)
        {
            return [];
        }
        var rows = await ViewsAsync(db, r => r.State == RenameRequestState.Forwarded || r.State == RenameRequestState.Approved || r.State == RenameRequestState.Rejected, cancellationToken);
        return rows.OrderBy(r => r.State != RenameRequestState.Forwarded).ThenBy(r => r.State == RenameRequestState.Forwarded ? r.ForwardedAt : null)
            .ThenByDescending(r => r.DecidedAt).ToList();
    }

    /// <summary>Approves (<paramref name="approve"/>) or rejects a forwarded request.</summary>
    public async Task<CertificateOutcome> DecideAsync(Guid requestId, Guid expectedStamp, bool approve, string? note, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (CertificateActor.Of(db.Actor, ApplicationAction.Rename) is not { } actor)
        {
            return CertificateOutcome.Refused(CertificateActor.NotDepartmentMessage);
        }
        var request = await db.RenameRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return CertificateOutcome.NotFound();
        }
        if (request.State is RenameRequestState.Approved or RenameRequestState.Rejected)
        {
            return CertificateOutcome.AlreadyDone("该更名申请已办结，无需重复操作");
        }
        if (request.State != RenameRequestState.Forwarded)
        {
            return CertificateOutcome.Refused("该更名申请尚未经盟市工信部门转报，不能办理");
        }
        if (request.ConcurrencyStamp != expectedStamp)
        {
            return CertificateOutcome.Conflict(ConcurrencyConflict.Message);
        }
        var text = note?.Trim() ?? string.Empty;
        if (text.Length > MaxNote || (!approve && text.Length == 0))
        {
            return CertificateOutcome.Invalid([new("note", text.Length == 0 ? "不同意更名时请写明理由" : $"办理意见不能超过 {MaxNote} 个字")]);
        }
        var certificate = await db.Certificates.FirstAsync(c => c.Id == request.CertificateId, cancellationToken);
        var app = await db.Applications.FirstAsync(a => a.Id == request.ApplicationId, cancellationToken);
        if (approve && actor.Refusal(app.State, ApplicationAction.Rename) is { } refusal)
        {
            return CertificateOutcome.Refused(refusal);
        }

        var now = Timestamps.Normalise(clock.GetUtcNow());
        db.ExpectStamp(request, expectedStamp);
        if (approve)
        {
            request.Approve(actor.UserId, now, text.Length == 0 ? null : text);
        }
        else
        {
            request.Reject(actor.UserId, now, text.Length == 0 ? null : text);
        }
        string? field = null;
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
            app.Apply(ApplicationWorkflow.Decide(app.State, ApplicationAction.Rename, [actor.Role]));
            app.UpdatedAt = now; // the 更名 row keeps the state; the row still records that it moved
        }
        var message = approve
            ? $"自治区工业和信息化厅已同意更名：证书 {certificate.Number} 上的“{request.PreviousName}”更名为“{request.NewName}”。"
            : $"自治区工业和信息化厅不同意“{request.PreviousName}”更名为“{request.NewName}”：{text}";
        await notifications.AddForOrganisationAsync(db, certificate.EnterpriseId, [ActorRole.EnterpriseApplicant], message, "/recognitions", cancellationToken);
        await notifications.AddForOrganisationAsync(db, request.RequestedByBureauId, [ActorRole.BureauReviewer, ActorRole.BureauLeader], message, "/review/renames", cancellationToken);
        return await CertificateOutcome.SaveAsync(audit, db, new AuditEvent(approve ? "rename.approve" : "rename.reject", "RenameRequest", request.Id.ToString("D"), new
        {
            certificateId = certificate.Id,
            number = certificate.Number,
            previousName = request.PreviousName,
            newName = request.NewName,
            field,
            note = request.DecisionNote,
        }), approve ? $"已同意更名，证书 {certificate.Number} 已更新并保留原名称记录" : "已不同意更名，已通知企业和盟市", request.Id, cancellationToken);
    }

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
