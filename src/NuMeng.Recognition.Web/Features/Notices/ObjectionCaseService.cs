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
/// The department's handling of objection cases (docs/rule-reference.md §9): verify with notes, ask the enterprise to respond (it sees
/// the request, never the objector), decide upheld (the application leaves the list: UpholdObjection → 异议成立取消入选) or
/// dismissed (it stays: DismissObjection keeps 公示中), with reasons. Each step goes through the domain's case rules
/// (<see cref="ObjectionCase"/>), checks the posted concurrency stamp, is audited and notifies.
/// </summary>
public sealed class ObjectionCaseService(
    IDbContextFactory<RecognitionDbContext> factory, Procedure procedure, NotificationService notifications, TimeProvider clock)
{
    public const int MaxRequestLength = 2000;

    /// <summary>The cases, newest first, filtered by notice and state (department only: the filter shows no one else a case).</summary>
    public async Task<IReadOnlyList<ObjectionListItem>> ListAsync(ObjectionFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (ActingUser.Of(db.Actor) is not { IsDepartment: true })
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
        if (ActingUser.Of(db.Actor) is not { IsDepartment: true })
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
    public Task<StepOutcome> VerifyAsync(Guid id, Guid expectedStamp, string? notes, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedStamp, ObjectionCaseAction.Verify, notes, confirmed: true, cancellationToken);

    /// <summary>
    /// Decides the case: upheld (the application leaves the list) or dismissed, with reasons. Irreversible: needs the
    /// confirmation.
    /// </summary>
    public Task<StepOutcome> DecideAsync(Guid id, Guid expectedStamp, bool upheld, string? reasons, bool confirmed, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedStamp, upheld ? ObjectionCaseAction.Uphold : ObjectionCaseAction.Dismiss, reasons, confirmed, cancellationToken);

    /// <summary>
    /// Asks the enterprise to respond (once per case, before the decision). The request must not name the objector: the
    /// enterprise reads it at /objection-responses.
    /// </summary>
    public Task<StepOutcome> RequestResponseAsync(Guid id, Guid expectedStamp, string? request, CancellationToken cancellationToken = default)
    {
        var text = request?.Trim() ?? string.Empty;
        return procedure.RunAsync(new Step<Objection>
        {
            Desk = NoticesSteps.Department,
            Id = o => o.Id,
            Load = s => s.Db.Objections.FirstOrDefaultAsync(o => o.Id == id, s.Cancellation),
            Decide = (_, o) => o.State is ObjectionState.Upheld or ObjectionState.Dismissed ? Ruling.Refuse("该异议已作出决定，不能再要求企业说明")
                : o.ResponseRequest is not null ? Ruling.Refuse("已要求企业说明，请等待企业答复")
                : Ruling.Allow(),
            Validate = o => text.Length < ObjectionCase.MinTextLength
                    ? [new("request", text.Length == 0 ? "请填写需要企业说明的问题" : $"请写明需要企业说明的问题（至少 {ObjectionCase.MinTextLength} 个字）")]
                : text.Length > MaxRequestLength ? [new("request", $"不能超过 {MaxRequestLength} 个字")]
                : text.Contains(o.ObjectorName, StringComparison.Ordinal) || text.Contains(o.Contact, StringComparison.Ordinal)
                    ? [new("request", "说明要求中含有异议人的姓名或联系方式：异议人身份须保密，请删去")]
                : [],
            InvalidMessage = NoticesSteps.InvalidMessage,
            Stamp = expectedStamp,
            Work = async (s, o) =>
            {
                o.ResponseRequest = text;
                o.ResponseRequestedAt = Timestamps.Normalise(clock.GetUtcNow());
                var app = await s.Db.Applications.AsNoTracking().Where(a => a.Id == o.ApplicationId)
                    .Select(a => new { a.EnterpriseId, a.WorkshopOrFactoryName }).FirstAsync(s.Cancellation);
                await notifications.AddForOrganisationAsync(s.Db, app.EnterpriseId, [ActorRole.EnterpriseApplicant],
                    $"自治区工业和信息化厅就公示期间收到的异议（{o.CaseNumber}）请您对“{app.WorkshopOrFactoryName}”作出说明。",
                    "/objection-responses", s.Cancellation);
                return null;
            },
            Audit = (_, o) => [AuditKinds.ObjectionRequestResponse.For(o.Id, new { caseNumber = o.CaseNumber, applicationId = o.ApplicationId })],
            Done = _ => "已要求企业说明，已通知申报企业。",
        }, cancellationToken);
    }

    private Task<StepOutcome> StepAsync(Guid id, Guid expectedStamp, ObjectionCaseAction action, string? text, bool confirmed, CancellationToken cancellationToken)
    {
        var verify = action == ObjectionCaseAction.Verify;
        var appAction = action == ObjectionCaseAction.Uphold ? ApplicationAction.UpholdObjection : ApplicationAction.DismissObjection;
        return procedure.RunAsync(new Step<Case>
        {
            Desk = NoticesSteps.Department,
            Isolation = IsolationLevel.Serializable,
            Id = c => c.Objection.Id,
            Load = async s => await s.Db.Objections.FirstOrDefaultAsync(o => o.Id == id, s.Cancellation) is { } objection
                ? new Case(objection, await s.Db.Applications.FirstAsync(a => a.Id == objection.ApplicationId, s.Cancellation))
                : null,
            Decide = (s, c) =>
            {
                var result = ObjectionCase.Transition(c.Objection.State, action, text);
                if (result.Errors.FirstOrDefault(e => e.Field == "action") is { } refused)
                {
                    return Ruling.Refuse(refused.Message);
                }
                var application = verify ? null : ApplicationWorkflowSteps.Decide(s, c.App, appAction);
                return application?.Refusal is { } refusal ? Ruling.Refuse(refusal) : new Ruling(null, () =>
                {
                    application?.Apply!();
                }, application?.Role, application?.From ?? c.App.State.ToString());
            },
            Validate = c => ObjectionCase.Transition(c.Objection.State, action, text).Errors is { Count: > 0 } errors ? errors
                : !verify && !confirmed ? [new("confirm", action == ObjectionCaseAction.Uphold
                    ? "请勾选确认：异议成立后该申报将从名单中取消（异议成立，取消入选），不能撤销"
                    : "请勾选确认：异议不成立的决定作出后不能撤销")]
                : [],
            InvalidMessage = NoticesSteps.InvalidMessage,
            Stamp = expectedStamp,
            StampedRow = c => c.Objection,
            Work = async (s, c) =>
            {
                var (objection, app) = c;
                if (verify)
                {
                    objection.Verify(ObjectionCase.Decide(objection.State, action, s.User.Roles), text!.Trim());
                    return null;
                }
                objection.Decide(ObjectionCase.Decide(objection.State, action, s.User.Roles), text!.Trim(), s.User.UserId,
                    Timestamps.Normalise(clock.GetUtcNow()));
                await notifications.AddForOrganisationAsync(s.Db, app.EnterpriseId, [ActorRole.EnterpriseApplicant],
                    action == ObjectionCaseAction.Uphold
                        ? $"公示期间对“{app.WorkshopOrFactoryName}”的异议（{objection.CaseNumber}）经核实成立，该申报已从拟认定名单中取消。理由：{Short(objection.DecisionReasons!)}"
                        : $"公示期间对“{app.WorkshopOrFactoryName}”的异议（{objection.CaseNumber}）经核实不成立，该申报继续公示。",
                    $"/applications/{app.Id:D}", s.Cancellation);
                return null;
            },
            Audit = (s, c) => [(action switch
            {
                ObjectionCaseAction.Verify => AuditKinds.ObjectionVerify,
                ObjectionCaseAction.Uphold => AuditKinds.ObjectionUphold,
                _ => AuditKinds.ObjectionDismiss,
            }).For(c.Objection.Id, new
            {
                caseNumber = c.Objection.CaseNumber,
                applicationId = c.App.Id,
                applicationFrom = s.Ruling!.From,
                applicationTo = c.App.State.ToString(),
                state = c.Objection.State.ToString(),
                text = text!.Trim(),
            })],
            Done = _ => action switch
            {
                ObjectionCaseAction.Verify => "已记录核实情况。",
                ObjectionCaseAction.Uphold => "已认定异议成立，该申报已从名单中取消，已通知申报企业。",
                _ => "已认定异议不成立，该申报继续公示，已通知申报企业。",
            },
        }, cancellationToken);
    }

    /// <summary>An objection case and the application it concerns (both tracked).</summary>
    private sealed record Case(Objection Objection, Application App);

    private static string Short(string text) => text.Length > 80 ? text[..79] + "…" : text;

    /// <summary>Chinese label of a stored state.</summary>
    public static string Label(ObjectionState state) => ObjectionCase.Label(state);
}
