using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web.Features.Applications;

/// <summary>Chinese labels of the audit actions and actor kinds an application's history shows.</summary>
public static class ApplicationHistoryLabels
{
    /// <summary>The action code of an audit entry as a civil servant or an applicant reads it.</summary>
    public static string Action(string action) => action switch
    {
        "application.start" => "创建申报草稿",
        "application.evidence.add" => "上传证明材料",
        "application.evidence.remove" => "删除证明材料",
        "application.submit" => "提交申报",
        "application.resubmit" => "答复退回意见并重新提交",
        "application.withdraw" => "撤回申报",
        "application.return" => "盟市初审：退回修改",
        "bureau-review.sign" => "盟市负责人签发初审意见",
        "application.accept" => "自治区工信厅受理",
        "application.department-return" => "自治区工信厅退回",
        "application.start-expert-review" => "进入专家评审",
        "application.start-onsite" => "进入现场核查",
        "application.state" => "办理状态变更",
        _ => "其他办理事项",
    };

    public static string Actor(ApplicationHistoryActor actor) => actor switch
    {
        ApplicationHistoryActor.Enterprise => "企业",
        ApplicationHistoryActor.Bureau => "盟市工信局",
        ApplicationHistoryActor.Department => "自治区工信厅",
        ApplicationHistoryActor.AgencyOrExpert => "评估机构或专家",
        _ => "系统",
    };
}
