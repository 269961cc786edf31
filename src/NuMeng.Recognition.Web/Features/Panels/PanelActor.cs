using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Domain.Rules;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Web.Features.Panels;

/// <summary>
/// The department or agency user behind a panel action. Pages are authorised by <c>Policies.ExpertReviewManagement</c>;
/// the services check again (a service may be called from elsewhere). Which applications the user reaches is the
/// tenancy filter's business: the agency sees only the batches entrusted to it, from expert review on.
/// </summary>
/// <param name="UserId">The account.</param>
/// <param name="Role">The role the workflow is asked with: 工信厅经办人 before 第三方机构 before 工信厅负责人.</param>
/// <param name="IsDepartment">Department staff or leader (manages the expert pool; the agency only reads it).</param>
/// <param name="DisplayName">For notifications.</param>
/// <param name="OrganisationName">For notifications.</param>
public sealed record PanelActor(Guid UserId, ActorRole Role, bool IsDepartment, string DisplayName, string OrganisationName)
{
    public const string NotManagerMessage = "只有自治区工业和信息化厅或受托的第三方机构可以组织专家评审";

    public const string NotDepartmentMessage = "专家库由自治区工业和信息化厅维护，第三方机构只能查看";

    /// <summary>The panel manager of <paramref name="actor"/>, or null when the actor is neither department nor agency.</summary>
    public static PanelActor? Of(ICurrentActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAuthenticated || actor.UserId is not { } user)
        {
            return null;
        }
        ActorRole? role = actor.Roles.Contains(ActorRole.DepartmentStaff) ? ActorRole.DepartmentStaff
            : actor.Roles.Contains(ActorRole.AgencyCoordinator) ? ActorRole.AgencyCoordinator
            : actor.Roles.Contains(ActorRole.DepartmentLeader) ? ActorRole.DepartmentLeader
            : null;
        if (role is null)
        {
            return null;
        }
        var department = role != ActorRole.AgencyCoordinator;
        return new PanelActor(user, role.Value, department, actor.DisplayName,
            actor.OrganisationName ?? (department ? "自治区工业和信息化厅" : "第三方机构"));
    }
}

/// <summary>How a panel action ended.</summary>
public enum PanelOutcomeKind
{
    /// <summary>Done now.</summary>
    Done,
    /// <summary>The input has errors; nothing changed.</summary>
    Invalid,
    /// <summary>Someone changed the panel or the application since the page was shown; nothing changed.</summary>
    Conflict,
    /// <summary>No such application (or expert) for this user.</summary>
    NotFound,
    /// <summary>Not allowed now (state, role, conflict of interest, panel closed); nothing changed.</summary>
    Refused,
}

/// <summary>The result of a panel or pool action, with the Chinese message to show.</summary>
public sealed record PanelOutcome(PanelOutcomeKind Kind, string Message, IReadOnlyList<InputError> Errors)
{
    public bool Succeeded => Kind == PanelOutcomeKind.Done;

    public static PanelOutcome Done(string message) => new(PanelOutcomeKind.Done, message, []);

    public static PanelOutcome Invalid(IReadOnlyList<InputError> errors) => new(PanelOutcomeKind.Invalid, "请修改以下内容后重新提交", errors);

    public static PanelOutcome Conflict(string message) => new(PanelOutcomeKind.Conflict, message, []);

    public static PanelOutcome NotFound(string message = "未找到该申报，或您无权查看") => new(PanelOutcomeKind.NotFound, message, []);

    public static PanelOutcome Refused(string message) => new(PanelOutcomeKind.Refused, message, []);
}
