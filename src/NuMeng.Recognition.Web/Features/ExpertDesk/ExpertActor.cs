using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web.Features.ExpertDesk;

/// <summary>
/// The expert behind a service call. Pages are authorised by <c>Policies.Expert</c>; the services check again, because
/// the department would also pass the tenancy filters and must never score or declare in an expert's place.
/// </summary>
internal sealed record ExpertActor(Guid UserId, Guid ExpertId, string DisplayName)
{
    public const string NotExpertMessage = "只有评审专家可以办理专家评审";

    public static ExpertActor? Of(ICurrentActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor is { IsAuthenticated: true, UserId: { } user, ExpertId: { } expert } && actor.Roles.Contains(ActorRole.Expert)
            ? new ExpertActor(user, expert, actor.DisplayName)
            : null;
    }
}
