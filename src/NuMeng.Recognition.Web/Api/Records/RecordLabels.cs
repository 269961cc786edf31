using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Domain.Regions;

namespace NuMeng.Recognition.Web.Api.Records;

/// <summary>Chinese labels of the data layer's enums, as shown next to the enum names in API responses.</summary>
internal static class RecordLabels
{
    public static string League(string? code) => InnerMongoliaRegions.ByCode(code)?.Name ?? code ?? string.Empty;

    public static string Decision(BureauDecision decision) => decision switch
    {
        BureauDecision.Return => "退回修改",
        BureauDecision.Reject => "不予推荐",
        BureauDecision.Recommend => "推荐",
        _ => decision.ToString(),
    };

    public static string Conflict(ConflictDeclaration conflict, bool declared) => (conflict, declared) switch
    {
        (ConflictDeclaration.None, false) => "尚未声明",
        (ConflictDeclaration.None, true) => "无利益冲突",
        (ConflictDeclaration.Declared, _) => "本人申报存在利益冲突",
        (ConflictDeclaration.Detected, _) => "系统检测到利益冲突",
        _ => conflict.ToString(),
    };

    public static string PanelRole(PanelRole role) => role == Data.Review.PanelRole.Leader ? "组长" : "组员";

    public static string Certificate(CertificateStatus status) => status switch
    {
        CertificateStatus.Valid => "有效",
        CertificateStatus.Revoked => "已撤销",
        CertificateStatus.Expired => "已过期",
        _ => status.ToString(),
    };
}
