using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Data.Seeding;
using NuMeng.Recognition.Domain.Calendar;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Features.Notifications;

namespace NuMeng.Recognition.Web.Features.Review;

/// <summary>A rename request as the bureau sees it.</summary>
public sealed record RenameRow(Guid Id, Guid Stamp, Guid ApplicationId, string CertificateNumber, string EnterpriseName,
    string PreviousName, string NewName, string? NewCreditCode, string EnterpriseReason, string? BureauOpinion,
    RenameRequestState State, DateTimeOffset RequestedAt)
{
    public bool Forwarded => BureauOpinion is not null;
}

/// <summary>
/// 更名 (管理办法 第四章): after a renaming or restructuring, the league/city bureau applies to the department for the name
/// change. The enterprise's request (a <see cref="RenameRequest"/> of its recognised workshop/factory, state Submitted,
/// addressed to its bureau) is forwarded by the bureau with an opinion; the department then decides (Approved/Rejected).
/// <para>
/// Stop-gap until the data model has columns for it: the entity has no place for the bureau's opinion or the moment of
/// forwarding, so the opinion is appended to <see cref="RenameRequest.Reason"/> after <see cref="OpinionMarker"/> (the
/// enterprise's reason stays first and unchanged), and the forwarding is in the audit log (<c>rename.forward</c>).
/// <see cref="Split"/> is the only reader of that format.
/// </para>
/// </summary>
public sealed class RenameForwarding(
    IDbContextFactory<RecognitionDbContext> factory, IAuditLog audit, NotificationService notifications, TimeProvider clock)
{
    public const string OpinionMarker = "\n\n【盟市转报意见】";

    public const int MaxOpinionLength = 1000;

    /// <summary>The requests addressed to the signed-in bureau, waiting ones first.</summary>
    public async Task<IReadOnlyList<RenameRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (BureauActor.Of(db.Actor) is not { } bureau)
        {
            return [];
        }
        var rows = await (
                from r in db.RenameRequests.AsNoTracking()
                join c in db.Certificates.AsNoTracking() on r.CertificateId equals c.Id
                where r.RequestedByBureauId == bureau.BureauId
                select new { r, c.Number, c.EnterpriseName })
            .ToListAsync(cancellationToken);
        return rows
            .Select(x =>
            {
                var (reason, opinion) = Split(x.r.Reason);
                return new RenameRow(x.r.Id, x.r.ConcurrencyStamp, x.r.ApplicationId, x.Number, x.EnterpriseName, x.r.PreviousName,
                    x.r.NewName, x.r.NewCreditCode, reason, opinion, x.r.State, x.r.CreatedAt);
            })
            .OrderBy(r => r.Forwarded).ThenByDescending(r => r.RequestedAt)
            .ToList();
    }

    /// <summary>Forwards a waiting request to the department with the bureau's opinion (either bureau role).</summary>
    public async Task<ReviewOutcome> ForwardAsync(Guid requestId, Guid expectedStamp, string? opinion, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (BureauActor.Of(db.Actor) is not { } bureau)
        {
            return ReviewOutcome.Refused(BureauActor.NotBureauMessage);
        }
        var request = await db.RenameRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.RequestedByBureauId == bureau.BureauId, cancellationToken);
        if (request is null)
        {
            return ReviewOutcome.NotFound();
        }
        if (Split(request.Reason).Opinion is not null)
        {
            return ReviewOutcome.AlreadyDone("该更名申请已转报，无需重复操作");
        }
        if (request.ConcurrencyStamp != expectedStamp)
        {
            return ReviewOutcome.Conflict(ConcurrencyConflict.Message);
        }
        var text = opinion?.Trim() ?? string.Empty;
        if (text.Length == 0 || text.Length > MaxOpinionLength)
        {
            return ReviewOutcome.Invalid([new("opinion", text.Length == 0
                ? "请填写盟市意见（是否同意更名及理由）"
                : $"盟市意见不能超过 {MaxOpinionLength} 个字（当前 {text.Length} 个）")]);
        }
        var app = await db.Applications.AsNoTracking()
            .Where(a => a.Id == request.ApplicationId)
            .Select(a => new { a.Id, a.EnterpriseId, a.State })
            .FirstAsync(cancellationToken);
        // 更名 is the department's act on a recognised workshop/factory; a revoked or expired one cannot be renamed.
        if (request.State != RenameRequestState.Submitted || !ApplicationWorkflow.CanTransition(app.State, ApplicationAction.Rename, ActorRole.DepartmentStaff))
        {
            return ReviewOutcome.Refused($"该认定当前状态为“{WorkflowLabels.State(app.State)}”，更名申请不能转报");
        }

        db.ExpectStamp(request, expectedStamp);
        var today = ChinaTime.Today(clock);
        request.Reason = request.Reason + OpinionMarker + text + $"\n——{bureau.BureauName}，{ChineseDates.Format(today)}";
        await notifications.AddForOrganisationAsync(db, WellKnownIds.Department, [ActorRole.DepartmentStaff],
            $"{bureau.BureauName}转报更名申请：“{request.PreviousName}”拟更名为“{request.NewName}”。盟市意见：{text}", null, cancellationToken);
        await notifications.AddForOrganisationAsync(db, app.EnterpriseId, [ActorRole.EnterpriseApplicant],
            $"您的更名申请（“{request.PreviousName}”更名为“{request.NewName}”）已由{bureau.BureauName}转报自治区工业和信息化厅。",
            ReviewSteps.EnterpriseLink(app.Id), cancellationToken);
        return await ReviewSteps.SaveAsync(audit, db, new AuditEvent("rename.forward", "RenameRequest", request.Id.ToString("D"), new
        {
            applicationId = app.Id,
            previousName = request.PreviousName,
            newName = request.NewName,
            opinion = text,
        }), "已转报自治区工业和信息化厅", cancellationToken);
    }

    /// <summary>The enterprise's reason and the bureau's opinion (null while not forwarded) of a stored reason text.</summary>
    public static (string Reason, string? Opinion) Split(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var at = stored.IndexOf(OpinionMarker, StringComparison.Ordinal);
        return at < 0 ? (stored, null) : (stored[..at], stored[(at + OpinionMarker.Length)..]);
    }
}
