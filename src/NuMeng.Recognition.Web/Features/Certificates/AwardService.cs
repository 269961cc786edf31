using System.Security.Cryptography;
using NuMeng.Recognition.Web.Features.Notifications;
using NuMeng.Recognition.Web.Features.Batches;

namespace NuMeng.Recognition.Web.Features.Certificates;

/// <summary>
/// 授牌: every published application of a batch is awarded on one day and gets its certificate — a number
/// (<see cref="CertificateNumbering"/>, per award year and kind), the award date, the last valid day five years on
/// (管理办法 第十二条 "授牌有效期为五年，有效期自授牌之日起计算", <see cref="CertificateValidity"/>), a verification code
/// (<see cref="VerificationCode"/> from a CSPRNG) and the enterprise and workshop/factory names as published.
/// </summary>
public sealed class AwardService(Procedure procedure, NotificationService notifications, TimeProvider clock)
{
    /// <summary>Awards the published entries of <paramref name="batchId"/> on <paramref name="awardedOn"/>.</summary>
    public Task<StepOutcome> AwardAsync(Guid batchId, DateOnly? awardedOn, CancellationToken cancellationToken = default)
    {
        var today = ChinaTime.Today(clock);
        var issued = new List<Certificate>();
        return procedure.RunAsync(new Step<PublicationBatch>
        {
            Desk = CertificateDesk.Desk,
            Id = _ => batchId,
            // Numbers and codes are read and written in one serialisable transaction.
            Isolation = IsolationLevel.Serializable,
            Load = step => PublicationService.LoadAsync(step.Db, batchId, today, step.Cancellation),
            AlreadyDone = batch => batch.Publication is not null && Waiting(batch).Count == 0 && batch.Entries.Any(e => e.CertificateId is not null)
                ? "该批次已授牌，无需重复操作" : null,
            Decide = (_, batch) => batch.Publication is null ? Ruling.Refuse("该批次尚未行文公布，不能授牌")
                : Waiting(batch).Count == 0 ? Ruling.Refuse("该批次没有待授牌的企业")
                : Ruling.Allow(),
            Work = async (step, batch) =>
            {
                var publication = batch.Publication!;
                if (awardedOn is not { } on)
                {
                    return StepOutcome.Invalid([new("awardedOn", "请填写授牌日期")], CertificateDesk.InvalidMessage);
                }
                if (on < publication.PublishedOn || on > today)
                {
                    return StepOutcome.Invalid([new("awardedOn",
                        $"授牌日期应在行文公布日（{ChineseDates.Format(publication.PublishedOn)}）至今天（{ChineseDates.Format(today)}）之间")], CertificateDesk.InvalidMessage);
                }
                var waiting = Waiting(batch);
                var db = step.Db;
                var prefix = CertificateNumbering.Prefix(batch.Kind) + "-" + on.Year + "-";
                var existing = await db.Certificates.Where(c => c.Number.StartsWith(prefix)).Select(c => c.Number).ToListAsync(step.Cancellation);
                var numbers = CertificateNumbering.NextMany(batch.Kind, on.Year, existing, waiting.Count);
                var ids = waiting.Select(e => e.ApplicationId).ToList();
                var apps = await db.Applications.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, step.Cancellation);
                // 第十二条 有效期: from the rule-set version the batch names (ADR 0009).
                var validityYears = (await RuleSetResolver.ForBatchAsync(db, batchId, step.Cancellation)).ProcedureFor(batch.Kind).ValidityYears;
                var validUntil = CertificateValidity.ValidUntil(on, validityYears);
                for (var i = 0; i < waiting.Count; i++)
                {
                    var entry = waiting[i];
                    var app = apps[entry.ApplicationId];
                    var ruling = ApplicationWorkflowSteps.Decide(step, app, ApplicationAction.Award);
                    if (ruling.Refusal is { } refusal)
                    {
                        return StepOutcome.Refused(refusal);
                    }
                    ruling.Apply!();
                    var certificate = new Certificate
                    {
                        Number = numbers[i],
                        ApplicationId = app.Id,
                        EnterpriseId = app.EnterpriseId,
                        Kind = app.Kind,
                        PublicationId = publication.Id,
                        AwardedOn = on,
                        ValidUntil = validUntil,
                        VerificationCode = await NewCodeAsync(db, issued, step.Cancellation),
                        EnterpriseName = entry.EnterpriseName,
                        WorkshopOrFactoryName = entry.WorkshopOrFactoryName,
                    };
                    issued.Add(certificate);
                    db.Certificates.Add(certificate);
                    await notifications.AddForOrganisationAsync(db, app.EnterpriseId, [ActorRole.EnterpriseApplicant],
                        $"“{certificate.WorkshopOrFactoryName}”已授牌：{RecognitionKinds.Label(certificate.Kind)}证书 {certificate.Number}，" +
                        $"{CertificateValidity.Describe(on, validUntil)}。", "/recognitions", step.Cancellation);
                }
                return null;
            },
            Audit = (step, batch) => [CertificateAuditKinds.Award.For(batchId, new
            {
                publicationId = batch.Publication!.Id,
                awardedOn,
                validUntil = issued[0].ValidUntil,
                certificates = issued.Select(c => new { certificateId = c.Id, c.Number, c.ApplicationId }),
                by = step.User.DisplayName,
            })],
            Done = _ => $"已授牌，颁发证书 {issued.Count} 张（{issued[0].Number}{(issued.Count > 1 ? " 至 " + issued[^1].Number : "")}）",
        }, cancellationToken);
    }

    private static List<FinalListEntry> Waiting(PublicationBatch batch) => batch.Entries.Where(e => e.State == ApplicationState.Published).ToList();

    /// <summary>A fresh code, unique among the stored ones and those issued in this award.</summary>
    private static async Task<string> NewCodeAsync(RecognitionDbContext db, List<Certificate> issued, CancellationToken cancellationToken)
    {
        while (true)
        {
            var code = VerificationCode.Create(RandomNumberGenerator.GetBytes(VerificationCode.RandomBytes));
            if (issued.All(c => c.VerificationCode != code) && !await db.Certificates.AnyAsync(c => c.VerificationCode == code, cancellationToken))
            {
                return code;
            }
        }
    }
}
