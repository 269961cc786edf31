using NuMeng.Recognition.Data.Tenancy;
using NuMeng.Recognition.Domain.Workflow;

namespace NuMeng.Recognition.Web.Features.Review;

/// <summary>
/// The bureau user behind a service call. Pages are authorised by policy (盟市审核员、盟市负责人); the services check
/// again, because the department's roles would also pass the tenancy filter and must not act as a bureau.
/// </summary>
internal sealed record BureauActor(Guid UserId, Guid BureauId, string BureauName, string LeagueCode, ActorRole Role, string DisplayName)
{
    public const string NotBureauMessage = "只有盟市工业和信息化主管部门的审核员和负责人可以办理初审";

    /// <summary>The bureau user of <paramref name="actor"/>, or null when the actor is no bureau user.</summary>
    public static BureauActor? Of(ICurrentActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAuthenticated || actor.UserId is not { } user || actor.OrganisationId is not { } bureau
            || string.IsNullOrEmpty(actor.LeagueCode))
        {
            return null;
        }
        // A leader may do everything a reviewer may, and sign; the workflow is asked with the stronger role.
        ActorRole? role = actor.Roles.Contains(ActorRole.BureauLeader) ? ActorRole.BureauLeader
            : actor.Roles.Contains(ActorRole.BureauReviewer) ? ActorRole.BureauReviewer
            : null;
        return role is null
            ? null
            : new BureauActor(user, bureau, actor.OrganisationName ?? "盟市工业和信息化主管部门", actor.LeagueCode, role.Value, actor.DisplayName);
    }
}
