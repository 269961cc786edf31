using System.Data;
using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Domain.Objections;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Features.Notifications;

namespace NuMeng.Recognition.Web.Features.Notices;

/// <summary>A case in the department's list.</summary>
public sealed record ObjectionListItem(
    Guid Id, string CaseNumber, Guid NoticeId, string NoticeTitle, string EnterpriseName, string WorkshopOrFactoryName,
    ObjectionState State, DateTimeOffset ReceivedAt, bool ResponseRequested, bool Responded);

/// <summary>The department's filter: by notice and state.</summary>
public sealed record ObjectionFilter(Guid? NoticeId = null, ObjectionState? State = null);

/// <summary>One case with everything the department needs, the objector's identity included (department only).</summary>
public sealed record ObjectionCaseView(
    Guid Id, string CaseNumber, Guid Stamp, Guid NoticeId, string NoticeTitle, DateOnly NoticeEndsOn, Guid ApplicationId,
    string EnterpriseName, string WorkshopOrFactoryName, ApplicationState ApplicationState, ObjectorKind ObjectorKind,
    string ObjectorName, string Contact, string Content, Guid? ScanId, string? ScanFileName, ObjectionState State,
    DateTimeOffset ReceivedAt, string? VerificationNotes, string? ResponseRequest, DateTimeOffset? ResponseRequestedAt,
    string? EnterpriseResponse, DateTimeOffset? RespondedAt, string? DecisionReasons, DateTimeOffset? DecidedAt);

/// <summary>
/// The department's handling of objection cases (DOMAIN.md §5): verify with notes, ask the enterprise to respond (it sees
/// the request, never the objector), decide upheld (the application leaves the list: UpholdObjection → 异议成立取消入选) or
/// dismissed (it stays: DismissObjection keeps 公示中), with reasons. Each step goes through the domain's case rules
/// (<see cref="ObjectionCase"/>), checks the posted concurrency stamp, is audited and notifies.
/// </summary>
public sealed class ObjectionCaseService(
    IDbContextFactory<RecognitionDbContext> factory, IAuditLog audit, NotificationService notifications, TimeProvider clock)
{
    public const int MaxRequestLength = 2000;

    /// <summary>The cases, newest first, filtered by notice and state (department only: the filter shows no one else a case).</summary>
    public async Task<IReadOnlyList<ObjectionListItem>> ListAsync(ObjectionFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (DepartmentUser.Of(db.Actor) is null)
        {
            return [];
        }
        var query = db.Objections.AsNoTracking();
        if (filter.NoticeId is { } n)
        {
            query = query.Where(o => o.PublicNoticeId == n);
        }
        if (filter.State is { } s)
        {
            query = query.Where(o => o.State == s);
        }
        var rows = await (
                from o in query
                join n2 in db.PublicNotices on o.PublicNoticeId equals n2.Id
                join e in db.PublicNoticeEntries on new { N = o.PublicNoticeId, A = o.ApplicationId } equals new { N = e.PublicNoticeId, A = e.ApplicationId }
                select new ObjectionListItem(o.Id, o.CaseNumber, n2.Id, n2.Title, e.EnterpriseName, e.WorkshopOrFactoryName, o.State,
                    o.ReceivedAt, o.ResponseRequest != null, o.EnterpriseResponse != null))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.ReceivedAt)];
    }

    /// <summary>The notices that can be filtered on.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Title)>> NoticesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.PublicNotices.AsNoTracking().OrderByDescending(n => n.PublishedOn).Select(n => new { n.Id, n.Title }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.Title))];
    }

    /// <summary>One case, or null.</summary>
    public async Task<ObjectionCaseView?> LoadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (DepartmentUser.Of(db.Actor) is null)
        {
            return null;
        }
        return await (
                from o in db.Objections.AsNoTracking()
                where o.Id == id
                join n in db.PublicNotices on o.PublicNoticeId equals n.Id
                join e in db.PublicNoticeEntries on new { N = o.PublicNoticeId, A = o.ApplicationId } equals new { N = e.PublicNoticeId, A = e.ApplicationId }
                join a in db.Applications on o.ApplicationId equals a.Id
                join f in db.Attachments on o.SignedScanAttachmentId equals f.Id into files
                from f in files.DefaultIfEmpty()
                select new ObjectionCaseView(o.Id, o.CaseNumber, o.ConcurrencyStamp, n.Id, n.Title, n.EndsOn, a.Id, e.EnterpriseName,
                    e.WorkshopOrFactoryName, a.State, o.ObjectorKind, o.ObjectorName, o.Contact, o.Content, o.SignedScanAttachmentId,
                    f == null ? null : f.OriginalFileName, o.State, o.ReceivedAt, o.VerificationNotes, o.ResponseRequest,
                    o.ResponseRequestedAt, o.EnterpriseResponse, o.RespondedAt, o.DecisionReasons, o.DecidedAt))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>核实: records the verification notes (Received → Verified).</summary>
    public Task<NoticesOutcome> VerifyAsync(Guid id, Guid expectedStamp, string? notes, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedStamp, ObjectionCaseAction.Verify, notes, confirmed: true, cancellationToken);

    /// <summary>
    /// Decides the case: upheld (the application leaves the list) or dismissed, with reasons. Irreversible: needs the
    /// confirmation.
    /// </summary>
    public Task<NoticesOutcome> DecideAsync(Guid id, Guid expectedStamp, bool upheld, string? reasons, bool confirmed, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedStamp, upheld ? ObjectionCaseAction.Uphold : ObjectionCaseAction.Dismiss, reasons, confirmed, cancellationToken);

    /// <summary>
    /// Asks the enterprise to respond (once per case, before the decision). The request must not name the objector: the
    /// enterprise reads it at /objection-responses.
    /// </summary>
    public async Task<NoticesOutcome> RequestResponseAsync(Guid id, Guid expectedStamp, string? request, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (DepartmentUser.Of(db.Actor) is null)
        {
            return NoticesOutcome.Refused(DepartmentUser.NotDepartmentMessage);
        }
        var objection = await db.Objections.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (objection is null)
        {
            return NoticesOutcome.NotFound();
        }
        if (objection.State is ObjectionState.Upheld or ObjectionState.Dismissed)
        {
            return NoticesOutcome.Refused("该异议已作出决定，不能再要求企业说明");
        }
        if (objection.ResponseRequest is not null)
        {
            return NoticesOutcome.Refused("已要求企业说明，请等待企业答复");
        }
        var text = request?.Trim() ?? string.Empty;
        if (text.Length < ObjectionCase.MinTextLength)
        {
            return NoticesOutcome.Invalid("request", text.Length == 0 ? "请填写需要企业说明的问题" : $"请写明需要企业说明的问题（至少 {ObjectionCase.MinTextLength} 个字）");
        }
        if (text.Length > MaxRequestLength)
        {
            return NoticesOutcome.Invalid("request", $"不能超过 {MaxRequestLength} 个字");
        }
        if (text.Contains(objection.ObjectorName, StringComparison.Ordinal) || text.Contains(objection.Contact, StringComparison.Ordinal))
        {
            return NoticesOutcome.Invalid("request", "说明要求中含有异议人的姓名或联系方式：异议人身份须保密，请删去");
        }
        db.ExpectStamp(objection, expectedStamp);
        objection.ResponseRequest = text;
        objection.ResponseRequestedAt = Timestamps.Normalise(clock.GetUtcNow());
        var app = await db.Applications.AsNoTracking().Where(a => a.Id == objection.ApplicationId)
            .Select(a => new { a.EnterpriseId, a.WorkshopOrFactoryName }).FirstAsync(cancellationToken);
        await notifications.AddForOrganisationAsync(db, app.EnterpriseId, [ActorRole.EnterpriseApplicant],
            $"自治区工业和信息化厅就公示期间收到的异议（{objection.CaseNumber}）请您对“{app.WorkshopOrFactoryName}”作出说明。",
            "/objection-responses", cancellationToken);
        return await NoticesSave.SaveAsync(audit, db, new AuditEvent("objection.request-response", "Objection", objection.Id.ToString("D"), new
        {
            caseNumber = objection.CaseNumber,
            applicationId = objection.ApplicationId,
        }), "已要求企业说明，已通知申报企业。", objection.Id, cancellationToken);
    }

    private async Task<NoticesOutcome> StepAsync(Guid id, Guid expectedStamp, ObjectionCaseAction action, string? text, bool confirmed, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (DepartmentUser.Of(db.Actor) is not { } user)
        {
            return NoticesOutcome.Refused(DepartmentUser.NotDepartmentMessage);
        }
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        var objection = await db.Objections.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (objection is null)
        {
            return NoticesOutcome.NotFound();
        }
        var result = ObjectionCase.Transition(objection.State, action, text);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Field == "action") ? NoticesOutcome.Refused(result.Errors[0].Message) : NoticesOutcome.Invalid(result.Errors);
        }
        var app = await db.Applications.FirstAsync(a => a.Id == objection.ApplicationId, cancellationToken);
        var from = app.State;
        if (action != ObjectionCaseAction.Verify)
        {
            var appAction = action == ObjectionCaseAction.Uphold ? ApplicationAction.UpholdObjection : ApplicationAction.DismissObjection;
            if (user.Refusal(app.State, appAction) is { } refusal)
            {
                return NoticesOutcome.Refused(refusal);
            }
            if (!confirmed)
            {
                return NoticesOutcome.Invalid("confirm", action == ObjectionCaseAction.Uphold
                    ? "请勾选确认：异议成立后该申报将从名单中取消（异议成立，取消入选），不能撤销"
                    : "请勾选确认：异议不成立的决定作出后不能撤销");
            }
            app.Apply(ApplicationWorkflow.Decide(app.State, appAction, user.Roles));
            objection.Decide(ObjectionCase.Decide(objection.State, action, user.Roles), text!.Trim(), user.UserId, Timestamps.Normalise(clock.GetUtcNow()));
            await notifications.AddForOrganisationAsync(db, app.EnterpriseId, [ActorRole.EnterpriseApplicant],
                action == ObjectionCaseAction.Uphold
                    ? $"公示期间对“{app.WorkshopOrFactoryName}”的异议（{objection.CaseNumber}）经核实成立，该申报已从拟认定名单中取消。理由：{Short(objection.DecisionReasons!)}"
                    : $"公示期间对“{app.WorkshopOrFactoryName}”的异议（{objection.CaseNumber}）经核实不成立，该申报继续公示。",
                $"/applications/{app.Id:D}", cancellationToken);
        }
        else
        {
            objection.Verify(ObjectionCase.Decide(objection.State, action, user.Roles), text!.Trim());
        }
        db.ExpectStamp(objection, expectedStamp);
        var verb = action switch
        {
            ObjectionCaseAction.Verify => "objection.verify",
            ObjectionCaseAction.Uphold => "objection.uphold",
            _ => "objection.dismiss",
        };
        var message = action switch
        {
            ObjectionCaseAction.Verify => "已记录核实情况。",
            ObjectionCaseAction.Uphold => "已认定异议成立，该申报已从名单中取消，已通知申报企业。",
            _ => "已认定异议不成立，该申报继续公示，已通知申报企业。",
        };
        var outcome = await NoticesSave.SaveAsync(audit, db, new AuditEvent(verb, "Objection", objection.Id.ToString("D"), new
        {
            caseNumber = objection.CaseNumber,
            applicationId = app.Id,
            applicationFrom = from.ToString(),
            applicationTo = app.State.ToString(),
            state = objection.State.ToString(),
            text = text!.Trim(),
        }), message, objection.Id, cancellationToken);
        if (outcome.Succeeded)
        {
            await tx.CommitAsync(cancellationToken);
        }
        return outcome;
    }

    private static string Short(string text) => text.Length > 80 ? text[..79] + "…" : text;

    /// <summary>Chinese label of a stored state.</summary>
    public static string Label(ObjectionState state) => ObjectionCase.Label(state);
}
