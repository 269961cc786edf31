namespace NuMeng.Recognition.Domain.Certificates;

/// <summary>How a certificate stands on a given day.</summary>
public enum CertificateStandingKind
{
    /// <summary>有效.</summary>
    Valid,
    /// <summary>有效，6 个月内到期.</summary>
    ExpiringSoon,
    /// <summary>已过有效期.</summary>
    Expired,
    /// <summary>已撤销.</summary>
    Revoked,
}

/// <summary>
/// The expiring window and the standing of a certificate. 管理办法 第十二条 (five years from the award day;
/// <see cref="CertificateValidity"/>). The department looks at recognitions ending within the next
/// <see cref="ExpiringMonths"/> months, bound included ("以内" includes the number: 民法典 第一千二百五十九条), so the enterprise
/// can prepare its re-application before the title lapses.
/// </summary>
public static class CertificateStanding
{
    /// <summary>The window of the 即将到期 list (our choice: six months, the time a batch takes from call to award).</summary>
    public const int ExpiringMonths = 6;

    /// <summary>True when still valid on <paramref name="today"/> and the last valid day is at most six months away (inclusive).</summary>
    public static bool IsExpiring(DateOnly validUntil, DateOnly today) =>
        CertificateValidity.ExpiresWithin(validUntil, today, ExpiringMonths);

    /// <summary>The standing on <paramref name="today"/>: a revocation wins; then expiry (from the day after the last valid day).</summary>
    public static CertificateStandingKind Of(bool revoked, DateOnly validUntil, DateOnly today) =>
        revoked ? CertificateStandingKind.Revoked
        : CertificateValidity.IsExpired(validUntil, today) ? CertificateStandingKind.Expired
        : IsExpiring(validUntil, today) ? CertificateStandingKind.ExpiringSoon
        : CertificateStandingKind.Valid;

    /// <summary>有效 / 有效（即将到期） / 已过有效期 / 已撤销.</summary>
    public static string Label(CertificateStandingKind standing) => standing switch
    {
        CertificateStandingKind.Valid => "有效",
        CertificateStandingKind.ExpiringSoon => "有效（6个月内到期）",
        CertificateStandingKind.Expired => "已过有效期",
        CertificateStandingKind.Revoked => "已撤销",
        _ => throw new ArgumentOutOfRangeException(nameof(standing), standing, "未知的证书状态"),
    };
}
