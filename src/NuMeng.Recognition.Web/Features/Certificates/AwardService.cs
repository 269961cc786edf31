using System.Data;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Data;
using NuMeng.Recognition.Data.Auditing;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Domain.Calendar;
using NuMeng.Recognition.Domain.Certificates;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;
using NuMeng.Recognition.Web.Features.Notifications;
using NuMeng.Recognition.Web.Features.Batches;

namespace NuMeng.Recognition.Web.Features.Certificates;

/// <summary>
/// 授牌: every published application of a batch is awarded on one day and gets its certificate — a number
/// (<see cref="CertificateNumbering"/>, per award year and kind), the award date, the last valid day five years on
/// (管理办法 第十二条 "授牌有效期为五年，有效期自授牌之日起计算", <see cref="CertificateValidity"/>), a verification code
/// (<see cref="VerificationCode"/> from a CSPRNG) and the enterprise and workshop/factory names as published.
/// </summary>
public sealed class AwardService(
    IDbContextFactory<RecognitionDbContext> factory, IAuditLog audit, NotificationService notifications, TimeProvider clock)
{
    /// <summary>Awards the published entries of <paramref name="batchId"/> on <paramref name="awardedOn"/>.</summary>
    public async Task<CertificateOutcome> AwardAsync(Guid batchId, DateOnly? awardedOn, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (CertificateActor.Of(db.Actor, ApplicationAction.Award) is not { } actor)
        {
            return CertificateOutcome.Refused(CertificateActor.NotDepartmentMessage);
        }
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        var today = ChinaTime.Today(clock);
        var batch = await PublicationService.LoadAsync(db, batchId, today, cancellationToken);
        if (batch?.Publication is not { } publication)
        {
            return batch is null ? CertificateOutcome.NotFound() : CertificateOutcome.Refused("该批次尚未行文公布，不能授牌");
        }
        var waiting = batch.Entries.Where(e => e.State == ApplicationState.Published).ToList();
        if (waiting.Count == 0)
        {
            return batch.Entries.Any(e => e.CertificateId is not null)
                ? CertificateOutcome.AlreadyDone("该批次已授牌，无需重复操作")
                : CertificateOutcome.Refused("该批次没有待授牌的企业");
        }
        if (awardedOn is not { } on)
        {
            return CertificateOutcome.Invalid([new("awardedOn", "请填写授牌日期")]);
        }
        if (on < publication.PublishedOn || on > today)
        {
            return CertificateOutcome.Invalid([new("awardedOn",
                $"授牌日期应在行文公布日（{ChineseDates.Format(publication.PublishedOn)}）至今天（{ChineseDates.Format(today)}）之间")]);
        }

        var prefix = CertificateNumbering.Prefix(batch.Kind) + "-" + on.Year + "-";
        var existing = await db.Certificates.Where(c => c.Number.StartsWith(prefix)).Select(c => c.Number).ToListAsync(cancellationToken);
        var numbers = CertificateNumbering.NextMany(batch.Kind, on.Year, existing, waiting.Count);
        var ids = waiting.Select(e => e.ApplicationId).ToList();
        var apps = await db.Applications.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        // 第十二条 有效期: from the rule-set version the batch names (ADR 0009).
        var validityYears = (await RuleSetResolver.ForBatchAsync(db, batchId, cancellationToken)).ProcedureFor(batch.Kind).ValidityYears;
        var validUntil = CertificateValidity.ValidUntil(on, validityYears);
        var issued = new List<Certificate>();
        for (var i = 0; i < waiting.Count; i++)
        {
            var entry = waiting[i];
            var app = apps[entry.ApplicationId];
            if (actor.Refusal(app.State, ApplicationAction.Award) is { } refusal)
            {
                return CertificateOutcome.Refused(refusal);
            }
            app.Apply(ApplicationWorkflow.Decide(app.State, ApplicationAction.Award, [actor.Role]));
            var certificate = new Certificate
            {
                Number = numbers[i],
                ApplicationId = app.Id,
                EnterpriseId = app.EnterpriseId,
                Kind = app.Kind,
                PublicationId = publication.Id,
                AwardedOn = on,
                ValidUntil = validUntil,
                VerificationCode = await NewCodeAsync(db, issued, cancellationToken),
                EnterpriseName = entry.EnterpriseName,
                WorkshopOrFactoryName = entry.WorkshopOrFactoryName,
            };
            issued.Add(certificate);
            db.Certificates.Add(certificate);
            await notifications.AddForOrganisationAsync(db, app.EnterpriseId, [ActorRole.EnterpriseApplicant],
                $"“{certificate.WorkshopOrFactoryName}”已授牌：{RecognitionKinds.Label(certificate.Kind)}证书 {certificate.Number}，" +
                $"{CertificateValidity.Describe(on, validUntil)}。", "/recognitions", cancellationToken);
        }
        var outcome = await CertificateOutcome.SaveAsync(audit, db, new AuditEvent("certificate.award", "Batch", batchId.ToString("D"), new
        {
            publicationId = publication.Id,
            awardedOn = on,
            validUntil,
            certificates = issued.Select(c => new { certificateId = c.Id, c.Number, c.ApplicationId }),
            by = actor.DisplayName,
        }), $"已授牌，颁发证书 {issued.Count} 张（{issued[0].Number}{(issued.Count > 1 ? " 至 " + issued[^1].Number : "")}）", batchId, cancellationToken);
        if (outcome.Succeeded)
        {
            await tx.CommitAsync(cancellationToken);
        }
        return outcome;
    }

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
