using NuMeng.Recognition.Web.Features.Notifications;
using NuMeng.Recognition.Web.Features.Batches;

namespace NuMeng.Recognition.Web.Features.Notices;

/// <summary>The party-group meeting as the department records it.</summary>
public sealed record PartyGroupInput(string? MeetingNumber, DateOnly? MeetingDate, IReadOnlyCollection<Guid> Approved)
{
    public const int MaxMeetingNumberLength = 100;

    public IReadOnlyList<InputError> Validate(DateOnly today)
    {
        var errors = new List<InputError>();
        var number = MeetingNumber?.Trim() ?? string.Empty;
        if (number.Length == 0)
        {
            errors.Add(new("meetingNumber", "请填写厅党组会的会议次数或编号（如“2026年第12次厅党组会”）"));
        }
        else if (number.Length > MaxMeetingNumberLength)
        {
            errors.Add(new("meetingNumber", $"会议编号不能超过 {MaxMeetingNumberLength} 个字"));
        }
        if (MeetingDate is not { } date)
        {
            errors.Add(new("meetingDate", "请填写会议日期"));
        }
        else if (date > today)
        {
            errors.Add(new("meetingDate", $"会议日期（{ChineseDates.Format(date)}）不能晚于今天（{ChineseDates.Format(today)}）：请在会议召开后登记"));
        }
        return errors;
    }
}

/// <summary>The public notice as the department publishes it: title and where objections go. The dates are computed.</summary>
public sealed record NoticeInput(string? Title, string? ObjectionContact)
{
    public const int MaxTitleLength = 200;
    public const int MaxContactLength = 500;

    public IReadOnlyList<InputError> Validate()
    {
        var errors = new List<InputError>();
        var title = Title?.Trim() ?? string.Empty;
        var contact = ObjectionContact?.Trim() ?? string.Empty;
        if (title.Length == 0)
        {
            errors.Add(new("title", "请填写公示标题"));
        }
        else if (title.Length > MaxTitleLength)
        {
            errors.Add(new("title", $"公示标题不能超过 {MaxTitleLength} 个字"));
        }
        if (contact.Length == 0)
        {
            errors.Add(new("objectionContact", "请填写受理异议的联系方式（单位、地址、电话）"));
        }
        else if (contact.Length > MaxContactLength)
        {
            errors.Add(new("objectionContact", $"联系方式不能超过 {MaxContactLength} 个字"));
        }
        return errors;
    }
}

/// <summary>
/// 管理办法 第八条: the department proposes the pre-selection list from the review results, the party-group meeting
/// approves it, the list is published for 5 days. Each step moves the applications through
/// <see cref="ApplicationWorkflow"/> (PreSelect / NotSelect by 工信厅经办人; ApproveByPartyGroup / NotSelect by 工信厅负责人;
/// StartPublicNotice by 工信厅经办人), records the list, decision or notice, is audited and notifies the enterprises.
/// Each runs in one serialisable transaction and re-reads the states, so a second click changes nothing.
/// </summary>
public sealed class SelectionService(Procedure procedure, NotificationService notifications, TimeProvider clock)
{
    /// <summary>
    /// Proposes the pre-selection list: the ticked candidates (on-site check passed, in 现场核查中) are pre-selected, ranked by
    /// their aggregated score; the candidates not ticked are not selected (未入选).
    /// </summary>
    public Task<StepOutcome> ProposeAsync(Guid batchId, IReadOnlyCollection<Guid> selected, bool confirmed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selected);
        PreSelectionList? list = null;
        return procedure.RunAsync(new Step<Candidates>
        {
            Desk = NoticesSteps.Department,
            Isolation = IsolationLevel.Serializable,
            Load = async s => await s.Db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, s.Cancellation) is { } batch
                ? new Candidates(batch, (await SelectionQueries.RowsAsync(s.Db, batch, s.Cancellation)).Where(r => r.IsCandidate).ToList())
                : null,
            Decide = (s, c) => c.Rows.Count == 0 ? Ruling.Refuse("本批次没有待确定的申报（现场核查已通过、处于“现场核查中”的申报），无需重复提交")
                : NoticesSteps.Allowed(s, ApplicationState.OnSiteVerification, ApplicationAction.PreSelect),
            Validate = c => selected.Any(id => c.Rows.All(r => r.ApplicationId != id)) ? [new("selected", "所选申报不在本批次的候选范围内，请刷新后重试")]
                : !confirmed ? [new("confirm", "请勾选确认：提交后入选的申报进入预选名单，未勾选的申报将记为“未入选”")]
                : [],
            InvalidMessage = NoticesSteps.InvalidMessage,
            Work = async (s, c) =>
            {
                list = new PreSelectionList
                {
                    BatchId = c.Batch.Id,
                    Title = $"{c.Batch.Title}预选名单",
                    ProposedAt = Timestamps.Normalise(clock.GetUtcNow()),
                    ProposedByUserId = s.User.UserId,
                };
                var ids = c.Rows.Select(r => r.ApplicationId).ToList();
                var apps = await s.Db.Applications.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, s.Cancellation);
                var rank = 0;
                foreach (var row in c.Rows)
                {
                    var app = apps[row.ApplicationId];
                    var chosen = selected.Contains(row.ApplicationId);
                    ApplicationWorkflowSteps.Decide(s, app, chosen ? ApplicationAction.PreSelect : ApplicationAction.NotSelect).Apply!();
                    if (chosen)
                    {
                        list.Entries.Add(new PreSelectionEntry { ApplicationId = app.Id, Rank = ++rank, Score = row.Score.Result });
                    }
                    await notifications.AddForOrganisationAsync(s.Db, app.EnterpriseId, [ActorRole.EnterpriseApplicant],
                        chosen ? $"您的申报“{app.WorkshopOrFactoryName}”已列入拟认定预选名单，待厅党组会审议。"
                               : $"您的申报“{app.WorkshopOrFactoryName}”经专家评审和现场核查，未列入拟认定预选名单。",
                        $"/applications/{app.Id:D}", s.Cancellation);
                }
                s.Db.PreSelectionLists.Add(list);
                return null;
            },
            Id = _ => list!.Id,
            Audit = (_, c) => [AuditKinds.SelectionPropose.For(c.Batch.Id, new
            {
                listId = list!.Id,
                preSelected = list.Entries.Select(e => new { e.ApplicationId, e.Rank, e.Score }),
                notSelected = c.Rows.Where(r => !selected.Contains(r.ApplicationId)).Select(r => r.ApplicationId),
                aggregation = c.Batch.ScoreAggregation.ToString(),
            })],
            Done = c => $"预选名单已确定：入选 {list!.Entries.Count} 项，未入选 {c.Rows.Count - list.Entries.Count} 项。",
        }, cancellationToken);
    }

    /// <summary>
    /// Records the party-group meeting (厅党组会): the approved applications go to 厅党组会审议通过, the others on the list to
    /// 未入选. The workflow names 工信厅负责人 for both rows.
    /// </summary>
    public Task<StepOutcome> RecordPartyGroupAsync(Guid batchId, PartyGroupInput input, bool confirmed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        PartyGroupDecision? decision = null;
        return procedure.RunAsync(new Step<Waiting>
        {
            Desk = NoticesSteps.Department,
            Isolation = IsolationLevel.Serializable,
            Load = s => WaitingAsync(s, batchId, ApplicationState.PreSelected, q => q),
            Decide = (s, w) => w.Apps.Count == 0 ? Ruling.Refuse("本批次没有待厅党组会审议的预选申报")
                : NoticesSteps.Allowed(s, ApplicationState.PreSelected, ApplicationAction.ApproveByPartyGroup),
            Validate = w =>
            {
                var errors = input.Validate(ChinaTime.Today(clock)).ToList();
                if (input.Approved.Any(id => w.Apps.All(a => a.Id != id)))
                {
                    errors.Add(new("approved", "审议通过的申报须在预选名单内，请刷新后重试"));
                }
                if (errors.Count == 0 && !confirmed)
                {
                    errors.Add(new("confirm", "请勾选确认：登记后审议通过的申报可进入公示，未通过的记为“未入选”，不能撤销"));
                }
                return errors;
            },
            InvalidMessage = NoticesSteps.InvalidMessage,
            Work = async (s, w) =>
            {
                var list = await s.Db.PreSelectionLists.AsNoTracking().Where(l => l.BatchId == batchId)
                    .OrderByDescending(l => l.ProposedAt).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(s.Cancellation);
                if (list is null)
                {
                    return StepOutcome.Refused("本批次尚无预选名单");
                }
                decision = new PartyGroupDecision
                {
                    BatchId = batchId,
                    PreSelectionListId = list.Value,
                    MeetingNumber = input.MeetingNumber!.Trim(),
                    MeetingDate = input.MeetingDate!.Value,
                };
                foreach (var app in w.Apps)
                {
                    var approved = input.Approved.Contains(app.Id);
                    ApplicationWorkflowSteps.Decide(s, app, approved ? ApplicationAction.ApproveByPartyGroup : ApplicationAction.NotSelect).Apply!();
                    if (approved)
                    {
                        decision.ApprovedEntries.Add(new PartyGroupDecisionEntry { ApplicationId = app.Id });
                    }
                    else
                    {
                        await notifications.AddForOrganisationAsync(s.Db, app.EnterpriseId, [ActorRole.EnterpriseApplicant],
                            $"您的申报“{app.WorkshopOrFactoryName}”经厅党组会审议，未列入拟认定名单。", $"/applications/{app.Id:D}", s.Cancellation);
                    }
                }
                s.Db.PartyGroupDecisions.Add(decision);
                return null;
            },
            Id = _ => decision!.Id,
            Audit = (_, w) => [AuditKinds.SelectionPartyGroup.For(batchId, new
            {
                decisionId = decision!.Id,
                decision.MeetingNumber,
                meetingDate = decision.MeetingDate.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                approved = decision.ApprovedEntries.Select(e => e.ApplicationId),
                notSelected = w.Apps.Where(a => !input.Approved.Contains(a.Id)).Select(a => a.Id),
            })],
            Done = _ => $"已登记{decision!.MeetingNumber}决定：审议通过 {decision.ApprovedEntries.Count} 项。",
        }, cancellationToken);
    }

    /// <summary>
    /// Publishes the notice today: every application the party group approved goes to 公示中 and onto the notice. The end
    /// date is computed by the domain from the batch's rule set and the holiday calendar (the page showed the same
    /// computation before the confirmation); the notice is public at once.
    /// </summary>
    public Task<StepOutcome> PublishAsync(Guid batchId, NoticeInput input, bool confirmed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        PublicNotice? notice = null;
        NoticePeriodResult? period = null;
        var today = ChinaTime.Today(clock);
        return procedure.RunAsync(new Step<Waiting>
        {
            Desk = NoticesSteps.Department,
            Isolation = IsolationLevel.Serializable,
            Load = s => WaitingAsync(s, batchId, ApplicationState.PartyGroupApproved, q => q.OrderBy(a => a.LeagueCode).ThenBy(a => a.WorkshopOrFactoryName)),
            Decide = (s, w) => w.Apps.Count == 0 ? Ruling.Refuse("本批次没有经厅党组会审议通过、待公示的申报")
                : NoticesSteps.Allowed(s, ApplicationState.PartyGroupApproved, ApplicationAction.StartPublicNotice),
            Validate = _ =>
            {
                var errors = input.Validate().ToList();
                if (errors.Count == 0 && !confirmed)
                {
                    errors.Add(new("confirm", "请核对公示期后勾选确认：发布后公示立即向社会公开，不能撤回"));
                }
                return errors;
            },
            InvalidMessage = NoticesSteps.InvalidMessage,
            Work = async (s, w) =>
            {
                var rules = await NoticeCalendar.RulesForAsync(s.Db, w.Batch, s.Cancellation);
                period = NoticePeriod.Compute(today, rules, await NoticeCalendar.LoadAsync(s.Db, s.Cancellation));
                var enterpriseIds = w.Apps.Select(a => a.EnterpriseId).Distinct().ToList();
                var names = await s.Db.Organisations.AsNoTracking().Where(o => enterpriseIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, s.Cancellation);
                notice = new PublicNotice
                {
                    BatchId = batchId,
                    Title = input.Title!.Trim(),
                    PublishedOn = today,
                    PeriodLength = period.Length,
                    PeriodUnit = period.Unit,
                    EndsOn = period.End,
                            ObjectionContact = input.ObjectionContact!.Trim(),
                };
                notice.Open(PublicNoticeWorkflow.Decide(notice.State, PublicNoticeAction.Open, s.User.Roles));
                var order = 0;
                foreach (var app in w.Apps)
                {
                    ApplicationWorkflowSteps.Decide(s, app, ApplicationAction.StartPublicNotice).Apply!();
                    notice.Entries.Add(new PublicNoticeEntry
                    {
                        ApplicationId = app.Id,
                        Order = ++order,
                        EnterpriseName = names.GetValueOrDefault(app.EnterpriseId, string.Empty),
                        WorkshopOrFactoryName = app.WorkshopOrFactoryName,
                        LeagueCode = app.LeagueCode,
                    });
                    await notifications.AddForOrganisationAsync(s.Db, app.EnterpriseId, [ActorRole.EnterpriseApplicant],
                        $"您的申报“{app.WorkshopOrFactoryName}”已进入公示，公示期{period.Range}。", $"/notices/{notice.Id:D}", s.Cancellation);
                }
                s.Db.PublicNotices.Add(notice);
                return null;
            },
            Id = _ => notice!.Id,
            Audit = (_, w) => [AuditKinds.NoticePublish.For(notice!.Id, new
            {
                batchId,
                notice.Title,
                publishedOn = today.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                length = period!.Length,
                unit = period.Unit.ToString(),
                endsOn = period.End.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                explanation = period.Explanation,
                applications = w.Apps.Select(a => a.Id),
            })],
            Done = _ => $"公示已发布，公示期{period!.Range}。",
        }, cancellationToken);
    }

    /// <summary>A batch and its candidates for the pre-selection list.</summary>
    private sealed record Candidates(Batch Batch, IReadOnlyList<SelectionRow> Rows);

    /// <summary>A batch and its applications waiting in one state (tracked).</summary>
    private sealed record Waiting(Batch Batch, IReadOnlyList<Application> Apps);

    private static async Task<Waiting?> WaitingAsync(StepContext s, Guid batchId, ApplicationState state,
        Func<IQueryable<Application>, IQueryable<Application>> order) =>
        await s.Db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, s.Cancellation) is { } batch
            ? new Waiting(batch, await order(s.Db.Applications.Where(a => a.BatchId == batchId && a.State == state)).ToListAsync(s.Cancellation))
            : null;
}
