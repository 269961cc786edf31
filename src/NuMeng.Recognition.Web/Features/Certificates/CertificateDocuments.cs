using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Documents.Procedure;
using NuMeng.Recognition.Web.Api.Records;
using NuMeng.Recognition.Web.Features.Batches;
using NuMeng.Recognition.Web.Features.Documents;

namespace NuMeng.Recognition.Web.Features.Certificates;

/// <summary>
/// Recognition's papers: the published list (认定名单), a certificate, a revocation notice.
/// Each reads its record through the caller's tenancy filters (<see cref="DocumentLoader"/>); the endpoint is
/// <see cref="DocumentEndpoints"/>.
/// </summary>
public sealed class CertificateDocuments(RecognitionDbContext db, DocumentOptions options, TimeProvider clock) : DocumentLoader(db, options, clock)
{
    /// <summary>
    /// 认定名单 as published (行文公布, public). The certificates listed are read through
    /// <see cref="UnfilteredQueries.PublishedListAsync"/>: a published list is public, its rows are not the reader's.
    /// </summary>
    public async Task<PrintedDocument?> PublicationListAsync(Guid publicationId, CancellationToken cancellationToken)
    {
        var publication = await Db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Id == publicationId, cancellationToken);
        var batch = publication is null ? null : await Db.Batches.AsNoTracking().Where(b => b.Id == publication.BatchId)
            .Select(b => new { b.Title, b.Kind }).FirstOrDefaultAsync(cancellationToken);
        if (publication is null || batch is null)
        {
            return null;
        }
        var listed = await UnfilteredQueries.PublishedListAsync(Db, publicationId, cancellationToken);
        var entries = listed.Select((c, i) => new ListedEntry(i + 1, c.EnterpriseName, League(c.LeagueCode), c.WorkshopOrFactoryName,
            RecognitionKinds.Label(c.Kind), c.Number)).ToList();
        var validity = (await RuleSetResolver.ForBatchAsync(Db, publication.BatchId, cancellationToken)).ProcedureFor(batch.Kind) is { } procedure
            ? $"称号有效期{procedure.ValidityYears}年，自授牌之日起计算（{procedure.ValidityClause.Citation}）。"
            : string.Empty;
        var model = new PublicationListModel(Options.DepartmentName, publication.DocumentNumber, publication.Title, batch.Title,
            publication.PublishedOn, validity, entries);
        var hash = ProcedureDocuments.ListHash([publication.DocumentNumber, .. entries.Select(e => $"{e.CertificateNumber}|{e.EnterpriseName}|{e.WorkshopOrFactoryName}")]);
        var stamp = Stamp("认定名单", "publication", publication.DocumentNumber, hash, "名单数据");
        return new PrintedDocument(typeof(PublicationListDocument), model, stamp, PageSetup.Portrait, $"认定名单-{publication.DocumentNumber}.pdf");
    }

    /// <summary>
    /// 证书 (A4 landscape): what the certificate record says, its QR code and verification code leading to
    /// <c>{PublicBaseUrl}/verify?code=…</c>, and in the footer the hash of the version it was awarded on.
    /// </summary>
    public async Task<PrintedDocument?> CertificateAsync(Guid certificateId, CancellationToken cancellationToken)
    {
        var certificate = await Db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == certificateId, cancellationToken);
        if (certificate is null)
        {
            return null;
        }
        var version = await VersionAsync(certificate.ApplicationId, null, cancellationToken);
        var publication = certificate.PublicationId is { } p
            ? await Db.Publications.AsNoTracking().Where(x => x.Id == p).Select(x => x.DocumentNumber).FirstOrDefaultAsync(cancellationToken)
            : null;
        var url = Options.VerificationUrl(certificate.VerificationCode);
        var model = new CertificateModel(Options.DepartmentName, certificate.Number, certificate.EnterpriseName, certificate.WorkshopOrFactoryName,
            certificate.Kind, certificate.AwardedOn, certificate.ValidUntil, certificate.VerificationCode, url, ProcedureDocuments.QrSvg(url),
            publication, Labels.Certificate(certificate.Status));
        var stamp = new NuMeng.Recognition.Documents.DocumentStamp
        {
            Title = "证书",
            DocumentNumber = certificate.Number,
            GeneratedAt = Now,
            SourceSha256 = version?.Hash,
            SourceLabel = "申报版本",
            // The certificate's own code: the one the public verification page checks.
            VerificationCode = certificate.VerificationCode,
        };
        return new PrintedDocument(typeof(CertificateDocument), model, stamp, PageSetup.Certificate, $"证书-{certificate.Number}.pdf");
    }

    /// <summary>撤销通知: the ground in the words of 管理办法 第十条, the evidence, the date and the authority.</summary>
    public async Task<PrintedDocument?> RevocationNoticeAsync(Guid revocationId, CancellationToken cancellationToken)
    {
        var revocation = await Db.Revocations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revocationId, cancellationToken);
        var certificate = revocation is null ? null : await Db.Certificates.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == revocation.CertificateId, cancellationToken);
        if (revocation is null || certificate is null)
        {
            return null;
        }
        var version = await VersionAsync(revocation.ApplicationId, null, cancellationToken);
        var publication = certificate.PublicationId is { } p
            ? await Db.Publications.AsNoTracking().Where(x => x.Id == p).Select(x => x.DocumentNumber).FirstOrDefaultAsync(cancellationToken)
            : null;
        var model = new RevocationNoticeModel(Options.DepartmentName, certificate.Number, certificate.EnterpriseName, certificate.WorkshopOrFactoryName,
            certificate.Kind, certificate.AwardedOn, publication, revocation.Ground, revocation.Evidence.TrimEnd('。'), revocation.RevokedOn,
            await UserNameAsync(revocation.DecidedByUserId, cancellationToken));
        var stamp = Stamp("撤销通知", "revocation", $"CX-{certificate.Number}", version?.Hash);
        return new PrintedDocument(typeof(RevocationNoticeDocument), model, stamp, PageSetup.Portrait, $"撤销通知-{certificate.Number}.pdf");
    }
}
