using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web.Features.Panels;

/// <summary>
/// Who organises expert panels: the department (经办人, 负责人) and the third-party agency. Pages are authorised by
/// <c>Policies.ExpertReviewManagement</c>; the services check again (a service may be called from elsewhere). Which
/// applications the user reaches is the tenancy filter's business: the agency sees only the batches entrusted to it,
/// from expert review on. The expert pool is the department's; the agency only reads it.
/// </summary>
internal static class PanelDesk
{
    public const string NotManagerMessage = "只有自治区工业和信息化厅或受托的第三方机构可以组织专家评审";

    public const string NotDepartmentMessage = "专家库由自治区工业和信息化厅维护，第三方机构只能查看";

    public const string NotFoundMessage = "未找到该申报，或您无权查看";

    public const string InvalidMessage = "请修改以下内容后重新提交";

    /// <summary>The desk of panel and pool steps.</summary>
    public static Desk Managers { get; } = new(IsManager, NotManagerMessage);

    /// <summary>The department or the agency.</summary>
    public static bool IsManager(ActingUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsDepartment || user.Roles.Contains(ActorRole.AgencyCoordinator);
    }

    /// <summary>Whether the scope's user may read the panels and the pool.</summary>
    public static bool Admits(ICurrentActor actor) => ActingUser.Of(actor) is { } user && IsManager(user);

    /// <summary>Whether the scope's user is of the department (edits the pool).</summary>
    public static bool IsDepartment(ICurrentActor actor) => ActingUser.Of(actor) is { IsDepartment: true };
}

/// <summary>The audit entries of panel and pool steps.</summary>
internal static class PanelAuditKinds
{
    public static readonly AuditKind Assign = new("panel.assign", "ExpertAssignment");
    public static readonly AuditKind Remove = new("panel.remove", "ExpertAssignment");
    public static readonly AuditKind Recuse = new("panel.recuse", "ExpertAssignment");
    public static readonly AuditKind Leader = new("panel.leader", "ExpertAssignment");
    public static readonly AuditKind ExpertCreate = new("expert.create", "Expert");
    public static readonly AuditKind ExpertUpdate = new("expert.update", "Expert");
    public static readonly AuditKind ExpertActivate = new("expert.activate", "Expert");
    public static readonly AuditKind ExpertDeactivate = new("expert.deactivate", "Expert");
}
