using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Web.Features.Notifications;
using NuMeng.Recognition.Web.Infrastructure.Attachments;

namespace NuMeng.Recognition.Web.Features.Notices;

/// <summary>What the public objection form posts.</summary>
public sealed record ObjectionForm(ObjectorType? Type, Guid? ApplicationId, string? Name, string? Contact, string? Content);

/// <summary>The signed or sealed scan uploaded with the form.</summary>
public sealed record ObjectionScan(Stream Content, string FileName, long Length);

/// <summary>How a submission ended.</summary>
public enum ObjectionIntakeKind
{
    /// <summary>Registered: the case number is given to the objector.</summary>
    Accepted,
    /// <summary>Something is missing or wrong: the form again with the reasons.</summary>
    Invalid,
    /// <summary>Outside the objection window: refused whatever the content.</summary>
    Closed,
    /// <summary>No such published notice.</summary>
    NotFound,
}

/// <summary>The result of <see cref="ObjectionIntakeService.SubmitAsync"/>.</summary>
public sealed record ObjectionIntakeResult(ObjectionIntakeKind Kind, string? CaseNumber, string? Message, IReadOnlyList<InputError> Errors)
{
    public static ObjectionIntakeResult Invalid(IReadOnlyList<InputError> errors) => new(ObjectionIntakeKind.Invalid, null, null, errors);
}

/// <summary>
/// Registers an objection from the public form (no account). docs/rule-reference.md §9: written and signed (individual: real name,
/// contact, signed scan; unit: name, contact, sealed scan), anonymous refused, accepted only within the window
/// (<see cref="ObjectionWindow"/>: publication day … computed end, inclusive), a case with a number, identity confidential.
/// <para>
/// Confidentiality of the scan: the attachment row is owned by the department (<see cref="WellKnownIds.Department"/>) and
/// carries no application id, so the tenancy filter on attachments lets only the department read it (not the uploader,
/// who has no organisation, not the enterprise, not the bureau). The objection row itself is department-only. Its
/// <c>UploadedByUserId</c> (a required account) is the department's staff desk that receives it.
/// </para>
/// </summary>
public sealed class ObjectionIntakeService(
    IDbContextFactory<RecognitionDbContext> factory, IAttachmentStore store, IAuditLog audit, NotificationService notifications,
    NotificationRecipients recipients, TimeProvider clock)
{
    /// <summary>The attachment item key of an objector's scan.</summary>
    public const string ScanItemKey = "objection.signedScan";

    public async Task<ObjectionIntakeResult> SubmitAsync(Guid noticeId, ObjectionForm form, ObjectionScan? scan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var notice = await db.PublicNotices.AsNoTracking().Include(n => n.Entries)
            .FirstOrDefaultAsync(n => n.Id == noticeId && n.State != PublicNoticeState.Draft, cancellationToken);
        if (notice is null)
        {
            return new(ObjectionIntakeKind.NotFound, null, "未找到该公示", []);
        }
        var calendar = await NoticeCalendar.LoadAsync(db, cancellationToken);
        var window = NoticeCalendar.WindowOf(notice.PublishedOn, notice.PeriodLength, notice.PeriodUnit, notice.EndsOn, calendar);
        var today = ChinaTime.Today(clock);
        if (window.RefusalOn(today) is { } refusal)
        {
            return new(ObjectionIntakeKind.Closed, null, refusal, []);
        }
        if (notice.State == PublicNoticeState.Closed)
        {
            return new(ObjectionIntakeKind.Closed, null, "该公示已结束，不再受理异议。", []);
        }

        var submission = new ObjectionSubmission(form.Type, form.Name, form.Contact, form.Content, scan is { Length: > 0 });
        var errors = submission.Validate().ToList();
        var entry = notice.Entries.FirstOrDefault(e => e.ApplicationId == form.ApplicationId);
        if (entry is null)
        {
            errors.Insert(0, new InputError("applicationId", "请选择异议针对的公示对象（企业及车间/工厂）"));
        }
        if (errors.Count > 0)
        {
            return ObjectionIntakeResult.Invalid(errors);
        }
        // Attachment.UploadedByUserId must name an account, and the public has none: the file is recorded as received by
        // the department's staff desk (the first active 工信厅经办人, a stable choice); the audit entry says it came from the
        // public form. No department staff account at all means nobody could handle the case: refuse rather than lose it.
        var desk = (await recipients.UsersOfAsync(WellKnownIds.Department, [ActorRole.DepartmentStaff], cancellationToken)).Order().FirstOrDefault();
        if (desk == Guid.Empty)
        {
            return new(ObjectionIntakeKind.Closed, null, "在线受理暂不可用，请按公示所列联系方式提交书面异议。", []);
        }
        var saved = await store.SaveAsync(scan!.Content, scan.FileName, "scan", cancellationToken);
        if (!saved.Succeeded)
        {
            return ObjectionIntakeResult.Invalid(saved.Errors);
        }

        var now = Timestamps.Normalise(clock.GetUtcNow());
        var file = saved.File!;
        var attachment = new Attachment
        {
            OwnerOrganisationId = WellKnownIds.Department,
            ApplicationId = null,
            ItemKey = ScanItemKey,
            OriginalFileName = file.OriginalFileName,
            StoredName = file.StoredName,
            ContentType = file.ContentType,
            SizeBytes = file.SizeBytes,
            Sha256 = file.Sha256,
            UploadedAt = now,
            UploadedByUserId = desk,
        };
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        var numbers = await UnfilteredQueries.ObjectionCaseNumbersOfYearAsync(db, today.Year, cancellationToken);
        var objection = new Objection
        {
            PublicNoticeId = notice.Id,
            ApplicationId = entry!.ApplicationId,
            ObjectorKind = form.Type == ObjectorType.Unit ? ObjectorKind.Unit : ObjectorKind.Individual,
            ObjectorName = form.Name!.Trim(),
            Contact = form.Contact!.Trim(),
            Content = form.Content!.Trim(),
            SignedScanAttachmentId = attachment.Id,
            Confidential = true,
            ReceivedAt = now,
            CaseNumber = ObjectionCaseNumber.Next(today.Year, numbers),
        };
        db.Attachments.Add(attachment);
        db.Objections.Add(objection);
        await notifications.AddForOrganisationAsync(db, WellKnownIds.Department, [ActorRole.DepartmentStaff],
            $"收到对公示对象“{entry.EnterpriseName} {entry.WorkshopOrFactoryName}”的异议（{objection.CaseNumber}），请核实。",
            $"/selection/objections/{objection.Id:D}", cancellationToken);
        // The audit entry names the case, never the objector (the audit administrator reads the log).
        await audit.AppendAsync(db, AuditKinds.ObjectionReceive.For(objection.Id, new
        {
            caseNumber = objection.CaseNumber,
            noticeId = notice.Id,
            applicationId = objection.ApplicationId,
            objectorKind = objection.ObjectorKind.ToString(),
            via = "public-form",
            scanRecordedFor = desk,
            scanSha256 = attachment.Sha256,
        }), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new(ObjectionIntakeKind.Accepted, objection.CaseNumber, $"异议已受理，案件编号 {objection.CaseNumber}。", []);
    }
}
