namespace NuMeng.Recognition.Data.Identity;

/// <summary>
/// Identity role names are the <see cref="ActorRole"/> member names, so a role claim parses straight back into the enum.
/// </summary>
public static class RoleNames
{
    /// <summary>The Identity role name of <paramref name="role"/>.</summary>
    public static string Of(ActorRole role) => role.ToString();

    /// <summary>Parses a role claim value; unknown names are ignored by callers.</summary>
    public static bool TryParse(string? name, out ActorRole role) =>
        Enum.TryParse(name, ignoreCase: false, out role) && Enum.IsDefined(role);

    /// <summary>Chinese label of a role.</summary>
    public static string Label(ActorRole role) => role switch
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

    /// <summary>Roles that people can hold (the System role is for background jobs, never an account).</summary>
    public static IReadOnlyList<ActorRole> AccountRoles { get; } =
        Enum.GetValues<ActorRole>().Where(r => r != ActorRole.System).ToArray();
}
