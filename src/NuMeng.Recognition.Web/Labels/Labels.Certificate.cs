namespace NuMeng.Recognition.Web;

/// <summary>
/// The Chinese words of the portal's enums: one source per enum, used alike by the pages, the Excel exports, the record
/// API and the printed documents (one file per enum).
/// </summary>
public static partial class Labels
{
    /// <summary>有效, 已撤销, 已过期.</summary>
    public static string Certificate(CertificateStatus status) => status switch
    {
        CertificateStatus.Valid => "有效",
        CertificateStatus.Revoked => "已撤销",
        CertificateStatus.Expired => "已过期",
        _ => status.ToString(),
    };
}
