using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Web.Features.Certificates;

/// <summary>
/// The department user behind a certificate action. Pages are authorised by <c>Policies.Department</c>; the services check
/// again (the tenancy filter lets the department read everything, but it must also keep others from writing). The role is
/// handed to <see cref="ApplicationWorkflow"/> as it is: 行文公布, 授牌 and 更名 are 经办人's rows, 撤销称号 the 负责人's.
/// </summary>
internal sealed record CertificateActor(Guid UserId, ActorRole Role, string DisplayName)
{
    public const string NotDepartmentMessage = "只有自治区工业和信息化厅的经办人和负责人可以办理认定公布、授牌、更名和撤销";

    /// <summary>The department user of <paramref name="actor"/> acting for <paramref name="action"/>, or null.</summary>
    public static CertificateActor? Of(ICurrentActor actor, ApplicationAction action)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAuthenticated || actor.UserId is not { } user)
        {
            return null;
        }
        var staff = actor.Roles.Contains(ActorRole.DepartmentStaff);
        var leader = actor.Roles.Contains(ActorRole.DepartmentLeader);
        // Someone holding both roles acts with the one the workflow names for the action.
        ActorRole? role = action == ApplicationAction.Revoke
            ? (leader ? ActorRole.DepartmentLeader : staff ? ActorRole.DepartmentStaff : null)
            : (staff ? ActorRole.DepartmentStaff : leader ? ActorRole.DepartmentLeader : null);
        return role is null ? null : new CertificateActor(user, role.Value, actor.DisplayName);
    }

    /// <summary>The workflow's refusal of <paramref name="action"/> in <paramref name="from"/> for this actor; null when allowed.</summary>
    public string? Refusal(ApplicationState from, ApplicationAction action, RevocationGround? ground = null)
    {
        try
        {
            ApplicationWorkflow.Transition(from, action, Role, ground);
            return null;
        }
        catch (WorkflowException ex)
        {
            return ex.Message;
        }
    }
}
