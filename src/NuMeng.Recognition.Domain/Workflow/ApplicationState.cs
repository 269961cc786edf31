namespace NuMeng.Recognition.Domain.Workflow;

/// <summary>
/// Where an application (申报) stands in the recognition procedure (管理办法 第七条、第八条、第十条、第十二条).
/// Stored by name; never renumber.
/// </summary>
public enum ApplicationState
{
    /// <summary>草稿: the enterprise is filling it in.</summary>
    Draft,
    /// <summary>待盟市初审: submitted, a frozen version waits for the league/city bureau.</summary>
    Submitted,
    /// <summary>退回修改: the bureau (or department) returned it; the enterprise answers with a new version.</summary>
    Returned,
    /// <summary>已撤回: withdrawn by the enterprise before the bureau decided.</summary>
    Withdrawn,
    /// <summary>初审未通过: the bureau rejected it.</summary>
    BureauRejected,
    /// <summary>盟市已推荐: recommended with a stamped opinion and forwarded to the department.</summary>
    BureauRecommended,
    /// <summary>工信厅已受理: formally accepted by the department.</summary>
    Accepted,
    /// <summary>专家评审中: centralised expert review (集中评审).</summary>
    UnderExpertReview,
    /// <summary>现场核查中: on-site verification.</summary>
    OnSiteVerification,
    /// <summary>拟入选预选名单.</summary>
    PreSelected,
    /// <summary>未入选.</summary>
    NotSelected,
    /// <summary>厅党组会审议通过.</summary>
    PartyGroupApproved,
    /// <summary>公示中.</summary>
    InPublicNotice,
    /// <summary>异议成立，取消入选: an upheld objection removed it from the list.</summary>
    RemovedAfterObjection,
    /// <summary>已行文公布（认定）.</summary>
    Published,
    /// <summary>已授牌: recognised; valid five years from the award date (第十二条).</summary>
    Recognised,
    /// <summary>已撤销称号 (第十条).</summary>
    Revoked,
    /// <summary>已过有效期.</summary>
    Expired,
}

/// <summary>What someone does to an application.</summary>
public enum ApplicationAction
{
    Submit,
    Withdraw,
    ReturnForRevision,
    Resubmit,
    BureauReject,
    BureauRecommend,
    DepartmentAccept,
    StartExpertReview,
    StartOnSiteVerification,
    PreSelect,
    NotSelect,
    ApproveByPartyGroup,
    StartPublicNotice,
    UpholdObjection,
    DismissObjection,
    Publish,
    Award,
    Rename,
    Revoke,
    Expire,
    /// <summary>自治区工信厅退回盟市重新初审: an accepted application goes back to its bureau's preliminary review.</summary>
    ReturnToBureau,
}

/// <summary>
/// Roles of the portal. The three administrator roles are separated as a level-3 protected system requires
/// (等保三级 三员分立): none of them reads business data they do not administer.
/// </summary>
public enum ActorRole
{
    /// <summary>企业申报人.</summary>
    EnterpriseApplicant,
    /// <summary>盟市审核员.</summary>
    BureauReviewer,
    /// <summary>盟市负责人（签发初审意见）.</summary>
    BureauLeader,
    /// <summary>工信厅经办人.</summary>
    DepartmentStaff,
    /// <summary>工信厅负责人.</summary>
    DepartmentLeader,
    /// <summary>第三方机构联络人.</summary>
    AgencyCoordinator,
    /// <summary>评审专家.</summary>
    Expert,
    /// <summary>系统管理员.</summary>
    SystemAdministrator,
    /// <summary>安全管理员.</summary>
    SecurityAdministrator,
    /// <summary>审计管理员.</summary>
    AuditAdministrator,
    /// <summary>系统（定时任务，如有效期届满）.</summary>
    System,
}
