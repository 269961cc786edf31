using Microsoft.EntityFrameworkCore;
using NuMeng.Recognition.Documents.Html;
using NuMeng.Recognition.Documents.Procedure;
using NuMeng.Recognition.Web.Api.Records;

namespace NuMeng.Recognition.Web.Features.Documents;

public sealed partial class DocumentLoader
{
    /// <summary>
    /// 证书 (A4 landscape): what the certificate record says, its QR code and verification code leading to
    /// <c>{PublicBaseUrl}/verify?code=…</c>, and in the footer the hash of the version it was awarded on.
    /// </summary>
    public async Task<PrintedDocument?> CertificateAsync(Guid certificateId, CancellationToken cancellationToken)
    {
        var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == certificateId, cancellationToken);
        if (certificate is null)
        {
            return null;
        }
        var version = await VersionAsync(certificate.ApplicationId, null, cancellationToken);
        var publication = certificate.PublicationId is { } p
            ? await db.Publications.AsNoTracking().Where(x => x.Id == p).Select(x => x.DocumentNumber).FirstOrDefaultAsync(cancellationToken)
            : null;
        var url = options.VerificationUrl(certificate.VerificationCode);
        var model = new CertificateModel(options.DepartmentName, certificate.Number, certificate.EnterpriseName, certificate.WorkshopOrFactoryName,
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
        var revocation = await db.Revocations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revocationId, cancellationToken);
        var certificate = revocation is null ? null : await db.Certificates.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == revocation.CertificateId, cancellationToken);
        if (revocation is null || certificate is null)
        {
            return null;
        }
        var version = await VersionAsync(revocation.ApplicationId, null, cancellationToken);
        var publication = certificate.PublicationId is { } p
            ? await db.Publications.AsNoTracking().Where(x => x.Id == p).Select(x => x.DocumentNumber).FirstOrDefaultAsync(cancellationToken)
            : null;
        var model = new RevocationNoticeModel(options.DepartmentName, certificate.Number, certificate.EnterpriseName, certificate.WorkshopOrFactoryName,
            certificate.Kind, certificate.AwardedOn, publication, revocation.Ground, revocation.Evidence.TrimEnd('。'), revocation.RevokedOn,
            await UserNameAsync(revocation.DecidedByUserId, cancellationToken));
        var stamp = Stamp("撤销通知", "revocation", $"CX-{certificate.Number}", version?.Hash);
        return new PrintedDocument(typeof(RevocationNoticeDocument), model, stamp, PageSetup.Portrait, $"撤销通知-{certificate.Number}.pdf");
    }
}
