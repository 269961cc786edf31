namespace NuMeng.Recognition.Domain.Workflow;

/// <summary>Chinese labels of the workflow enums (the words of their XML comments), for screens, messages and audit logs.</summary>
public static class WorkflowLabels
{
    /// <summary>草稿, 待盟市初审, ….</summary>
    public static string State(ApplicationState state) => state switch
    {
        ApplicationState.Draft => "草稿",
        ApplicationState.Submitted => "待盟市初审",
        ApplicationState.Returned => "退回修改",
        ApplicationState.Withdrawn => "已撤回",
        ApplicationState.BureauRejected => "初审未通过",
        ApplicationState.BureauRecommended => "盟市已推荐",
        ApplicationState.Accepted => "工信厅已受理",
        ApplicationState.UnderExpertReview => "专家评审中",
        ApplicationState.OnSiteVerification => "现场核查中",
        ApplicationState.PreSelected => "拟入选预选名单",
        ApplicationState.NotSelected => "未入选",
        ApplicationState.PartyGroupApproved => "厅党组会审议通过",
        ApplicationState.InPublicNotice => "公示中",
        ApplicationState.RemovedAfterObjection => "异议成立，取消入选",
        ApplicationState.Published => "已行文公布",
        ApplicationState.Recognised => "已授牌",
        ApplicationState.Revoked => "已撤销称号",
        ApplicationState.Expired => "已过有效期",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "未知的申报状态"),
    };

    /// <summary>提交, 撤回, 推荐, ….</summary>
    public static string Action(ApplicationAction action) => action switch
    {
        ApplicationAction.Submit => "提交",
        ApplicationAction.Withdraw => "撤回",
        ApplicationAction.ReturnForRevision => "退回修改",
        ApplicationAction.Resubmit => "重新提交",
        ApplicationAction.BureauReject => "初审不通过",
        ApplicationAction.BureauRecommend => "推荐",
        ApplicationAction.DepartmentAccept => "受理",
        ApplicationAction.StartExpertReview => "开始专家评审",
        ApplicationAction.StartOnSiteVerification => "开始现场核查",
        ApplicationAction.PreSelect => "列入预选名单",
        ApplicationAction.NotSelect => "不予入选",
        ApplicationAction.ApproveByPartyGroup => "厅党组会审议通过",
        ApplicationAction.StartPublicNotice => "开始公示",
        ApplicationAction.UpholdObjection => "异议成立",
        ApplicationAction.DismissObjection => "异议不成立",
        ApplicationAction.Publish => "行文公布",
        ApplicationAction.Award => "授牌",
        ApplicationAction.Rename => "更名",
        ApplicationAction.Revoke => "撤销称号",
        ApplicationAction.Expire => "有效期届满",
        ApplicationAction.ReturnToBureau => "退回盟市重新初审",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "未知的操作"),
    };

    /// <summary>企业申报人, 盟市审核员, ….</summary>
    public static string Role(ActorRole role) => role switch
    {
        ActorRole.EnterpriseApplicant => "企业申报人",
        ActorRole.BureauReviewer => "盟市审核员",
        ActorRole.BureauLeader => "盟市负责人",
        ActorRole.DepartmentStaff => "工信厅经办人",
        ActorRole.DepartmentLeader => "工信厅负责人",
        ActorRole.AgencyCoordinator => "第三方机构联络人",
        ActorRole.Expert => "评审专家",
        ActorRole.SystemAdministrator => "系统管理员",
        ActorRole.SecurityAdministrator => "安全管理员",
        ActorRole.AuditAdministrator => "审计管理员",
        ActorRole.System => "系统",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "未知的角色"),
    };
}
