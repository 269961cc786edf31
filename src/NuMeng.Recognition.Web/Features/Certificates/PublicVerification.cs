using System.Net;
using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web.Features.Certificates;

/// <summary>What the public page found.</summary>
public enum VerificationOutcome
{
    /// <summary>Nothing asked yet.</summary>
    NotAsked,
    /// <summary>A certificate with this number or code exists.</summary>
    Found,
    /// <summary>None.</summary>
    NotFound,
    /// <summary>The code's check character does not match (a typo): no lookup was made.</summary>
    CheckFailed,
    /// <summary>Too many lookups from this address.</summary>
    RateLimited,
}

/// <summary>The answer of the verification page.</summary>
public sealed record VerificationResult(VerificationOutcome Outcome, string Query, PublicCertificate? Certificate, CertificateStandingKind? Standing, string? Message);

/// <summary>
/// 证书查验 for anyone (docs/rule-reference.md §10 "anyone can verify a certificate on a public page"): by the number or by the
/// verification code printed on the certificate and carried by its QR code. A typed code is checked for its check
/// character first, so a typo is named as one. Lookups are limited per address (<see cref="VerificationRateLimiter"/>).
/// </summary>
public sealed class PublicVerification(IDbContextFactory<RecognitionDbContext> factory, VerificationRateLimiter limiter, TimeProvider clock)
{
    /// <summary>Looks up <paramref name="typed"/> (a number, or a code with or without hyphens) for a visitor from <paramref name="address"/>.</summary>
    public async Task<VerificationResult> VerifyAsync(string? typed, IPAddress? address, CancellationToken cancellationToken = default)
    {
        var query = typed?.Trim() ?? string.Empty;
        if (query.Length == 0)
        {
            return new(VerificationOutcome.NotAsked, query, null, null, null);
        }
        if (query.Length > 64)
        {
            return new(VerificationOutcome.NotFound, query[..64], null, null, "输入过长：请输入证书编号（如 NMDW-2025-0001）或证书上的验证码");
        }
        var isNumber = CertificateNumbering.TryParse(query, out _) || query.StartsWith("NM", StringComparison.OrdinalIgnoreCase) && query.Contains('-', StringComparison.Ordinal) && query.Length > 11;
        if (!isNumber && VerificationCode.Check(query) == VerificationCodeShape.CheckFailed)
        {
            return new(VerificationOutcome.CheckFailed, query, null, null, VerificationCode.Message(VerificationCodeShape.CheckFailed));
        }
        if (!limiter.TryAcquire(address, clock.GetUtcNow()))
        {
            return new(VerificationOutcome.RateLimited, query, null, null, $"查询过于频繁，请 {VerificationRateLimiter.Window.TotalMinutes:0} 分钟后再试");
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var certificate = isNumber
            ? await UnfilteredQueries.FindCertificateForPublicAsync(db, query, null, cancellationToken)
            : await UnfilteredQueries.FindCertificateForPublicAsync(db, null, VerificationCode.Normalize(query), cancellationToken);
        if (certificate is null)
        {
            return new(VerificationOutcome.NotFound, query, null, null, isNumber
                ? $"未找到编号为“{query}”的证书。请核对证书编号；如仍无法查到，该证书可能不是自治区工业和信息化厅颁发的。"
                : $"未找到验证码为“{query}”的证书。请核对验证码，或改用证书编号查询。");
        }
        var standing = CertificateStanding.Of(certificate.Status == CertificateStatus.Revoked, certificate.ValidUntil, ChinaTime.Today(clock));
        return new(VerificationOutcome.Found, query, certificate, standing, null);
    }
}

/// <summary>
/// A fixed-window limit of lookups per client address (in memory, per instance: enough to slow down enumeration of
/// numbers on one server; a shared store would be needed behind a load balancer).
/// </summary>
public sealed class VerificationRateLimiter
{
    /// <summary>Lookups allowed per address and window.</summary>
    public const int Limit = 30;

    /// <summary>The window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> _windows = new();

    /// <summary>True when one more lookup is allowed now (and counts it).</summary>
    public bool TryAcquire(IPAddress? address, DateTimeOffset now)
    {
        var key = address?.ToString() ?? "unknown";
        if (_windows.Count > 10_000)
        {
            foreach (var old in _windows.Where(w => now - w.Value.Start >= Window).Select(w => w.Key).ToList())
            {
                _windows.TryRemove(old, out _);
            }
        }
        var entry = _windows.AddOrUpdate(key, _ => (now, 1), (_, w) => now - w.Start >= Window ? (now, 1) : (w.Start, w.Count + 1));
        return entry.Count <= Limit;
    }
}
