namespace NuMeng.Recognition.Web.Features.Exports;

/// <summary>
/// Chinese words only the exports show (the enums' own labels are <see cref="Labels"/>, shared with pages, the API and
/// the printed documents; the workflow's live in WorkflowLabels).
/// </summary>
public static class ExportLabels
{
    /// <summary>5个自然日, 5个工作日.</summary>
    public static string Period(int length, PeriodUnit unit) => $"{length}个{(unit == PeriodUnit.WorkingDays ? "工作日" : "自然日")}";

    /// <summary>The expert's conflict declaration as the panel sees it.</summary>
    public static string Conflict(DateTimeOffset? declaredAt, ConflictDeclaration conflict) => (declaredAt, conflict) switch
    {
        (_, ConflictDeclaration.Detected) => "系统发现利益冲突",
        (null, _) => "待声明",
        (_, ConflictDeclaration.Declared) => "专家申报利益冲突",
        _ => "无利益冲突",
    };

    /// <summary>Where the expert's score sheet stands.</summary>
    public static string ScoreProgress(bool recused, bool hasSheet, DateTimeOffset? submittedAt) =>
        recused ? "已回避" : submittedAt is not null ? "已提交" : hasSheet ? "评分中（未提交）" : "未开始";

    /// <summary>The bureau's decision, once the leader has signed it (a prepared one is marked as waiting).</summary>
    public static string BureauDecisionLabel(BureauDecision decision, bool isSigned) => (decision, isSigned) switch
    {
        (BureauDecision.Return, _) => "退回修改",
        (BureauDecision.Reject, true) => "不予推荐",
        (BureauDecision.Reject, false) => "拟不予推荐（待负责人签发）",
        (BureauDecision.Recommend, true) => "推荐",
        (BureauDecision.Recommend, false) => "拟推荐（待负责人签发）",
        _ => decision.ToString(),
    };

    /// <summary>是, 否.</summary>
    public static string YesNo(bool value) => value ? "是" : "否";
}
