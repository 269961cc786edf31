using NuMeng.Recognition.Web.Features.Notifications;

namespace NuMeng.Recognition.Web.Features.Certificates;

/// <summary>
/// 行文公布 (管理办法 第八条: "公示期 5 天，无异议后行文公布"). The department publishes a batch's final list by official
/// document once the notice period has ended and every objection is decided (<see cref="PublicationReadiness"/>), after
/// declaring that the credit record was re-checked at the end of the notice (docs/rule-reference.md §9). The final list is the notice's
/// entries minus those an upheld objection removed (异议成立) and those struck at the credit re-check (不予入选).
/// </summary>
public sealed class PublicationService(
    IDbContextFactory<RecognitionDbContext> factory, Procedure procedure, NotificationService notifications, TimeProvider clock)
{
    /// <summary>The batches with a notice that is or was public, newest notice first.</summary>
    public async Task<IReadOnlyList<PublicationBatch>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!CertificateDesk.Admits(db.Actor))
        {
            return [];
        }
        var noticeIds = await db.PublicNotices.AsNoTracking()
            .Where(n => n.State != PublicNoticeState.Draft)
            .OrderByDescending(n => n.PublishedOn)
            .Select(n => new { n.Id, n.BatchId })
            .ToListAsync(cancellationToken);
        var list = new List<PublicationBatch>();
        foreach (var id in noticeIds.DistinctBy(n => n.BatchId))
        {
            list.Add((await LoadAsync(db, id.BatchId, ChinaTime.Today(clock), cancellationToken))!);
        }
        return list;
    }

    /// <summary>One batch's notice and final list (null when the batch has had no public notice).</summary>
    public async Task<PublicationBatch?> FindAsync(Guid batchId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return !CertificateDesk.Admits(db.Actor) ? null : await LoadAsync(db, batchId, ChinaTime.Today(clock), cancellationToken);
    }

    /// <summary>Publishes the final list of <paramref name="batchId"/> (see the class remarks).</summary>
    public Task<StepOutcome> PublishAsync(Guid batchId, PublicationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var today = ChinaTime.Today(clock);
        var number = input.DocumentNumber?.Trim() ?? string.Empty;
        var publication = new Publication { BatchId = batchId, DocumentNumber = number, Title = input.Title?.Trim() ?? string.Empty, PublishedOn = input.PublishedOn ?? today };
        var published = new List<object>();
        var struck = new List<object>();
        return procedure.RunAsync(new Step<PublicationBatch>
        {
            Desk = CertificateDesk.Desk,
            Id = _ => publication.Id,
            Load = step => LoadAsync(step.Db, batchId, today, step.Cancellation),
            AlreadyDone = batch => batch.Publication is { } done ? $"该批次已行文公布（{done.DocumentNumber}），无需重复操作" : null,
            Decide = (_, batch) => batch.Readiness.IsReady ? Ruling.Allow() : Ruling.Refuse("暂不能行文公布：" + string.Join("", batch.Readiness.Reasons)),
            Work = async (step, batch) =>
            {
                var errors = input.Validate(batch.NoticeEndsOn, today).ToList();
                var onNotice = batch.Entries.Where(e => e.State == ApplicationState.InPublicNotice).Select(e => e.ApplicationId).ToHashSet();
                if (input.CreditFailures.Any(id => !onNotice.Contains(id)))
                {
                    errors.Add(new("creditFailures", "信用复核未通过的企业须是本次公示名单中的企业"));
                }
                if (errors.Count == 0 && await step.Db.Publications.AnyAsync(p => p.DocumentNumber == number, step.Cancellation))
                {
                    errors.Add(new("documentNumber", $"文号“{number}”已被其他公布文件使用"));
                }
                if (errors.Count > 0)
                {
                    return StepOutcome.Invalid(errors, CertificateDesk.InvalidMessage);
                }
                foreach (var app in await step.Db.Applications.Where(a => onNotice.Contains(a.Id)).ToListAsync(step.Cancellation))
                {
                    var action = input.CreditFailures.Contains(app.Id) ? ApplicationAction.NotSelect : ApplicationAction.Publish;
                    var ruling = ApplicationWorkflowSteps.Decide(step, app, action);
                    if (ruling.Refusal is { } refusal)
                    {
                        return StepOutcome.Refused(refusal);
                    }
                    ruling.Apply!();
                    (action == ApplicationAction.Publish ? published : struck).Add(new { applicationId = app.Id, name = app.WorkshopOrFactoryName });
                    await notifications.AddForOrganisationAsync(step.Db, app.EnterpriseId, [ActorRole.EnterpriseApplicant],
                        action == ApplicationAction.Publish
                            ? $"“{app.WorkshopOrFactoryName}”已通过认定，自治区工业和信息化厅已行文公布（{number}）。授牌后可在“我的认定”中查看证书。"
                            : $"“{app.WorkshopOrFactoryName}”在公示期满信用复核中未通过，不予认定。如有异议请与自治区工业和信息化厅联系。",
                        $"/applications/{app.Id:D}", step.Cancellation);
                }
                step.Db.Publications.Add(publication);
                var notice = await step.Db.PublicNotices.FirstAsync(n => n.Id == batch.NoticeId, step.Cancellation);
                if (notice.State == PublicNoticeState.Open)
                {
                    notice.Close(PublicNoticeWorkflow.Decide(notice.State, PublicNoticeAction.Close, step.User.Roles)); // the period is over (checked above)
                }
                return null;
            },
            Audit = (step, batch) => [CertificateAuditKinds.Publish.For(publication.Id, new
            {
                batchId,
                noticeId = batch.NoticeId,
                documentNumber = number,
                title = publication.Title,
                publishedOn = publication.PublishedOn,
                // 公示期满信用复核: the declaration is part of the record.
                creditRechecked = input.CreditRechecked,
                creditNote = input.CreditNote?.Trim(),
                published,
                notSelectedAtCreditRecheck = struck,
                removedAfterObjection = batch.Entries.Where(e => e.State == ApplicationState.RemovedAfterObjection).Select(e => e.ApplicationId),
                by = step.User.DisplayName,
            })],
            Done = _ => $"已行文公布（{number}），认定名单 {published.Count} 家",
        }, cancellationToken);
    }

    internal static async Task<PublicationBatch?> LoadAsync(RecognitionDbContext db, Guid batchId, DateOnly today, CancellationToken cancellationToken)
    {
        var notice = await db.PublicNotices.AsNoTracking()
            .Where(n => n.BatchId == batchId && n.State != PublicNoticeState.Draft)
            .OrderByDescending(n => n.PublishedOn)
            .Select(n => new { n.Id, n.Title, n.PublishedOn, n.EndsOn })
            .FirstOrDefaultAsync(cancellationToken);
        var batch = await db.Batches.AsNoTracking().Where(b => b.Id == batchId).Select(b => new { b.Title, b.Kind }).FirstOrDefaultAsync(cancellationToken);
        if (notice is null || batch is null)
        {
            return null;
        }
        var entries = await (
                from e in db.PublicNoticeEntries.AsNoTracking()
                join a in db.Applications.AsNoTracking() on e.ApplicationId equals a.Id
                where e.PublicNoticeId == notice.Id
                orderby e.Order
                select new { e.ApplicationId, e.Order, e.EnterpriseName, e.WorkshopOrFactoryName, e.LeagueCode, a.State })
            .ToListAsync(cancellationToken);
        var ids = entries.Select(e => e.ApplicationId).ToList();
        var certificates = await db.Certificates.AsNoTracking().Where(c => ids.Contains(c.ApplicationId))
            .Select(c => new { c.ApplicationId, c.Id, c.Number }).ToListAsync(cancellationToken);
        var objections = await ObjectionStatusesAsync(db, notice.Id, cancellationToken);
        var publication = await db.Publications.AsNoTracking().Where(p => p.BatchId == batchId)
            .OrderByDescending(p => p.PublishedOn)
            .Select(p => new PublishedDocument(p.Id, p.DocumentNumber, p.Title, p.PublishedOn))
            .FirstOrDefaultAsync(cancellationToken);
        // A publication older than this notice belongs to an earlier list of the batch.
        if (publication is not null && publication.PublishedOn <= notice.EndsOn)
        {
            publication = null;
        }
        return new PublicationBatch(batchId, batch.Title, batch.Kind, notice.Id, notice.Title, notice.PublishedOn, notice.EndsOn,
            entries.Select(e =>
            {
                var c = certificates.FirstOrDefault(x => x.ApplicationId == e.ApplicationId);
                return new FinalListEntry(e.ApplicationId, e.Order, e.EnterpriseName, e.WorkshopOrFactoryName, e.LeagueCode, e.State, c?.Id, c?.Number);
            }).ToList(),
            objections.Count, PublicationReadiness.Check(notice.EndsOn, today, objections), publication);
    }

    private static async Task<IReadOnlyList<ObjectionStatus>> ObjectionStatusesAsync(RecognitionDbContext db, Guid noticeId, CancellationToken cancellationToken)
    {
        var rows = await (
                from o in db.Objections.AsNoTracking()
                join a in db.Applications.AsNoTracking() on o.ApplicationId equals a.Id
                where o.PublicNoticeId == noticeId
                orderby o.ReceivedAt
                select new { o.CaseNumber, a.WorkshopOrFactoryName, o.State })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ObjectionStatus(string.IsNullOrEmpty(r.CaseNumber) ? "未编号异议" : r.CaseNumber, r.WorkshopOrFactoryName,
            r.State is ObjectionState.Upheld or ObjectionState.Dismissed)).ToList();
    }
}
