using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web.Features.Applications;

/// <summary>Chinese labels of the audit actions and actor kinds an application's history shows.</summary>
public static class ApplicationHistoryLabels
{
    /// <summary>
    /// The action code of an audit entry as a civil servant or an applicant reads it: the label of its
    /// <see cref="AuditKind"/> (<see cref="AuditKinds.ApplicationHistory"/>).
    /// </summary>
    public static string Action(string action) =>
        AuditKinds.ApplicationHistory.FirstOrDefault(k => k.Code == action)?.HistoryLabel ?? "其他办理事项";

    public static string Actor(ApplicationHistoryActor actor) => actor switch
    {
        ApplicationHistoryActor.Enterprise => "企业",
        ApplicationHistoryActor.Bureau => "盟市工信局",
        ApplicationHistoryActor.Department => "自治区工信厅",
        ApplicationHistoryActor.AgencyOrExpert => "评估机构或专家",
        _ => "系统",
    };
}
