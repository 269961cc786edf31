using NuMeng.Recognition.Data.Tenancy;

namespace NuMeng.Recognition.Web.Features.Notifications;

/// <summary>
/// Who receives a notification addressed to an organisation. A bureau that returns an application must reach the
/// enterprise's applicants, whose accounts the bureau cannot read through the tenancy filters (users are visible only
/// inside one's own organisation). The lookup therefore runs as the portal itself (<see cref="CurrentActor.System"/>,
/// the actor the data layer provides for background work) and returns user ids only — never names or anything else a
/// caller could show. This class and <see cref="DeadlineReminders"/> are the only places of the web app that use the
/// System actor.
/// </summary>
public sealed class NotificationRecipients(DbContextOptions<RecognitionDbContext> options, TimeProvider clock)
{
    /// <summary>Active users of <paramref name="organisationId"/> holding any of <paramref name="roles"/>.</summary>
    public async Task<IReadOnlyList<Guid>> UsersOfAsync(
        Guid organisationId, IReadOnlyCollection<ActorRole> roles, CancellationToken cancellationToken = default)
    {
        await using var db = CreateSystemContext("确定通知接收人");
        return await UsersOfAsync(db, organisationId, roles, cancellationToken);
    }

    /// <summary>Same, on a context the caller already holds (it must see the users: a System context).</summary>
    internal static async Task<IReadOnlyList<Guid>> UsersOfAsync(
        RecognitionDbContext db, Guid organisationId, IReadOnlyCollection<ActorRole> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var names = roles.Select(RoleNames.Of).ToList();
        return await (
                from u in db.Users
                where u.OrganisationId == organisationId && u.IsActive
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where names.Contains(r.Name!)
                select u.Id)
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    /// <summary>A context of the System actor, for the lookups above and the daily reminders. Dispose it.</summary>
    internal RecognitionDbContext CreateSystemContext(string purpose) => new(options, CurrentActor.System(purpose), clock);
}
