namespace NuMeng.Recognition.Web.Api.Records;

/// <summary>Labels only the record API shows (the others come from <see cref="Labels"/>, shared with pages and exports).</summary>
internal static class RecordLabels
{
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
}
