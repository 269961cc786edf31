using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web;

/// <summary>
/// The signed-in user a step runs for: the one acting-user type of every state-changing service. Built from the scope's
/// <see cref="ICurrentActor"/> (the same actor the tenancy filters use), so a service never reads the principal itself.
/// </summary>
/// <param name="UserId">The account.</param>
/// <param name="Roles">Every role the account holds.</param>
/// <param name="OrganisationId">The user's organisation (enterprise, bureau, department, agency), if any.</param>
/// <param name="OrganisationName">Its name, for notifications.</param>
/// <param name="LeagueCode">盟市 code of a bureau user's bureau (e.g. "1501"); null otherwise.</param>
/// <param name="ExpertId">The expert record of an expert user; null otherwise.</param>
/// <param name="DisplayName">The name recorded in notifications and the audit log.</param>
public sealed record ActingUser(
    Guid UserId, IReadOnlySet<ActorRole> Roles, Guid? OrganisationId, string? OrganisationName, string? LeagueCode,
    Guid? ExpertId, string DisplayName)
{
    /// <summary>The acting user of <paramref name="actor"/>; null when nobody is signed in.</summary>
    public static ActingUser? Of(ICurrentActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor is { IsAuthenticated: true, UserId: { } user }
            ? new ActingUser(user, actor.Roles, actor.OrganisationId, actor.OrganisationName, actor.LeagueCode, actor.ExpertId, actor.DisplayName)
            : null;
    }

    /// <summary>工信厅经办人 or 工信厅负责人.</summary>
    public bool IsDepartment => Roles.Contains(ActorRole.DepartmentStaff) || Roles.Contains(ActorRole.DepartmentLeader);

    /// <summary>盟市审核员 or 盟市负责人 of a bureau with its 盟市.</summary>
    public bool IsBureau => (Roles.Contains(ActorRole.BureauLeader) || Roles.Contains(ActorRole.BureauReviewer))
        && OrganisationId is not null && !string.IsNullOrEmpty(LeagueCode);

    /// <summary>企业申报人 of an enterprise.</summary>
    public bool IsEnterprise => Roles.Contains(ActorRole.EnterpriseApplicant);

    /// <summary>The role acted with when the table names none: the first held role by <see cref="ActingRoles.Precedence"/>.</summary>
    public ActorRole Role => ActingRoles.Primary(Roles);

    /// <summary>
    /// The role a step in the application workflow acts with: the held role the table names for <paramref name="action"/>
    /// in <paramref name="state"/> (by precedence), else <see cref="Role"/> (whose refusal then names it).
    /// </summary>
    public ActorRole RoleFor(ApplicationState state, ApplicationAction action) =>
        ActingRoles.Pick(Roles, ApplicationWorkflow.RolesFor(state, action)) ?? Role;
}

/// <summary>Who may use a service at all, and the refusal for everyone else (checked before anything is read).</summary>
/// <param name="Admits">True for the users the desk serves.</param>
/// <param name="Refusal">The Chinese message for the others.</param>
public sealed record Desk(Func<ActingUser, bool> Admits, string Refusal)
{
    /// <summary>工信厅经办人 and 工信厅负责人.</summary>
    public static Desk Department { get; } = new(u => u.IsDepartment, "只有自治区工业和信息化厅的经办人和负责人可以办理此项业务");

    /// <summary>盟市审核员 and 盟市负责人.</summary>
    public static Desk Bureau { get; } = new(u => u.IsBureau, "只有盟市工业和信息化主管部门的审核员和负责人可以办理初审");

    /// <summary>企业申报人.</summary>
    public static Desk Enterprise { get; } = new(u => u.IsEnterprise, "仅企业申报人可以填写申报。");
}
