using NuMeng.Recognition.Data.Batches;
using NuMeng.Recognition.Data.Recognition;
using NuMeng.Recognition.Data.Review;
using NuMeng.Recognition.Domain.Regions;
using NuMeng.Recognition.Domain.Rules;

namespace NuMeng.Recognition.Web.Features.Exports;

/// <summary>Chinese words for the stored enums the exports show (the workflow's own labels live in WorkflowLabels).</summary>
public static class ExportLabels
{
    /// <summary>呼和浩特市 for 1501; the code itself when it is not in the list (never an empty cell).</summary>
    public static string League(string? code) => InnerMongoliaRegions.ByCode(code)?.Name ?? code ?? string.Empty;

    /// <summary>草稿, 开放申报, 已截止.</summary>
    public static string Batch(BatchState state) => state switch
    {
        BatchState.Draft => "草稿",
        BatchState.Open => "开放申报",
        BatchState.Closed => "已截止",
        _ => state.ToString(),
    };

    /// <summary>第一批, 第二批 ….</summary>
    public static string Round(int round) => round switch
    {
        1 => "第一批",
        2 => "第二批",
        3 => "第三批",
        _ => $"第{round}批",
    };

    /// <summary>有效, 已撤销, 已过期.</summary>
    public static string Certificate(CertificateStatus status) => status switch
    {
        CertificateStatus.Valid => "有效",
        CertificateStatus.Revoked => "已撤销",
        CertificateStatus.Expired => "已过期",
        _ => status.ToString(),
    };

    /// <summary>The rename request's stage: the bureau forwards (or declines), the department decides.</summary>
    public static string Rename(RenameRequestState state) => state switch
    {
        RenameRequestState.Submitted => "待盟市转报",
        RenameRequestState.Forwarded => "已转报工信厅",
        RenameRequestState.DeclinedByBureau => "盟市不予转报",
        RenameRequestState.Approved => "已批准更名",
        RenameRequestState.Rejected => "不予更名",
        _ => state.ToString(),
    };

    /// <summary>已收到, 已核实, 异议成立, 异议不成立.</summary>
    public static string Objection(ObjectionState state) => state switch
    {
        ObjectionState.Received => "已收到",
        ObjectionState.Verified => "已核实",
        ObjectionState.Upheld => "异议成立",
        ObjectionState.Dismissed => "异议不成立",
        _ => state.ToString(),
    };

    /// <summary>个人, 单位.</summary>
    public static string Objector(ObjectorKind kind) => kind == ObjectorKind.Unit ? "单位" : "个人";

    /// <summary>草稿, 公示中, 公示结束.</summary>
    public static string Notice(PublicNoticeState state) => state switch
    {
        PublicNoticeState.Draft => "草稿",
        PublicNoticeState.Open => "公示中",
        PublicNoticeState.Closed => "公示结束",
        _ => state.ToString(),
    };

    /// <summary>5个自然日, 5个工作日.</summary>
    public static string Period(int length, PeriodUnit unit) => $"{length}个{(unit == PeriodUnit.WorkingDays ? "工作日" : "自然日")}";

    /// <summary>组长, 组员.</summary>
    public static string PanelRoleLabel(PanelRole role) => role == PanelRole.Leader ? "组长" : "组员";

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
