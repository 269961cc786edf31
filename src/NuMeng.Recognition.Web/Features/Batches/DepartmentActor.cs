using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Web.Features.Batches;

/// <summary>
/// The department user behind a service call. Pages are authorised by policy (<c>Policies.Department</c>); every service
/// checks again, because the tenancy filters alone do not stop another role from writing the public reference rows
/// (batches, holidays, scene catalogues are readable by anyone).
/// </summary>
internal sealed record DepartmentActor(Guid UserId, ActorRole Role, string DisplayName)
{
    public const string NotDepartmentMessage = "只有自治区工业和信息化厅的经办人和负责人可以办理此项业务";

    /// <summary>The department user of <paramref name="actor"/>, or null.</summary>
    public static DepartmentActor? Of(ICurrentActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAuthenticated || actor.UserId is not { } user)
        {
            return null;
        }
        // The workflow gives formal acceptance (受理) to 经办人: a user holding both roles acts as staff.
        ActorRole? role = actor.Roles.Contains(ActorRole.DepartmentStaff) ? ActorRole.DepartmentStaff
            : actor.Roles.Contains(ActorRole.DepartmentLeader) ? ActorRole.DepartmentLeader
            : null;
        return role is null ? null : new DepartmentActor(user, role.Value, actor.DisplayName);
    }
}
