using System.Data;
using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Applications;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Common;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Domain.Calendar;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;
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
public sealed class SelectionService(
    IDbContextFactory<RecognitionDbContext> factory, IAuditLog audit, NotificationService notifications, TimeProvider clock)
{
    /// <summary>
    /// Proposes the pre-selection list: the ticked candidates (on-site check passed, in 现场核查中) are pre-selected, ranked by
    /// their aggregated score; the candidates not ticked are not selected (未入选).
    /// </summary>
    public async Task<NoticesOutcome> ProposeAsync(Guid batchId, IReadOnlyCollection<Guid> selected, bool confirmed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selected);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (DepartmentUser.Of(db.Actor) is not { } user)
        {
            return NoticesOutcome.Refused(DepartmentUser.NotDepartmentMessage);
        }
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        var batch = await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is null)
        {
            return NoticesOutcome.NotFound();
        }
        var candidates = (await SelectionQueries.RowsAsync(db, batch, cancellationToken)).Where(r => r.IsCandidate).ToList();
        if (candidates.Count == 0)
        {
            return NoticesOutcome.Refused("本批次没有待确定的申报（现场核查已通过、处于“现场核查中”的申报），无需重复提交");
        }
        if (user.Refusal(ApplicationState.OnSiteVerification, ApplicationAction.PreSelect) is { } refusal)
        {
            return NoticesOutcome.Refused(refusal);
        }
        if (selected.Any(id => candidates.All(c => c.ApplicationId != id)))
        {
            return NoticesOutcome.Invalid("selected", "所选申报不在本批次的候选范围内，请刷新后重试");
        }
        if (!confirmed)
        {
            return NoticesOutcome.Invalid("confirm", "请勾选确认：提交后入选的申报进入预选名单，未勾选的申报将记为“未入选”");
        }

        var now = Timestamps.Normalise(clock.GetUtcNow());
        var list = new PreSelectionList
        {
            BatchId = batch.Id,
            Title = $"{batch.Title}预选名单",
            ProposedAt = now,
            ProposedByUserId = user.UserId,
        };
        var ids = candidates.Select(c => c.ApplicationId).ToList();
        var apps = await db.Applications.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var rank = 0;
        foreach (var c in candidates)
        {
            var app = apps[c.ApplicationId];
            var chosen = selected.Contains(c.ApplicationId);
            var action = chosen ? ApplicationAction.PreSelect : ApplicationAction.NotSelect;
            app.Apply(ApplicationWorkflow.Decide(app.State, action, user.Roles));
            if (chosen)
            {
                list.Entries.Add(new PreSelectionEntry { ApplicationId = app.Id, Rank = ++rank, Score = c.Score.Result });
            }
            await notifications.AddForOrganisationAsync(db, app.EnterpriseId, [ActorRole.EnterpriseApplicant],
                chosen ? $"您的申报“{app.WorkshopOrFactoryName}”已列入拟认定预选名单，待厅党组会审议。"
                       : $"您的申报“{app.WorkshopOrFactoryName}”经专家评审和现场核查，未列入拟认定预选名单。",
                $"/applications/{app.Id:D}", cancellationToken);
        }
        db.PreSelectionLists.Add(list);
        var outcome = await NoticesSave.SaveAsync(audit, db, new AuditEvent("selection.propose", "Batch", batch.Id.ToString("D"), new
        {
            listId = list.Id,
            preSelected = list.Entries.Select(e => new { e.ApplicationId, e.Rank, e.Score }),
            notSelected = candidates.Where(c => !selected.Contains(c.ApplicationId)).Select(c => c.ApplicationId),
            aggregation = batch.ScoreAggregation.ToString(),
        }), $"预选名单已确定：入选 {list.Entries.Count} 项，未入选 {candidates.Count - list.Entries.Count} 项。", list.Id, cancellationToken);
        if (outcome.Succeeded)
        {
            await tx.CommitAsync(cancellationToken);
        }
        return outcome;
    }

    /// <summary>
    /// Records the party-group meeting (厅党组会): the approved applications go to 厅党组会审议通过, the others on the list to
    /// 未入选. The workflow names 工信厅负责人 for both rows.
    /// </summary>
    public async Task<NoticesOutcome> RecordPartyGroupAsync(Guid batchId, PartyGroupInput input, bool confirmed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (DepartmentUser.Of(db.Actor) is not { } user)
        {
            return NoticesOutcome.Refused(DepartmentUser.NotDepartmentMessage);
        }
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        var batch = await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is null)
        {
            return NoticesOutcome.NotFound();
        }
        var apps = await db.Applications.Where(a => a.BatchId == batchId && a.State == ApplicationState.PreSelected).ToListAsync(cancellationToken);
        if (apps.Count == 0)
        {
            return NoticesOutcome.Refused("本批次没有待厅党组会审议的预选申报");
        }
        if (user.Refusal(ApplicationState.PreSelected, ApplicationAction.ApproveByPartyGroup) is { } refusal)
        {
            return NoticesOutcome.Refused(refusal);
        }
        var errors = input.Validate(ChinaTime.Today(clock)).ToList();
        if (input.Approved.Any(id => apps.All(a => a.Id != id)))
        {
            errors.Add(new("approved", "审议通过的申报须在预选名单内，请刷新后重试"));
        }
        if (errors.Count == 0 && !confirmed)
        {
            errors.Add(new("confirm", "请勾选确认：登记后审议通过的申报可进入公示，未通过的记为“未入选”，不能撤销"));
        }
        if (errors.Count > 0)
        {
            return NoticesOutcome.Invalid(errors);
        }
        var list = await db.PreSelectionLists.AsNoTracking().Where(l => l.BatchId == batchId)
            .OrderByDescending(l => l.ProposedAt).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(cancellationToken);
        if (list is null)
        {
            return NoticesOutcome.Refused("本批次尚无预选名单");
        }
        var decision = new PartyGroupDecision
        {
            BatchId = batchId,
            PreSelectionListId = list.Value,
            MeetingNumber = input.MeetingNumber!.Trim(),
            MeetingDate = input.MeetingDate!.Value,
        };
        foreach (var app in apps)
        {
            var approved = input.Approved.Contains(app.Id);
            var action = approved ? ApplicationAction.ApproveByPartyGroup : ApplicationAction.NotSelect;
            app.Apply(ApplicationWorkflow.Decide(app.State, action, user.Roles));
            if (approved)
            {
                decision.ApprovedEntries.Add(new PartyGroupDecisionEntry { ApplicationId = app.Id });
            }
            else
            {
                await notifications.AddForOrganisationAsync(db, app.EnterpriseId, [ActorRole.EnterpriseApplicant],
                    $"您的申报“{app.WorkshopOrFactoryName}”经厅党组会审议，未列入拟认定名单。", $"/applications/{app.Id:D}", cancellationToken);
            }
        }
        db.PartyGroupDecisions.Add(decision);
        var outcome = await NoticesSave.SaveAsync(audit, db, new AuditEvent("selection.party-group", "Batch", batchId.ToString("D"), new
        {
            decisionId = decision.Id,
            decision.MeetingNumber,
            meetingDate = decision.MeetingDate.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            approved = decision.ApprovedEntries.Select(e => e.ApplicationId),
            notSelected = apps.Where(a => !input.Approved.Contains(a.Id)).Select(a => a.Id),
        }), $"已登记{decision.MeetingNumber}决定：审议通过 {decision.ApprovedEntries.Count} 项。", decision.Id, cancellationToken);
        if (outcome.Succeeded)
        {
            await tx.CommitAsync(cancellationToken);
        }
        return outcome;
    }

    /// <summary>
    /// Publishes the notice today: every application the party group approved goes to 公示中 and onto the notice. The end
    /// date is computed by the domain from the batch's rule set and the holiday calendar (the page showed the same
    /// computation before the confirmation); the notice is public at once.
    /// </summary>
    public async Task<NoticesOutcome> PublishAsync(Guid batchId, NoticeInput input, bool confirmed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (DepartmentUser.Of(db.Actor) is not { } user)
        {
            return NoticesOutcome.Refused(DepartmentUser.NotDepartmentMessage);
        }
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        var batch = await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is null)
        {
            return NoticesOutcome.NotFound();
        }
        var apps = await db.Applications.Where(a => a.BatchId == batchId && a.State == ApplicationState.PartyGroupApproved)
            .OrderBy(a => a.LeagueCode).ThenBy(a => a.WorkshopOrFactoryName).ToListAsync(cancellationToken);
        if (apps.Count == 0)
        {
            return NoticesOutcome.Refused("本批次没有经厅党组会审议通过、待公示的申报");
        }
        if (user.Refusal(ApplicationState.PartyGroupApproved, ApplicationAction.StartPublicNotice) is { } refusal)
        {
            return NoticesOutcome.Refused(refusal);
        }
        var errors = input.Validate().ToList();
        if (errors.Count == 0 && !confirmed)
        {
            errors.Add(new("confirm", "请核对公示期后勾选确认：发布后公示立即向社会公开，不能撤回"));
        }
        if (errors.Count > 0)
        {
            return NoticesOutcome.Invalid(errors);
        }
        var today = ChinaTime.Today(clock);
        var rules = await NoticeCalendar.RulesForAsync(db, batch, cancellationToken);
        var period = NoticePeriod.Compute(today, rules, await NoticeCalendar.LoadAsync(db, cancellationToken));
        var enterpriseIds = apps.Select(a => a.EnterpriseId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => enterpriseIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var notice = new PublicNotice
        {
            BatchId = batchId,
            Title = input.Title!.Trim(),
            PublishedOn = today,
            PeriodLength = period.Length,
            PeriodUnit = period.Unit,
            EndsOn = period.End,
            ObjectionContact = input.ObjectionContact!.Trim(),
        };
        notice.Open(PublicNoticeWorkflow.Decide(notice.State, PublicNoticeAction.Open, user.Roles));
        var order = 0;
        foreach (var app in apps)
        {
            app.Apply(ApplicationWorkflow.Decide(app.State, ApplicationAction.StartPublicNotice, user.Roles));
            notice.Entries.Add(new PublicNoticeEntry
            {
                ApplicationId = app.Id,
                Order = ++order,
                EnterpriseName = names.GetValueOrDefault(app.EnterpriseId, string.Empty),
                WorkshopOrFactoryName = app.WorkshopOrFactoryName,
                LeagueCode = app.LeagueCode,
            });
            await notifications.AddForOrganisationAsync(db, app.EnterpriseId, [ActorRole.EnterpriseApplicant],
                $"您的申报“{app.WorkshopOrFactoryName}”已进入公示，公示期{period.Range}。", $"/notices/{notice.Id:D}", cancellationToken);
        }
        db.PublicNotices.Add(notice);
        var outcome = await NoticesSave.SaveAsync(audit, db, new AuditEvent("notice.publish", "PublicNotice", notice.Id.ToString("D"), new
        {
            batchId,
            notice.Title,
            publishedOn = today.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            length = period.Length,
            unit = period.Unit.ToString(),
            endsOn = period.End.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            explanation = period.Explanation,
            applications = apps.Select(a => a.Id),
        }), $"公示已发布，公示期{period.Range}。", notice.Id, cancellationToken);
        if (outcome.Succeeded)
        {
            await tx.CommitAsync(cancellationToken);
        }
        return outcome;
    }
}
