using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Web.Infrastructure.Attachments;
using NuMeng.Recognition.Web.Features.Batches;

namespace NuMeng.Recognition.Web.Features.Applications;

/// <summary>
/// Evidence files of a draft: an upload is checked and stored by <see cref="IAttachmentStore"/> (type by content, size),
/// recorded as an attachment row and listed under its item in the draft, in one save with the draft's stamp and an
/// audit entry. A removed file is only marked removed: a frozen version may still list it.
/// </summary>
public sealed class ApplicationEvidence(IDbContextFactory<RecognitionDbContext> factory, ICurrentActor actor, IAuditLog audit, IAttachmentStore store, TimeProvider clock)
{
    /// <summary>Stores <paramref name="file"/> as evidence of <paramref name="itemKey"/> and saves <paramref name="content"/> with it.</summary>
    public async Task<ServiceResult<EvidenceChange>> AddAsync(Guid id, string itemKey, Stream file, string fileName, ApplicationContent content, Guid stamp, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var db = await factory.CreateDbContextAsync(ct);
        var (app, error) = await EditableAsync(db, id, ct);
        if (app is null)
        {
            return ServiceResult.Fail<EvidenceChange>(error!);
        }
        var item = EvidenceItems.For(app.Kind, await RuleSetResolver.ForBatchAsync(db, app.BatchId, ct), content)
            .FirstOrDefault(i => i.Key == itemKey);
        if (item is null)
        {
            return ServiceResult.Fail<EvidenceChange>($"“{itemKey}”不是本类申报的证明材料项目。");
        }
        var saved = await store.SaveAsync(file, fileName, $"evidence.{itemKey}", ct);
        if (!saved.Succeeded)
        {
            return ServiceResult.Blocked<EvidenceChange>(saved.Errors);
        }
        var stored = saved.File!;
        var attachment = new Attachment
        {
            OwnerOrganisationId = app.EnterpriseId,
            ApplicationId = app.Id,
            ItemKey = itemKey,
            OriginalFileName = stored.OriginalFileName,
            StoredName = stored.StoredName,
            ContentType = stored.ContentType,
            SizeBytes = stored.SizeBytes,
            Sha256 = stored.Sha256,
            UploadedAt = clock.GetUtcNow(),
            UploadedByUserId = actor.UserId ?? Guid.Empty,
        };
        db.Attachments.Add(attachment);
        var updated = content.WithEvidence(itemKey, [.. content.EvidenceFor(itemKey), attachment.Id]);
        var result = await SaveAsync(db, app, updated, stamp, new AuditEvent("application.evidence.add", nameof(Application), app.Id.ToString(),
            new { item = itemKey, file = stored.OriginalFileName, size = stored.SizeBytes, sha256 = stored.Sha256 }), ct);
        return result ?? ServiceResult.Ok<EvidenceChange>(new EvidenceChange(updated, app.ConcurrencyStamp, app.UpdatedAt,
            new EvidenceFile(attachment.Id, itemKey, attachment.OriginalFileName, attachment.SizeBytes, attachment.Sha256, attachment.UploadedAt)));
    }

    /// <summary>Takes a file off the draft (marked removed, never deleted) and saves <paramref name="content"/> without it.</summary>
    public async Task<ServiceResult<EvidenceChange>> RemoveAsync(Guid id, Guid attachmentId, ApplicationContent content, Guid stamp, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var db = await factory.CreateDbContextAsync(ct);
        var (app, error) = await EditableAsync(db, id, ct);
        if (app is null)
        {
            return ServiceResult.Fail<EvidenceChange>(error!);
        }
        var attachment = await db.Attachments.FirstOrDefaultAsync(f => f.Id == attachmentId && f.ApplicationId == id && f.RemovedAt == null, ct);
        if (attachment is null)
        {
            return ServiceResult.Fail<EvidenceChange>("未找到该附件，可能已被删除。");
        }
        attachment.RemovedAt = clock.GetUtcNow();
        var updated = content.WithEvidence(attachment.ItemKey, content.EvidenceFor(attachment.ItemKey).Where(x => x != attachmentId).ToList());
        var result = await SaveAsync(db, app, updated, stamp, new AuditEvent("application.evidence.remove", nameof(Application), app.Id.ToString(),
            new { item = attachment.ItemKey, file = attachment.OriginalFileName, sha256 = attachment.Sha256 }), ct);
        return result ?? ServiceResult.Ok<EvidenceChange>(new EvidenceChange(updated, app.ConcurrencyStamp, app.UpdatedAt, null));
    }

    private async Task<(Application? App, string? Error)> EditableAsync(RecognitionDbContext db, Guid id, CancellationToken ct)
    {
        var app = await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (app is null || !actor.Roles.Contains(ActorRole.EnterpriseApplicant))
        {
            return (null, ApplicationDrafts.NotFound);
        }
        return ApplicationStages.EditableByEnterprise.Contains(app.State)
            ? (app, null)
            : (null, $"该申报当前状态为“{WorkflowLabels.State(app.State)}”，不能再更改证明材料。");
    }

    private async Task<ServiceResult<EvidenceChange>?> SaveAsync(RecognitionDbContext db, Application app, ApplicationContent updated, Guid stamp, AuditEvent auditEvent, CancellationToken ct)
    {
        Data.Common.ConcurrencyConflict.ExpectStamp(db, app, stamp);
        app.CurrentDraftJson = updated.ToJson();
        try
        {
            await audit.AppendAsync(db, auditEvent, ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult.Fail<EvidenceChange>(ApplicationDrafts.ConflictMessage);
        }
    }
}
