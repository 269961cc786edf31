namespace NuMeng.Recognition.Data.Tenancy;

public static partial class UnfilteredQueries
{
    /// <summary>
    /// Public certificate verification by number <em>or</em> verification code (the /verify page, no account; the QR code on
    /// the certificate carries the code). Safe because it returns only what the certificate itself says and what the
    /// department publishes anyway (行文公布 lists the recognised enterprises and workshops by name; a revocation is a public
    /// act), plus the revocation's date and ground item — never the evidence, the application or any other row. Exactly one
    /// of the two keys is used: the number when given, otherwise the code (stored without separators, in capitals).
    /// </summary>
    public static Task<PublicCertificate?> FindCertificateForPublicAsync(
        RecognitionDbContext db, string? number, string? verificationCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var n = number?.Trim().ToUpperInvariant() ?? string.Empty;
        var code = verificationCode?.Trim().ToUpperInvariant() ?? string.Empty;
        if (n.Length == 0 && code.Length == 0)
        {
            return Task.FromResult<PublicCertificate?>(null);
        }
        var certificates = db.Certificates.IgnoreQueryFilters();
        certificates = n.Length > 0 ? certificates.Where(c => c.Number == n) : certificates.Where(c => c.VerificationCode == code);
        return (from c in certificates
                join r in db.Revocations.IgnoreQueryFilters() on c.Id equals r.CertificateId into revocations
                from r in revocations.DefaultIfEmpty()
                select new PublicCertificate(c.Number, c.Kind, c.EnterpriseName, c.WorkshopOrFactoryName, c.AwardedOn, c.ValidUntil, c.Status,
                    r == null ? null : r.RevokedOn, r == null ? null : r.Ground))
            .FirstOrDefaultAsync(cancellationToken);
    }
}

/// <summary>What the public verification page shows of a certificate (and of its revocation: the date and the ground item only).</summary>
public sealed record PublicCertificate(
    string Number,
    RecognitionKind Kind,
    string EnterpriseName,
    string WorkshopOrFactoryName,
    DateOnly AwardedOn,
    DateOnly ValidUntil,
    CertificateStatus Status,
    DateOnly? RevokedOn,
    RevocationGround? Ground);
