using System.Linq.Expressions;
using NuMeng.Recognition.Web.Features.Notifications;
using NuMeng.Recognition.Web.Infrastructure.Attachments;

namespace NuMeng.Recognition.Web.Features.Certificates;

/// <summary>An evidence file as uploaded.</summary>
public sealed record EvidenceUpload(Stream Content, string FileName);

/// <summary>
/// 撤销称号 (管理办法 第十条（一）–（四）): one of the four grounds (<see cref="RevocationGround"/>), the evidence in words and
/// a file, and the department leader's confirmation (the workflow gives 撤销 to 工信厅负责人). The certificate becomes
/// Revoked, the application 已撤销称号, the enterprise and its bureau are told.
/// </summary>
public sealed class RevocationService(
    IDbContextFactory<RecognitionDbContext> factory, Procedure procedure, NotificationService notifications, IAttachmentStore store, TimeProvider clock)
{
    public const string EvidenceItemKey = "revocation.evidence";

    public const int MaxEvidence = 2000;

    /// <summary>Every revocation, newest first.</summary>
    public async Task<IReadOnlyList<RevocationView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return !CertificateDesk.Admits(db.Actor) ? [] : await ViewsAsync(db, _ => true, cancellationToken);
    }

    /// <summary>Revokes certificate <paramref name="certificateId"/> (its stamp as the form showed it).</summary>
    public Task<StepOutcome> RevokeAsync(Guid certificateId, Guid expectedStamp, RevocationGround? ground, string? evidence,
        EvidenceUpload? file, bool confirmed, CancellationToken cancellationToken = default)
    {
        var text = evidence?.Trim() ?? string.Empty;
        var revocation = new Revocation { CertificateId = certificateId, Evidence = text };
        Attachment? row = null;
        return procedure.RunAsync(new Step<RevocationCase>
        {
            Desk = CertificateDesk.Desk,
            Id = _ => revocation.Id,
            Load = async step => await step.Db.Certificates.FirstOrDefaultAsync(c => c.Id == certificateId, step.Cancellation) is { } certificate
                ? new RevocationCase(certificate, await step.Db.Applications.FirstAsync(a => a.Id == certificate.ApplicationId, step.Cancellation))
                : null,
            AlreadyDone = c => c.Certificate.Status == CertificateStatus.Revoked ? "该证书已撤销，无需重复操作" : null,
            // A missing ground is the form's error below, not the workflow's refusal.
            Decide = (step, c) => ApplicationWorkflowSteps.Decide(step, c.Application, ApplicationAction.Revoke, ground ?? RevocationGround.FalseInformationOrViolation),
            Stamp = expectedStamp,
            StampedRow = c => c.Certificate,
            Work = async (step, c) =>
            {
                var errors = new List<InputError>();
                if (ground is not { } g || !Enum.IsDefined(g))
                {
                    errors.Add(new("ground", "请选择撤销所依据的情形（管理办法第十条（一）至（四）之一）"));
                }
                if (text.Length == 0)
                {
                    errors.Add(new("evidence", "请写明查实的事实和证据"));
                }
                else if (text.Length > MaxEvidence)
                {
                    errors.Add(new("evidence", $"事实和证据不能超过 {MaxEvidence} 个字（当前 {text.Length} 个）"));
                }
                if (file is null)
                {
                    errors.Add(new("evidenceFile", "请上传证据材料（PDF、JPG 或 PNG）"));
                }
                if (!confirmed)
                {
                    errors.Add(new("confirm", "撤销称号不可恢复，请勾选确认"));
                }
                if (errors.Count == 0)
                {
                    var saved = await store.SaveAsync(file!.Content, file.FileName, "evidenceFile", step.Cancellation);
                    errors.AddRange(saved.Errors);
                    if (saved.File is { } f)
                    {
                        row = new Attachment
                        {
                            OwnerOrganisationId = WellKnownIds.Department, ApplicationId = c.Application.Id, ItemKey = EvidenceItemKey,
                            OriginalFileName = f.OriginalFileName, StoredName = f.StoredName, ContentType = f.ContentType,
                            SizeBytes = f.SizeBytes, Sha256 = f.Sha256, UploadedAt = Timestamps.Normalise(clock.GetUtcNow()), UploadedByUserId = step.User.UserId,
                        };
                        step.Db.Attachments.Add(row);
                    }
                }
                if (errors.Count > 0)
                {
                    return StepOutcome.Invalid(errors, CertificateDesk.InvalidMessage);
                }

                var today = ChinaTime.Today(clock);
                var certificate = c.Certificate;
                var revoke = CertificateWorkflow.Decide(certificate.Status, CertificateAction.Revoke, step.User.Roles);
                if (!revoke.Allowed)
                {
                    return StepOutcome.Refused(revoke.Refusal!);
                }
                certificate.Revoke(revoke);
                revocation.ApplicationId = c.Application.Id;
                revocation.Ground = ground!.Value;
                revocation.EvidenceAttachmentId = row!.Id;
                revocation.RevokedOn = today;
                revocation.DecidedByUserId = step.User.UserId;
                step.Db.Revocations.Add(revocation);
                var clause = RevocationGrounds.Clause(ground.Value);
                await notifications.AddForOrganisationAsync(step.Db, c.Application.EnterpriseId, [ActorRole.EnterpriseApplicant],
                    $"自治区工业和信息化厅已依据{clause.Citation}撤销“{certificate.WorkshopOrFactoryName}”的{RecognitionKinds.Label(certificate.Kind)}称号（证书 {certificate.Number}），自{ChineseDates.Format(today)}起证书失效。",
                    "/recognitions", step.Cancellation);
                await notifications.AddForOrganisationAsync(step.Db, WellKnownIds.Bureau(c.Application.LeagueCode), [ActorRole.BureauReviewer, ActorRole.BureauLeader],
                    $"本盟市企业“{certificate.EnterpriseName}”的{RecognitionKinds.Label(certificate.Kind)}称号（证书 {certificate.Number}）已被撤销。", null, step.Cancellation);
                return null;
            },
            Audit = (step, c) => [CertificateAuditKinds.Revoke.For(certificateId, new
            {
                revocationId = revocation.Id,
                applicationId = c.Application.Id,
                number = c.Certificate.Number,
                ground = revocation.Ground.ToString(),
                clause = RevocationGrounds.Clause(revocation.Ground).Citation,
                evidence = text,
                evidenceSha256 = row!.Sha256,
                from = step.Ruling!.From,
                to = c.Application.State.ToString(),
            })],
            Done = c => $"已撤销证书 {c.Certificate.Number}（{RevocationGrounds.Clause(revocation.Ground).Citation}）",
        }, cancellationToken);
    }

    /// <summary>A certificate with its application, as a revocation changes both.</summary>
    private sealed record RevocationCase(Certificate Certificate, Application Application);

    /// <summary>The evidence file of a revocation (department only; through the tenancy filter).</summary>
    public async Task<(Attachment File, Stream Content)?> OpenEvidenceAsync(Guid revocationId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!CertificateDesk.Admits(db.Actor))
        {
            return null;
        }
        var file = await (from r in db.Revocations.AsNoTracking()
                          join a in db.Attachments.AsNoTracking() on r.EvidenceAttachmentId equals a.Id
                          where r.Id == revocationId
                          select a).FirstOrDefaultAsync(cancellationToken);
        return file is null ? null : (file, await store.OpenReadAsync(new StoredFileReference(file.StoredName, file.SizeBytes, file.Sha256), cancellationToken));
    }

    internal static async Task<IReadOnlyList<RevocationView>> ViewsAsync(RecognitionDbContext db, Expression<Func<Revocation, bool>> filter, CancellationToken cancellationToken)
    {
        var rows = await (from r in db.Revocations.AsNoTracking().Where(filter)
                          join c in db.Certificates.AsNoTracking() on r.CertificateId equals c.Id
                          join f in db.Attachments.AsNoTracking() on r.EvidenceAttachmentId equals f.Id into files
                          from f in files.DefaultIfEmpty()
                          join u in db.Users.AsNoTracking() on r.DecidedByUserId equals u.Id into users
                          from u in users.DefaultIfEmpty()
                          orderby r.RevokedOn descending
                          select new RevocationView(r.Id, c.Id, c.Number, c.EnterpriseName, c.WorkshopOrFactoryName, r.Ground, r.Evidence,
                              r.EvidenceAttachmentId, f == null ? null : f.OriginalFileName, r.RevokedOn, u == null ? "" : u.DisplayName))
                         .ToListAsync(cancellationToken);
        return rows;
    }
}
